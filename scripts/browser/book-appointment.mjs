/**
 * Books a first visit in `<pxm-booking>` the way a patient does, through roles and labels
 * (Playwright's locators see into open shadow roots), and returns the `pxm-booking-confirmed`
 * detail. Shared by the consumer test and the example checks, so each proves the same thing:
 * the elements, as shipped, book an appointment in a real browser.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../chromium.mjs';
import { clockInitScript, testZone } from '../test-clock.mjs';

/**
 * Chromium for the packaging, example and story checks. Every context it makes stands on the test
 * clock and zone (scripts/test-clock.mjs): a booking flow picks the same first free day whatever
 * the date the check runs on.
 */
export async function launchChromium() {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const newContext = browser.newContext.bind(browser);
  const zone = testZone();
  browser.newContext = async (options = {}) => {
    const context = await newContext({ ...(zone ? { timezoneId: zone } : {}), ...options });
    await context.addInitScript({ content: clockInitScript() });
    return context;
  };
  // Browser.newPage makes a context of its own without going through newContext: route it there.
  browser.newPage = async (options = {}) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.on('close', () => void context.close().catch(() => {}));
    return page;
  };
  return browser;
}

/** Collects what would be a defect on any page: uncaught errors, console errors, CSP violations. */
export function watchPage(page) {
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  return problems;
}

/** Records CSP violations from the page itself (Chromium reports them as events). */
export async function recordCspViolations(page) {
  await page.addInitScript(() => {
    const seen = [];
    Object.defineProperty(window, '__pxmCspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective}: ${event.blockedURI || 'inline'}`));
  });
  return () => page.evaluate(() => window.__pxmCspViolations ?? []);
}

/**
 * @param {import('playwright-core').Page} page a page showing one `<pxm-booking>` at the choose step
 * @returns {Promise<{ appointmentId: string, start: string, locationId: string }>}
 */
export async function bookFirstVisit(page, { timeout = 20_000 } = {}) {
  const booking = page.locator('pxm-booking').first();
  await booking.waitFor({ timeout });
  // The event bubbles out of the element (composed), so the document hears it.
  await booking.evaluate((element) => {
    element.ownerDocument.addEventListener('pxm-booking-confirmed', (event) => (element.dataset.testConfirmed = JSON.stringify(event.detail)), { once: true });
  });

  await booking.getByRole('heading', { name: 'Book a visit' }).waitFor({ timeout });
  await booking.getByLabel('No, this is my first visit').check();
  await booking.getByLabel('Denver Highlands').check();
  await booking.getByLabel('Initial evaluation').check();
  await booking.getByRole('button', { name: 'See available times' }).click();

  await booking.getByRole('heading', { name: 'Pick a time' }).waitFor({ timeout });
  await booking.locator('[part~="time"]').first().click({ timeout });

  await booking.getByRole('heading', { name: 'Your details' }).waitFor({ timeout });
  await booking.getByLabel('First name', { exact: true }).fill('Ana');
  await booking.getByLabel('Last name', { exact: true }).fill('Prueba');
  await booking.getByLabel('Date of birth').fill('1990-05-17');
  await booking.getByLabel('Mobile phone').fill('+1 303 555 0100');
  await booking.getByLabel('Email', { exact: true }).fill('ana@example.com');
  await booking.getByLabel('Self-pay').check();
  await booking.getByRole('button', { name: 'Review booking' }).click();

  await booking.getByRole('heading', { name: 'Review and confirm' }).waitFor({ timeout });
  await booking.getByRole('button', { name: 'Confirm booking' }).click();
  await booking.getByRole('heading', { name: /You’re booked/ }).waitFor({ timeout });
  const detail = await booking.getAttribute('data-test-confirmed', { timeout });
  return detail ? JSON.parse(detail) : undefined;
}
