/**
 * Post-build step of @pxm/elements: minifies the Lit templates of `dist/*.js` (the CSS of `css`
 * templates, the indentation of `html` and `svg` ones; see template-literals.mjs). Line numbers
 * are kept, so the source maps tsc wrote stay valid.
 *   node ../../scripts/minify-dist-templates.mjs dist
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minifyTemplateLiterals } from './template-literals.mjs';

function jsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

let saved = 0;
for (const file of jsFiles(process.argv[2] ?? 'dist')) {
  const source = readFileSync(file, 'utf8');
  const minified = minifyTemplateLiterals(source, file);
  if (minified !== source) {
    saved += source.length - minified.length;
    writeFileSync(file, minified);
  }
}
console.log(`[pxm] templates minified in dist/: ${(saved / 1024).toFixed(1)} KB less`);
