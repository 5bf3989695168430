/**
 * The link token of one occurrence of a due measure (the n-th time an instrument is offered in
 * an episode): an HMAC-SHA-256 keyed by the progress link token. Only the holder of that link
 * can make it, it reveals nothing of the progress token, and the same occurrence always gets the
 * same token, so a backend can offer it again without storing the token itself. WebCrypto, so it
 * runs in browsers and Node alike.
 */
export async function measureFormToken(progressToken: string, instrumentId: string, occurrence: number): Promise<string> {
  const encoder = new TextEncoder();
  const key = await globalThis.crypto.subtle.importKey('raw', encoder.encode(progressToken), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, encoder.encode(`pxm-measure:${instrumentId}:${occurrence}`)));
  let binary = '';
  for (const byte of mac) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
