/**
 * Public entry points measured by `pnpm size`: minified and gzipped, dependencies included
 * (Lit for elements, ky for the REST adapter). `budgetKb` is gzipped KB; over budget fails.
 */
export default [
  { name: '@pxm/elements/define/pxm-provider', entry: 'packages/elements/src/define/pxm-provider.ts' },
  { name: '@pxm/elements/define (all elements)', entry: 'packages/elements/src/define.ts' },
  { name: '@pxm/core', entry: 'packages/core/src/index.ts' },
  { name: '@pxm/core/demo', entry: 'packages/core/src/demo/index.ts' },
  { name: '@pxm/adapter-memory', entry: 'packages/adapter-memory/src/index.ts' },
];
