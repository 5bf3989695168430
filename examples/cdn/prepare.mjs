/**
 * Copies the built script-tag files (packages/elements/cdn, made by `pnpm build`) next to the page
 * as ./pxm/, where a real site would point at a CDN instead.
 */
import { cpSync, existsSync, rmSync } from 'node:fs';

const from = new URL('../../packages/elements/cdn/', import.meta.url);
const to = new URL('./pxm/', import.meta.url);
if (!existsSync(new URL('pxm-elements.js', from))) {
  console.error('[pxm] packages/elements/cdn/ is missing: run `pnpm build` (or `node scripts/build-cdn.mjs`) first.');
  process.exit(1);
}
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true });
console.log('[pxm] copied @pxm/elements/cdn to examples/cdn/pxm/');
