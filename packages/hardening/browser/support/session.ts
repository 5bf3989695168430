/**
 * One Chromium for a test file, a fresh context (empty storage) per page, and everything a page
 * did recorded from outside: console output, page errors, every request.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { PACKAGE_DIR } from './build.js';
import type { Sentinel } from '../../src/page/sentinel.js';
import type { Harness } from '../../src/page/harness.js';

interface ChromiumScript {
  CHROMIUM_ARGS: string[];
  findChromium(): string;
}

interface TestClockScript {
  clockInitScript(instantMs?: number): string;
  testZone(): string | undefined;
}

/** The test clock (scripts/test-clock.mjs): every page starts at PXM_TEST_NOW, in TZ. */
const testClock = (await import(pathToFileURL(join(PACKAGE_DIR, '../../scripts/test-clock.mjs')).href)) as TestClockScript;

export async function launch(): Promise<Browser> {
  const script = (await import(pathToFileURL(join(PACKAGE_DIR, '../../scripts/chromium.mjs')).href)) as ChromiumScript;
  return chromium.launch({ executablePath: script.findChromium(), args: script.CHROMIUM_ARGS });
}

export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** Console lines as the browser reported them (`type: text`). */
  console: string[];
  pageErrors: string[];
  /** Every URL the page requested. */
  requests: string[];
  close(): Promise<void>;
}

export interface OpenOptions extends BrowserContextOptions {
  /** Query string for the page (`hostile`, `dir=rtl`, `lang=es`). */
  query?: string;
  /** Serve without the Content-Security-Policy header. */
  lax?: boolean;
  /** Requests that fail as if the network were gone (a chunk the patient never received). */
  block?: RegExp;
}

export async function openPage(browser: Browser, origin: string, options: OpenOptions = {}): Promise<TestPage> {
  const { query, lax, block, ...contextOptions } = options;
  const zone = testClock.testZone();
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, ...(zone ? { timezoneId: zone } : {}), ...contextOptions });
  await context.addInitScript({ content: testClock.clockInitScript() });
  const page = await context.newPage();
  const consoleLines: string[] = [];
  const pageErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  if (block) await page.route(block, (route) => route.abort('internetdisconnected'));
  await page.goto(`${origin}${lax ? '/lax/' : '/'}${query ? `?${query}` : ''}`);
  await page.waitForFunction(() => 'pxmHarness' in window && 'pxmSentinel' in window, undefined, { timeout: 20_000 });
  return { page, context, console: consoleLines, pageErrors, requests, close: () => context.close() };
}

/** Runs a harness function in the page and returns what it returned. */
export function inPage<K extends keyof Harness>(page: Page, name: K, ...args: Harness[K] extends (...a: infer A) => unknown ? A : never): Promise<Harness[K] extends (...a: never[]) => infer R ? Awaited<R> : never> {
  return page.evaluate(([fn, rest]) => (window.pxmHarness[fn as keyof Harness] as (...a: unknown[]) => unknown)(...(rest as unknown[])), [name, args] as const) as never;
}

/** The sentinel's records, as plain data. */
export function sentinel(page: Page): Promise<Pick<Sentinel, 'violations' | 'errors' | 'console' | 'events' | 'initialGlobals' | 'initialPage'> & { live: ReturnType<Sentinel['liveListeners']>; state: ReturnType<Sentinel['pageState']>; globals: string[] }> {
  return page.evaluate(() => {
    const s = window.pxmSentinel;
    return {
      violations: s.violations,
      errors: s.errors,
      console: s.console,
      events: s.events,
      initialGlobals: s.initialGlobals,
      initialPage: s.initialPage,
      live: s.liveListeners(),
      state: s.pageState(),
      globals: Object.getOwnPropertyNames(window),
    };
  });
}
