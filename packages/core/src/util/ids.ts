/** A random id for client-made records (log entries, idempotency keys). 122 bits of randomness. */
export function createId(): string {
  return globalThis.crypto.randomUUID();
}

/** A random, unguessable token of `bytes` bytes (default 16 = 128 bits), base64url. */
export function createToken(bytes = 16): string {
  const buffer = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buffer);
  let binary = '';
  for (const byte of buffer) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A reference a person can read out on the phone, made from a record's id: the first eight
 * letters and digits after any type prefix (`resp-`, `sresp-`), upper case, in two groups of four
 * (`resp-1b6f2a9c-...` -> `1B6F-2A9C`). Staff find the record by that start of its id.
 */
export function humanReference(id: string): string {
  const body = id.replace(/^[a-z]+[-_](?=[A-Za-z0-9])/, '');
  const characters = body.replace(/[^A-Za-z0-9]/g, '').toUpperCase().slice(0, 8);
  return characters.length > 4 ? `${characters.slice(0, 4)}-${characters.slice(4)}` : characters || id;
}
