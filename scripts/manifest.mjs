/**
 * `pnpm manifest`: writes packages/elements/custom-elements.json from the elements' JSDoc, and
 * what is derived from it: the React/Vue bindings in packages/elements/src/frameworks/ and the API
 * reference in docs/reference/. `pnpm manifest --check` (CI) writes nothing and fails when any
 * of those files is not what the current sources produce.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { analyzeElements, ELEMENTS_DIR } from './manifest/analyze.mjs';
import { apiMarkdown } from './manifest/api-markdown.mjs';
import { jsxTypes, reactWrappers, vueTypes } from './manifest/framework-types.mjs';
import { elementsOf } from './manifest/read-manifest.mjs';
import { tokenTable } from './manifest/token-table.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');

const manifest = await analyzeElements();
const elements = elementsOf(manifest);

const outputs = new Map([
  [join(ELEMENTS_DIR, 'custom-elements.json'), `${JSON.stringify(manifest, null, 2)}\n`],
  [join(ELEMENTS_DIR, 'src/frameworks/jsx.ts'), jsxTypes(elements)],
  [join(ELEMENTS_DIR, 'src/frameworks/vue.ts'), vueTypes(elements)],
  [join(ELEMENTS_DIR, 'src/frameworks/react.ts'), reactWrappers(elements)],
  ...elements.map((element) => [join(ROOT, 'docs/reference', `${element.tagName}.md`), apiMarkdown(element)]),
  [join(ROOT, 'docs/theming.md'), withBlock(join(ROOT, 'docs/theming.md'), 'tokens', tokenTable(manifest))],
]);

/** A file with the generated block between `<!-- name:start ... -->` and `<!-- name:end -->` replaced. */
function withBlock(path, name, content) {
  const text = readFileSync(path, 'utf8');
  const pattern = new RegExp(`(<!-- ${name}:start[^>]*-->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!pattern.test(text)) throw new Error(`${relative(ROOT, path)} has no <!-- ${name}:start --> ... <!-- ${name}:end --> block`);
  return text.replace(pattern, (_, start, end) => `${start}${content}${end}`);
}

const stale = [];
for (const [path, content] of outputs) {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (current === content) continue;
  if (check) stale.push(relative(ROOT, path));
  else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    console.log(`wrote ${relative(ROOT, path)}`);
  }
}
const summary = elements.map((e) => `<${e.tagName}> ${e.attributes.length} attributes, ${e.events.length} events, ${e.declaration.cssParts?.length ?? 0} parts, ${e.declaration.cssProperties?.length ?? 0} CSS properties`);
console.log(summary.join('\n'));
if (stale.length) {
  console.error(`\n[pxm] Out of date (run \`pnpm manifest\` and commit the result):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
console.log(check ? '[pxm] custom-elements.json and what is generated from it are current.' : '[pxm] manifest written.');
