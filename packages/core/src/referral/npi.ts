/**
 * National Provider Identifier (NPI): ten digits, the last a Luhn check digit computed over the
 * first nine with the card-issuer prefix `80840` in front (CMS, "Requirements for NPI check
 * digit"). Catching a mistyped digit in the browser saves the office a call back.
 */

/** The prefix CMS puts before the nine identifier digits when it computes the check digit. */
const NPI_LUHN_PREFIX = '80840';

/** The Luhn check digit of `payload` (digits only): the digit that makes the whole sum end in 0. */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  // Rightmost payload digit first: it sits next to the check digit, so it is the one doubled.
  for (let position = 0; position < payload.length; position += 1) {
    let digit = Number(payload[payload.length - 1 - position]);
    if (position % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** True for ten digits whose last is the check digit of the first nine (spaces and dashes not allowed). */
export function isValidNpi(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  return luhnCheckDigit(NPI_LUHN_PREFIX + value.slice(0, 9)) === Number(value[9]);
}

/** What an office typed, with spaces and dashes removed, ready for `isValidNpi`. */
export function normalizeNpi(typed: string): string {
  return typed.replace(/[\s-]/g, '');
}
