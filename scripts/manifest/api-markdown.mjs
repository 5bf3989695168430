/**
 * API reference pages (`docs/reference/<tag>.md`) generated from the manifest: attributes and
 * properties, methods, events with their detail type, slots, parts, and CSS custom properties.
 */
import { GLOBAL_TOKENS } from './global-tokens.mjs';

const GLOBAL = new Set(GLOBAL_TOKENS.map((t) => t.name));

/** One table cell: one line, pipes escaped, code kept as code. */
const cell = (text) => (text ?? '').toString().replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim() || ' ';
const code = (text) => (text ? `\`${cell(text)}\`` : ' ');

function table(headers, rows) {
  if (!rows.length) return [];
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`), ''];
}

export function apiMarkdown(element) {
  const d = element.declaration;
  const lines = [
    '<!-- Generated from custom-elements.json by `pnpm manifest`. Do not edit: edit the element JSDoc. -->',
    `# \`<${element.tagName}>\` API reference`,
    '',
    d.summary ? `${cell(d.summary)}` : '',
    '',
    `Class \`${element.className}\` (\`import { ${element.className} } from '@pxm/elements'\`). Register it with \`import '@pxm/elements/define/${element.tagName}'\` (or \`@pxm/elements/define\` for every element).`,
    '',
  ];

  const attributeOf = new Map((d.attributes ?? []).map((a) => [a.fieldName ?? a.name, a]));
  const fields = (d.members ?? []).filter((m) => m.kind === 'field' && !m.static);
  lines.push('## Attributes and properties', '');
  lines.push(
    ...table(
      ['Attribute', 'Property', 'Type', 'Default', 'Description'],
      fields.map((m) => {
        const attribute = attributeOf.get(m.name);
        const kind = m.readonly ? ' (read-only)' : attribute ? '' : ' (property only)';
        return [attribute ? code(attribute.name) : ' ', `${code(m.name)}${kind}`, code(m.type?.text), code(m.default ?? attribute?.default), cell(m.description)];
      }),
    ),
  );
  if (!fields.length) lines.push('None.', '');

  const methods = (d.members ?? []).filter((m) => m.kind === 'method' && !m.static);
  if (methods.length) {
    lines.push('## Methods', '');
    lines.push(
      ...table(
        ['Method', 'Returns', 'Description'],
        methods.map((m) => [code(`${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.type?.text ?? 'unknown'}`).join(', ')})`), code(m.return?.type?.text ?? 'void'), cell(m.description)]),
      ),
    );
  }

  lines.push('## Events', '');
  lines.push('All bubble and are composed (they cross shadow roots). Details carry ids, times and codes, never names, answers or other health information.', '');
  lines.push(...table(['Event', 'Event class', 'Detail', 'Description'], element.events.map((e) => [code(e.name), code(e.className), code(e.detail?.text), cell(e.description)])));
  if (!element.events.length) lines.push('None.', '');

  lines.push('## Slots', '');
  lines.push(...table(['Slot', 'Description'], (d.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)])));
  if (!d.slots?.length) lines.push('None: the element renders its own content.', '');

  lines.push('## CSS parts', '');
  lines.push(...table(['Part', 'Description'], (d.cssParts ?? []).map((p) => [code(p.name), cell(p.description)])));
  if (!d.cssParts?.length) lines.push('None.', '');

  const own = (d.cssProperties ?? []).filter((p) => !GLOBAL.has(p.name));
  const global = (d.cssProperties ?? []).filter((p) => GLOBAL.has(p.name));
  lines.push('## CSS custom properties', '');
  lines.push(...table(['Property', 'Default', 'Description'], own.map((p) => [code(p.name), code(p.default), cell(p.description)])));
  if (global.length) lines.push(`Also the ${global.length} global tokens (\`--pxm-color-primary\`, \`--pxm-radius\`, ...): see [Theming](../theming.md#tokens).`, '');
  else if (!own.length) lines.push('None.', '');
  return lines.join('\n');
}
