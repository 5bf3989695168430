// Lint rules carry the design's promises: privacy (no web storage, no cookies), strict CSP (no
// eval, no unsafeHTML), dependency direction (elements never import an adapter implementation),
// and small bundles (zod/mini only in browser code).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const browserPrivacy = {
  'no-restricted-globals': [
    'error',
    { name: 'localStorage', message: 'No health information in web storage: save through the adapter.' },
    { name: 'sessionStorage', message: 'No health information in web storage: save through the adapter.' },
  ],
  'no-restricted-properties': [
    'error',
    { object: 'window', property: 'localStorage', message: 'No web storage.' },
    { object: 'window', property: 'sessionStorage', message: 'No web storage.' },
    { object: 'document', property: 'cookie', message: 'No cookies.' },
    { object: 'document', property: 'write', message: 'Not under strict CSP.' },
  ],
  'no-eval': 'error',
  'no-implied-eval': 'error',
  'no-new-func': 'error',
};

const zodClassic = { name: 'zod', message: 'Browser code uses zod/mini (about 7 KB) instead of zod (about 92 KB).' };

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/.tsbuild/**', 'storybook-static/**', '**/*.d.ts', 'coverage/**', '.bench/**', 'packages/elements/cdn/**', 'examples/cdn/pxm/**', 'docs-site/**', '**/.angular/**', '**/.hardening/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    rules: {
      ...browserPrivacy,
      'no-restricted-globals': [
        'error',
        ...browserPrivacy['no-restricted-globals'].slice(1),
        ...['document', 'window', 'HTMLElement', 'customElements', 'navigator'].map((name) => ({
          name,
          message: 'core knows no DOM: it runs in Node and in browsers.',
        })),
      ],
      'no-restricted-imports': ['error', { paths: [zodClassic, { name: 'lit', message: 'core knows no Lit.' }] }],
    },
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    rules: {
      ...browserPrivacy,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            zodClassic,
            { name: 'ky', message: 'Only @pxm/adapter-rest uses ky.' },
            { name: 'lit/directives/unsafe-html.js', message: 'Backend text is rendered as text, never as HTML.' },
            { name: 'lit/directives/unsafe-svg.js', message: 'Backend text is rendered as text, never as markup.' },
          ],
          patterns: [{ group: ['@pxm/adapter-*'], message: 'Elements import only core; adapters are chosen by the page.' }],
        },
      ],
    },
  },
  {
    // Tests, stories and test helpers may use the memory adapter.
    files: ['packages/elements/src/**/*.test.ts', 'packages/elements/src/**/*.stories.ts', 'packages/elements/src/test-helpers/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [zodClassic] }] },
  },
  {
    // The script-tag adapter files put an adapter beside the elements (scripts/build-cdn.mjs).
    files: ['packages/elements/src/cdn/adapters/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [zodClassic] }] },
  },
  {
    files: ['packages/adapter-memory/src/**/*.ts'],
    rules: { ...browserPrivacy, 'no-restricted-imports': ['error', { paths: [zodClassic, { name: 'ky', message: 'Only @pxm/adapter-rest uses ky.' }] }] },
  },
  {
    // The hardening suite reports through the console and watches the page's console itself.
    files: ['packages/hardening/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.test.ts', 'scripts/**', 'bench/**', '**/*.stories.ts', '.storybook/**', 'examples/*/*.mjs'],
    rules: { 'no-console': 'off' },
  },
);
