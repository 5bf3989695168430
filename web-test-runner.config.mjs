import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { accessibleNamePlugin } from './scripts/accessible-name-plugin.mjs';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';
import { clockInitScript, testInstant, testZone } from './scripts/test-clock.mjs';

const elementsSrc = 'packages/elements/src';

// Run one element's tests alone with: pnpm test:browser --files 'packages/elements/src/booking/**/*.test.ts'
export default {
  files: [`${elementsSrc}/**/*.test.ts`],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' }), accessibleNamePlugin()],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS },
      // The test clock and zone (scripts/test-clock.mjs): each test file's page starts at
      // PXM_TEST_NOW in TZ, whatever the machine's date and zone.
      createBrowserContext: ({ browser }) => browser.newContext({ timezoneId: testZone() }),
      createPage: async ({ context }) => {
        await context.addInitScript({ content: clockInitScript(testInstant()) });
        return context.newPage();
      },
    }),
  ],
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 300_000,
  // Whole keyboard flows on two shared cores: a test that hangs still fails, on its own waits first.
  testFramework: { config: { timeout: 30_000 } },
  filterBrowserLogs: ({ type, args }) =>
    (type === 'error' || type === 'warn') && !String(args?.[0] ?? '').includes('Lit is in dev mode'),
};
