/** English and Spanish plurals of the booking's words: the one form for exactly one, the other for any other count. */
export const plural = (count: number, one: string, other: string): string => (count === 1 ? one : other);
