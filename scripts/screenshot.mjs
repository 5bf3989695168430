/**
 * Takes a screenshot of a page in headless Chromium, to look at what was built:
 *   node scripts/screenshot.mjs http://127.0.0.1:5173/ out.png [--width=390] [--dark] [--rtl] [--wait=1500] [--selector=css]
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const [url, out = 'screenshot.png'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flag = (name, fallback) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}`));
  if (!found) return fallback;
  const [, value] = found.split('=');
  return value ?? true;
};

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage({
  viewport: { width: Number(flag('width', 1280)), height: Number(flag('height', 900)) },
  colorScheme: flag('dark', false) ? 'dark' : 'light',
  deviceScaleFactor: 1,
});
page.on('console', (message) => {
  if (message.type() === 'error' || message.type() === 'warning') console.log(`[browser ${message.type()}] ${message.text()}`);
});
page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
await page.goto(url, { waitUntil: 'networkidle' });
if (flag('rtl', false)) await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
await page.waitForTimeout(Number(flag('wait', 1500)));
const selector = flag('selector', undefined);
if (selector) await page.locator(selector).first().screenshot({ path: out });
else await page.screenshot({ path: out, fullPage: true });
console.log(`saved ${out}`);
await browser.close();
