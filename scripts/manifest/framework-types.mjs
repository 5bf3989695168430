/**
 * Framework bindings generated from the manifest, so they can never drift from the elements:
 * - `src/frameworks/jsx.ts`: React 19 JSX types for the tags (properties, attributes, typed
 *   `onpxm-*` event props, which React 19 attaches as listeners).
 * - `src/frameworks/vue.ts`: Vue 3 `GlobalComponents` types (props and `@pxm-*` events).
 * - `src/frameworks/react.ts`: `@lit/react` wrappers with `onPxm*` event props, for React 18.
 */
import { GENERATED_HEADER, importPath, pascal, typeImports } from './read-manifest.mjs';

const quote = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const union = (names) => (names.length ? names.map((n) => `'${n}'`).join(' | ') : 'never');

/** Attribute names that differ from their property (kebab-case), typed as the attribute string. */
function extraAttributes(element) {
  return element.attributes.filter((a) => a.fieldName && a.name !== a.fieldName).map((a) => a.name);
}

function elementImports(elements) {
  return typeImports([
    ...elements.map((e) => ({ name: e.className, module: e.module })),
    ...elements.flatMap((e) => e.events.map((ev) => ({ name: ev.className, module: ev.module }))),
  ]);
}

export function jsxTypes(elements) {
  const lines = [
    GENERATED_HEADER,
    '/**',
    ' * JSX types for React 19, which sets properties and listens to custom events on custom',
    ' * elements itself. Load once in a React project: `import type {} from \'@pxm/elements/jsx\';`',
    ' * Events: `onpxm-booking-confirmed={(event) => event.detail.appointmentId}`.',
    ' */',
    "import type * as React from 'react';",
    ...elementImports(elements),
    '',
    '/** Properties (camelCase), attributes (kebab-case) and `on<event-name>` listeners of one element. */',
    'type PxmJsxProps<E extends HTMLElement, P extends keyof E, A extends string, V> = Partial<Pick<E, P>> &',
    '  Partial<Record<A, string | number | boolean>> &',
    '  V &',
    '  React.HTMLAttributes<E> & { ref?: React.Ref<E>; key?: React.Key; children?: React.ReactNode };',
    '',
  ];
  for (const element of elements) {
    lines.push(`/** ${element.summary || `<${element.tagName}>`} */`);
    lines.push(`export type ${element.className}JsxProps = PxmJsxProps<`);
    lines.push(`  ${element.className},`);
    lines.push(`  ${union(element.properties.map((p) => p.name))},`);
    lines.push(`  ${union(extraAttributes(element))},`);
    if (element.events.length) {
      lines.push('  {');
      for (const event of element.events) lines.push(`    ${quote(`on${event.name}`)}?: (event: ${event.className}) => void;`);
      lines.push('  }');
    } else lines.push('  object');
    lines.push('>;', '');
  }
  lines.push("declare module 'react' {", '  // eslint-disable-next-line @typescript-eslint/no-namespace', '  namespace JSX {', '    interface IntrinsicElements {');
  for (const element of elements) lines.push(`      '${element.tagName}': ${element.className}JsxProps;`);
  lines.push('    }', '  }', '}', '');
  return lines.join('\n');
}

export function vueTypes(elements) {
  const lines = [
    GENERATED_HEADER,
    '/**',
    ' * Vue 3 template types for the tags: props checked against the element, `@pxm-*` events typed.',
    ' * Load once in a Vue project: `import type {} from \'@pxm/elements/vue\';` (or list it in',
    ' * `compilerOptions.types`), and tell the compiler the tags are custom elements:',
    " * `vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('pxm-') } } })`.",
    ' */',
    "import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';",
    ...elementImports(elements),
    '',
    '/** A custom element as Vue templates see it: its properties as props, its events as emits. */',
    'export type PxmVueElement<E extends HTMLElement, P extends keyof E, Events extends Record<string, Event>> = new () => E & {',
    '  /** @deprecated For template type checking only; do not read it from a ref. */',
    '  $props: HTMLAttributes & Partial<Pick<E, P>> & PublicProps;',
    '  /** @deprecated For template type checking only; do not call it from a ref. */',
    '  $emit: EmitFn<{ [K in keyof Events]: (event: Events[K]) => void }>;',
    '};',
    '',
    "declare module 'vue' {",
    '  interface GlobalComponents {',
  ];
  for (const element of elements) {
    const events = element.events.length ? `{ ${element.events.map((e) => `'${e.name}': ${e.className}`).join('; ')} }` : 'Record<never, never>';
    lines.push(`    '${element.tagName}': PxmVueElement<${element.className}, ${union(element.properties.map((p) => p.name))}, ${events}>;`);
  }
  lines.push('  }', '}', '', 'export {};', '');
  return lines.join('\n');
}

export function reactWrappers(elements) {
  const lines = [
    GENERATED_HEADER,
    '/**',
    ' * React components for the elements (`@lit/react`), for React 18 and earlier, which pass',
    ' * everything as attributes and cannot listen to custom events. Importing this registers the',
    ' * elements. Event props are `on` + the event name in PascalCase:',
    ' * `<PxmBooking location="denver-highlands" onPxmBookingConfirmed={(e) => e.detail.appointmentId} />`.',
    ' */',
    "import * as React from 'react';",
    "import { createComponent, type EventName } from '@lit/react';",
  ];
  for (const element of elements) lines.push(`import { ${element.className} as ${element.className}Element } from '${importPath(element.module)}';`);
  lines.push(...typeImports(elements.flatMap((e) => e.events.map((ev) => ({ name: ev.className, module: ev.module })))));
  for (const element of elements) lines.push(`import '${importPath(element.defineModule)}';`);
  lines.push('');
  for (const element of elements) {
    lines.push(`/** \`<${element.tagName}>\`: ${element.summary} */`);
    lines.push(`export const ${element.className} = createComponent({`);
    lines.push(`  react: React,`, `  tagName: '${element.tagName}',`, `  elementClass: ${element.className}Element,`, `  displayName: '${element.className}',`);
    if (element.events.length) {
      lines.push('  events: {');
      for (const event of element.events) lines.push(`    on${pascal(event.name)}: '${event.name}' as EventName<${event.className}>,`);
      lines.push('  },');
    }
    lines.push('});', '');
  }
  return lines.join('\n');
}
