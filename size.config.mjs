/**
 * What `pnpm size` measures: pages, as a browser loads them. A page is the elements it uses with
 * the adapter it talks to, bundled the way a consumer's bundler would (esbuild, ESM, minified,
 * tree-shaken, code split at every `import()`), or the script-tag files as built. Each page has two
 * figures, gzipped: **up front** (the entry and every chunk it imports statically: what loads
 * before the first render) and **whole flow** (every chunk the page can load, on-demand steps,
 * signing, charts and Spanish included). Shared code is never left out: an element alone, minus
 * the adapter it cannot work without, rewards hand-written copies of what the adapter carries.
 *
 * Budgets (the most each figure may be) are in scripts/size-budgets.json, written by
 * `pnpm size --record-budgets`; the figures before the round that made the schemas the only
 * validators are in scripts/size-before.json (recorded by `pnpm size --record-before` on that
 * commit) and shown beside today's in docs/size.md.
 */
const element = (tag) => `packages/elements/src/define/${tag}.ts`;
const REST = { name: 'rest', module: 'packages/adapter-rest/src/index.ts', create: 'createRestAdapter', options: "{ baseUrl: 'https://clinic.example/api' }" };
// A page with the four elements composes the four FHIR areas they call (`@pxm/adapter-fhir/compose`, docs/adapters.md).
const FHIR_AREAS = ['booking', 'intake', 'hep', 'survey'];
const FHIR = {
  name: 'fhir',
  module: 'packages/adapter-fhir/src/compose.ts',
  create: 'composeFhirAdapter',
  options: "{ baseUrl: 'https://fhir.example/r4' }",
  areas: Object.fromEntries(FHIR_AREAS.map((area) => [`fhir${area[0].toUpperCase()}${area.slice(1)}`, `packages/adapter-fhir/src/${area}/area.ts`])),
};

/** `createFhirAdapter`: every area, each loading on its first call (what a page that does not compose its areas gets). */
const FHIR_EVERY_AREA = { name: 'fhir', module: 'packages/adapter-fhir/src/index.ts', create: 'createFhirAdapter', options: "{ baseUrl: 'https://fhir.example/r4', practice: { organization: 'cedar-ridge' } }" };

/** Booking, intake, HEP and survey, as `@pxm/elements/define` registered them before there were more. */
const FOUR = ['pxm-booking', 'pxm-intake-form', 'pxm-hep-viewer', 'pxm-survey'].map(element);

export default [
  { key: 'booking+rest', name: '<pxm-booking> + REST adapter', elements: [element('pxm-booking')], adapter: REST },
  { key: 'intake+rest', name: '<pxm-intake-form> + REST adapter', elements: [element('pxm-intake-form')], adapter: REST },
  { key: 'hep+rest', name: '<pxm-hep-viewer> + REST adapter', elements: [element('pxm-hep-viewer')], adapter: REST },
  { key: 'survey+rest', name: '<pxm-survey> + REST adapter', elements: [element('pxm-survey')], adapter: REST },
  { key: 'progress+rest', name: '<pxm-progress> + REST adapter', elements: [element('pxm-progress')], adapter: REST },
  { key: 'referral+rest', name: '<pxm-referral> + REST adapter', elements: [element('pxm-referral')], adapter: REST },
  // The four elements the "before" figures had, together (the page most practices build).
  { key: 'all+rest', name: 'all four elements + REST adapter', elements: FOUR, adapter: REST },
  { key: 'all+fhir', name: 'all four elements + FHIR adapter', elements: FOUR, adapter: FHIR },
  { key: 'booking+fhir-every-area', name: '<pxm-booking> + FHIR adapter (`createFhirAdapter`, every area)', elements: [element('pxm-booking')], adapter: FHIR_EVERY_AREA },
  { key: 'every+rest', name: 'every element (`@pxm/elements/define`) + REST adapter', elements: ['packages/elements/src/define.ts'], adapter: REST },
  { key: 'cdn+rest', name: 'script tag: pxm-elements.js + pxm-adapter-rest.js', cdn: ['pxm-elements', 'pxm-adapter-rest'] },
  { key: 'cdn+rest+all', name: 'script tag: pxm-elements.js + pxm-adapter-rest.js, every element used', cdn: ['pxm-elements', 'pxm-adapter-rest'], tags: ['pxm-progress', 'pxm-referral'] },
  { key: 'cdn+memory', name: 'script tag: pxm-elements.js + pxm-adapter-memory.js', cdn: ['pxm-elements', 'pxm-adapter-memory'] },
];
