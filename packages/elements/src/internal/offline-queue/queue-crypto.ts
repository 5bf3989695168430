/**
 * The queue's cryptography: one AES-GCM key per queue, made non-extractable so script on the page
 * can use it but never read it out; a fresh random IV per entry; the entry's storage key bound in
 * as additional data so a ciphertext cannot be moved to another entry.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function generateQueueKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export interface Sealed {
  iv: Uint8Array;
  data: ArrayBuffer;
}

export async function seal(key: CryptoKey, plaintext: string, binding: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(binding) }, key, encoder.encode(plaintext));
  return { iv, data };
}

export async function unseal(key: CryptoKey, sealed: Sealed, binding: string): Promise<string> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.iv as Uint8Array<ArrayBuffer>, additionalData: encoder.encode(binding) },
    key,
    sealed.data,
  );
  return decoder.decode(plain);
}

/** Hex SHA-256: entries are stored under a digest of their id, never the id itself. */
export async function digest(value: string): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(value)));
  let hex = '';
  for (const byte of hash) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
