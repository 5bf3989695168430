/**
 * Public entry points measured by `pnpm size`: minified and gzipped, dependencies included
 * (Lit for elements, ky for the REST adapter). `budgetKb` is gzipped KB; over budget fails.
 * `splitting: true` measures what a page loads up front, as bundlers split `import()`: code behind
 * a dynamic import is reported separately as "on demand" and is not held to the budget.
 * `external` leaves out packages the page has already (the REST adapter runs beside the elements,
 * which carry @pxm/core and zod/mini): the figure is what the adapter adds, ky included.
 * `cdn` measures a script-tag file as scripts/build-cdn.mjs builds it: the file and its static
 * imports; `cdnMinus` subtracts the file it imports (an adapter file adds to pxm-elements.js).
 * Budgets raised in the round that fixed what new users and hostile pages hit: the survey to 22 KB
 * (the Trusted Types and prototype guards every element loads), the intake to 44 KB (the
 * same-scale grid and the answer rules it now shares with the backends), the script-tag file to
 * 84 KB (all of it). Page-level budgets (an element with its adapter) are to replace these.
 * Each `define/<tag>` entry registers `<pxm-provider>` too (about 0.5 KB gzip beside Lit), which
 * every page needs anyway: the booking and survey budgets count it.
 */
export default [
  { name: '@pxm/elements/define/pxm-provider', entry: 'packages/elements/src/define/pxm-provider.ts' },
  { name: '@pxm/elements/define/pxm-survey', entry: 'packages/elements/src/define/pxm-survey.ts', budgetKb: 22, splitting: true },
  { name: '@pxm/elements/define/pxm-booking', entry: 'packages/elements/src/define/pxm-booking.ts', budgetKb: 32, splitting: true },
  { name: '@pxm/elements/define/pxm-hep-viewer', entry: 'packages/elements/src/define/pxm-hep-viewer.ts', budgetKb: 30, splitting: true },
  { name: '@pxm/elements/define/pxm-intake-form', entry: 'packages/elements/src/define/pxm-intake-form.ts', budgetKb: 44, splitting: true },
  { name: '@pxm/core/prom (NPRS, PSFS, LEFS)', entry: 'packages/core/src/prom/instruments/index.ts' },
  { name: '@pxm/elements/define (all elements)', entry: 'packages/elements/src/define.ts', splitting: true },
  { name: '@pxm/elements/react (wrappers; react shared)', entry: 'packages/elements/src/frameworks/react.ts', splitting: true, external: ['react'] },
  { name: '@pxm/adapter-testkit/faults', entry: 'packages/adapter-testkit/src/faults/index.ts', external: ['@pxm/core', 'zod', 'zod/*'] },
  { name: '@pxm/core', entry: 'packages/core/src/index.ts' },
  { name: '@pxm/core/demo', entry: 'packages/core/src/demo/index.ts' },
  { name: '@pxm/adapter-memory', entry: 'packages/adapter-memory/src/index.ts' },
  { name: '@pxm/adapter-rest (with ky; core shared)', entry: 'packages/adapter-rest/src/index.ts', budgetKb: 8, external: ['@pxm/core', 'zod', 'zod/*'] },
  { name: '@pxm/elements/cdn/pxm-elements.js (all)', cdn: 'pxm-elements', budgetKb: 84 },
  { name: '@pxm/elements/cdn/pxm-adapter-memory.js (adds)', cdn: 'pxm-adapter-memory', cdnMinus: 'pxm-elements' },
  { name: '@pxm/elements/cdn/pxm-adapter-rest.js (adds)', cdn: 'pxm-adapter-rest', cdnMinus: 'pxm-elements', budgetKb: 12 },
  { name: '@pxm/adapter-fhir (core shared)', entry: 'packages/adapter-fhir/src/index.ts', budgetKb: 30, external: ['@pxm/core', 'zod', 'zod/*'] },
];
