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
