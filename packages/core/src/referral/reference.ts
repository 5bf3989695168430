/**
 * The reference an office quotes on the phone: `REF-7K2M-9QXD`. Eight characters from an
 * alphabet without 0/O and 1/I (read aloud without confusion), 40 random bits: unguessable
 * enough that a reference reveals nothing, short enough to read out.
 */
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Random bytes a reference needs; a backend passes its own secure random source. */
export const REFERRAL_REFERENCE_RANDOM_BYTES = 8;

/** A reference from eight random bytes (each byte picks one of 32 characters, so no bias). */
export function formatReferralReference(randomBytes: Uint8Array): string {
  if (randomBytes.length < REFERRAL_REFERENCE_RANDOM_BYTES) throw new RangeError('A referral reference needs eight random bytes.');
  let characters = '';
  for (let index = 0; index < REFERRAL_REFERENCE_RANDOM_BYTES; index += 1) {
    characters += REFERENCE_ALPHABET[(randomBytes[index] ?? 0) % REFERENCE_ALPHABET.length];
  }
  return `REF-${characters.slice(0, 4)}-${characters.slice(4)}`;
}

/** True for a reference in the quoted form (what an inbox search accepts). */
export function isReferralReference(value: string): boolean {
  return /^REF-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/.test(value);
}
