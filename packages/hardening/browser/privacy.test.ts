/**
 * 6. Privacy: after each element's full flow (a patient's name, birth date, phone, email, member
 * id and free text typed in), the device keeps nothing (web storage, cookies, IndexedDB records),
 * and none of what was typed is in the URL, an event's detail or the console. The only requests
 * are the page's own files: the memory adapter needs no network, so any other request would be
 * the elements talking to someone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addFigures } from './support/figures.js';
import { inPage, sentinel } from './support/session.js';
import { useBrowser } from './support/setup.js';
import { PROFILE_NAMES } from './support/profiles.js';

const suite = useBrowser(import.meta.filename);

function leaks(haystack: string, needles: string[]): string[] {
  const lower = haystack.toLowerCase();
  return needles.filter((needle) => lower.includes(needle));
}

describe('privacy', () => {
  it('the checks see a leak when there is one (console, event detail, URL, storage)', async () => {
    const { page, close, console: browserConsole } = await suite.open();
    const needles = await inPage(page, 'secretNeedles');
    await page.evaluate((secret) => {
      console.info(`patient ${secret}`);
      document.dispatchEvent(new CustomEvent('canary', { detail: { name: secret } }));
      history.replaceState(null, '', `?q=${secret}`);
      localStorage.setItem('canary', secret);
    }, needles[0]!);
    const device = await inPage(page, 'deviceState');
    const url = await page.evaluate(() => location.href);
    const record = await sentinel(page);
    await page.evaluate(() => localStorage.clear());
    await close();
    assert.equal(leaks(record.console.map((c) => c.text).join(' '), needles).length > 0, true);
    assert.equal(leaks(browserConsole.join(' '), needles).length > 0, true);
    assert.equal(leaks(record.events.map((e) => e.detail).join(' '), needles).length > 0, true);
    assert.equal(leaks(url, needles).length > 0, true);
    assert.equal(device.localStorage, 1);
  });

  for (const name of PROFILE_NAMES) {
    it(`<pxm-${name}>: nothing kept on the device, nothing typed leaks, no foreign request`, async () => {
      const { page, close, console: browserConsole, requests } = await suite.open();
      const needles = await inPage(page, 'secretNeedles');
      const result = await inPage(page, 'completeFlow', name, { keep: true });
      assert.deepEqual(result.failures, []);
      // A synced entry is wiped right after the backend confirms it: allow that a moment.
      let device = await inPage(page, 'deviceState');
      for (let i = 0; i < 30 && device.databases.some((db) => db.records > 0 && db.store !== 'keys'); i++) {
        await page.waitForTimeout(100);
        device = await inPage(page, 'deviceState');
      }
      const url = await page.evaluate(() => `${location.href} ${JSON.stringify(history.state)} ${history.length}`);
      const record = await sentinel(page);
      await close();

      assert.equal(device.localStorage, 0, 'localStorage is empty');
      assert.equal(device.sessionStorage, 0, 'sessionStorage is empty');
      assert.equal(device.cookie, '', 'no cookie');
      // The offline queue may keep its non-extractable key; it must hold no entry once all is sent.
      const kept = device.databases.filter((db) => db.records > 0 && db.store !== 'keys');
      assert.deepEqual(kept, [], 'no entry left in IndexedDB once everything is sent');
      assert.deepEqual(leaks(device.databases.map((db) => db.sample).join('\n'), needles), [], 'nothing typed readable in IndexedDB');
      assert.deepEqual(leaks(url, needles), [], 'nothing typed in the URL or history state');
      const eventText = record.events.map((e) => `${e.type} ${e.detail}`).join('\n');
      assert.deepEqual(leaks(eventText, needles), [], 'nothing typed in any event detail');
      const consoleText = [...record.console.map((c) => c.text), ...browserConsole].join('\n');
      assert.deepEqual(leaks(consoleText, needles), [], 'nothing typed in console output');
      const origin = new URL(suite.origin).origin;
      const foreign = requests.filter((url) => new URL(url).origin !== origin || !/^\/$|^\/(sentinel|harness)\.js$|^\/chunks\/[\w-]+\.js$|^\/(page|hostile|rtl)\.css$/.test(new URL(url).pathname));
      assert.deepEqual(foreign, [], 'the only requests are the page’s own files');
      addFigures('privacy', {
        'flows checked': 1,
        'events inspected': record.events.length,
        'console lines inspected': record.console.length + browserConsole.length,
        'requests inspected': requests.length,
        'secret values searched': needles.length,
        'leaks found': 0,
      });
    });
  }
});
