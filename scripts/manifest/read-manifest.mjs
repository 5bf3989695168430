/**
 * A small reader over custom-elements.json for the generators: one entry per custom element with
 * where its class, registration and event classes live.
 */

/** `src/booking/booking.ts` -> `../booking/booking.js`, relative to `src/frameworks/`. */
export function importPath(modulePath, fromDir = 'src/frameworks') {
  const from = fromDir.split('/');
  const to = modulePath.replace(/\.ts$/, '.js').split('/');
  while (from.length && to.length && from[0] === to[0]) {
    from.shift();
    to.shift();
  }
  return [...from.map(() => '..'), ...to].join('/');
}

export const pascal = (name) => name.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase());

/**
 * @returns {Array<{ tagName: string, className: string, module: string, defineModule: string,
 *   summary: string, description: string, declaration: object,
 *   properties: object[], attributes: object[], events: Array<{name: string, className?: string, module?: string, detail?: object, description?: string}> }>}
 */
export function elementsOf(manifest) {
  const defineModules = new Map();
  for (const module of manifest.modules) {
    for (const e of module.exports ?? []) if (e.kind === 'custom-element-definition') defineModules.set(e.name, module.path);
  }
  const elements = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.kind !== 'class' || !declaration.tagName) continue;
      const defineModule = defineModules.get(declaration.tagName);
      if (!defineModule) throw new Error(`<${declaration.tagName}> is never registered with defineElement()`);
      elements.push({
        tagName: declaration.tagName,
        className: declaration.name,
        module: module.path,
        defineModule,
        summary: declaration.summary ?? '',
        description: declaration.description ?? '',
        declaration,
        // Settable properties: fields that are not read-only and not static.
        properties: (declaration.members ?? []).filter((m) => m.kind === 'field' && !m.readonly && !m.static),
        attributes: declaration.attributes ?? [],
        events: (declaration.events ?? []).map((event) => ({
          name: event.name,
          description: event.description,
          className: event.type?.text,
          module: event.type?.references?.[0]?.module,
          detail: event.detail,
        })),
      });
    }
  }
  return elements.sort((a, b) => order(a.tagName) - order(b.tagName) || a.tagName.localeCompare(b.tagName));
}

/** The provider first, then the patient journey. */
const ORDER = ['pxm-provider', 'pxm-booking', 'pxm-intake-form', 'pxm-hep-viewer', 'pxm-survey', 'pxm-progress', 'pxm-referral'];
const order = (tag) => (ORDER.includes(tag) ? ORDER.indexOf(tag) : ORDER.length);

/** Groups type-only imports by module: `import type { A, B } from '...'`. */
export function typeImports(entries) {
  const byModule = new Map();
  for (const { name, module } of entries) {
    if (!module) continue;
    const names = byModule.get(module) ?? new Set();
    names.add(name);
    byModule.set(module, names);
  }
  return [...byModule.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([module, names]) => `import type { ${[...names].sort().join(', ')} } from '${importPath(module)}';`);
}

export const GENERATED_HEADER = '// Generated from custom-elements.json by `pnpm manifest`. Do not edit: edit the element JSDoc.';
