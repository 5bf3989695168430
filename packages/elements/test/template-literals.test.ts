/**
 * The build step that minifies Lit templates (scripts/template-literals.mjs, applied to dist/ and
 * the script-tag files): it collapses the indentation of `html` templates and the CSS of `css`
 * ones, and changes no rendered text, no expression and no line number.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: a build script without type declarations
import { minifyTemplateLiterals } from '../../../scripts/template-literals.mjs';

const minify = minifyTemplateLiterals as (source: string, fileName: string) => string;

/** Runs a module body whose `html` tag returns the template's strings and values, as Lit receives them. */
function render(source: string): { strings: string[]; values: unknown[] } {
  const html = (strings: TemplateStringsArray, ...values: unknown[]) => ({ strings: [...strings], values });
  return new Function('html', source)(html) as { strings: string[]; values: unknown[] };
}

/** What the browser makes of template text where white-space is normal. */
const rendered = (text: string) => text.replace(/\s+/g, ' ');

const SOURCE = `
const label = 'A \`quoted\` label';
const inner = (x) => html\`
  <b>\${x}</b>
\`;
return html\`
  <section class="card"
    part="card">
    <h2>\${label}</h2>
    \${[1, 2].map((n) => inner({ n }.n))}
    <p>Line one
       and line two</p>
  </section>
\`;
`;

test('collapses line-breaking whitespace to one space and keeps the values and the rendered text', () => {
  const minified = minify(SOURCE, 'x.js');
  const before = render(SOURCE);
  const after = render(minified);
  assert.deepEqual(after.strings.map(rendered), before.strings.map(rendered));
  assert.ok(after.strings.every((part) => !part.includes('\n')), 'no line break left in the template');
  // Values are kept; the nested templates among them are collapsed the same way.
  const valuesAsRendered = (values: unknown[]) => JSON.stringify(values).replace(/(\\n|\s)+/g, ' ');
  assert.equal(valuesAsRendered(after.values), valuesAsRendered(before.values));
  assert.ok(!JSON.stringify(after.values).includes('\\n'), 'nested templates are collapsed too');
  assert.ok(after.strings.join('').length < before.strings.join('').length, 'the templates are shorter');
});

test('keeps every line number, so source maps stay right', () => {
  const minified = minify(SOURCE, 'x.js');
  assert.equal(minified.split('\n').length, SOURCE.split('\n').length);
  const lineOf = (source: string, marker: string) => source.slice(0, source.indexOf(marker)).split('\n').length;
  for (const marker of ['label}</h2>', '[1, 2].map', 'const inner', 'return html']) assert.equal(lineOf(minified, marker), lineOf(SOURCE, marker), marker);
});

test('leaves other tags and line continuations as written', () => {
  const untouched = ['return `\n  plain string\n`;', 'return html`one \\\n  two`;'];
  for (const source of untouched) assert.equal(minify(source, 'x.js'), source);
});

test('keeps the content of pre, textarea, script and style as written, and collapses the rest of their template', () => {
  const source = [
    'return html`<label>Note',
    '  <textarea',
    '    id=${id}',
    '    rows="4"',
    '  >',
    '  kept</textarea>',
    '  <pre>',
    '    a ${value}',
    '      b</pre>',
    '  <p>',
    '    after</p>`;',
  ].join('\n');
  const minified = minify(source, 'x.js');
  assert.equal(minified.split('\n').length, source.split('\n').length, 'every line number kept');
  const before = render(`const id = 'note', value = 'v'; ${source}`).strings;
  const after = render(`const id = 'note', value = 'v'; ${minified}`).strings;
  assert.equal(after.join('|'), '<label>Note <textarea id=| rows="4" >\n  kept</textarea> <pre>\n    a |\n      b</pre> <p> after</p>');
  assert.equal(after.map(rendered).join('|'), before.map(rendered).join('|'));
});

test('parses TypeScript sources', () => {
  const source = 'export const view = (name: string): unknown => html`\n  <p>${name as string}</p>\n`;';
  // The expression and the code after the template keep their line and their column.
  assert.equal(minify(source, 'view.ts'), 'export const view = (name: string): unknown => html` <p>${\n       name as string}</p> `\n ;');
});

test('minifies what tsc writes to dist/ too (a space between the tag and the template)', () => {
  const source = 'return [html `\n  <p>${name}</p>\n`, css `\n  :host {\n    display: block;\n  }\n`];';
  assert.equal(minify(source, 'dist/view.js'), 'return [html ` <p>${\n       name}</p> `\n , css `:host{display:block}`\n\n\n\n];');
});

test('minifies a css template whose backslashes are escapes inside quoted strings, and leaves one with a backslash elsewhere', () => {
  const quoted = "return css`\n  .mark::before {\n    content: '\\\\2060*';\n  }\n  .a {\n    color: red;\n  }\n`;";
  assert.equal(minify(quoted, 'x.js'), "return css`.mark::before{content:'\\\\2060*'}.a{color:red}`\n\n\n\n\n\n\n;");
  const untouched = [
    'return css`\n  .a\\\\:b {\n    color: red;\n  }\n`;',
    "return css`\n  .a::before {\n    content: 'it\\\\'s; }';\n  }\n`;",
  ];
  for (const source of untouched) assert.equal(minify(source, 'x.js'), source);
});
