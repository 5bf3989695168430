/**
 * Serves this folder at http://127.0.0.1:5180/ with the strict Content-Security-Policy the
 * elements promise to work under. `node serve.mjs [port]`; Ctrl+C stops it.
 */
import { serveStatic } from '../../scripts/browser/static-server.mjs';
import { STRICT_CSP } from './csp.mjs';

const port = Number(process.argv[2] ?? 5180);
const server = await serveStatic({ mounts: { '/': new URL('.', import.meta.url).pathname }, headers: { 'content-security-policy': STRICT_CSP }, port });
console.log(`[pxm] script-tag example at ${server.origin}/`);
