/**
 * Shared by every browser test file: the built page served on loopback (by the runner, or here
 * when a file is run alone) and one Chromium.
 */
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildPage } from './build.js';
import { saveFigures } from './figures.js';
import { startServer, type TestServer } from './server.js';
import { launch, openPage, type OpenOptions, type TestPage } from './session.js';

export interface Suite {
  readonly browser: Browser;
  readonly origin: string;
  open(options?: OpenOptions): Promise<TestPage>;
}

export function useBrowser(file: string): Suite {
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  let origin = process.env.HARDENING_ORIGIN ?? '';
  const pages: TestPage[] = [];
  before(async () => {
    if (!origin) {
      server = await startServer(await buildPage());
      origin = server.origin;
    }
    browser = await launch();
  });
  after(async () => {
    await Promise.all(pages.map((p) => p.close().catch(() => undefined)));
    await browser?.close();
    await server?.close();
    saveFigures(file);
  });
  return {
    get browser() {
      if (!browser) throw new Error('The browser is not up yet');
      return browser;
    },
    get origin() {
      return origin;
    },
    async open(options) {
      const page = await openPage(this.browser, origin, options);
      pages.push(page);
      return page;
    },
  };
}
