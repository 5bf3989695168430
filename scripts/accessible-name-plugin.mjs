/**
 * A web-test-runner command that reads accessible names from Chromium's own accessibility tree,
 * the names a screen reader is given. `textContent` hides what the browser adds: Chromium puts a
 * space around every element that is not inline, and `.visually-hidden` (absolutely positioned)
 * is one, so "Map and directions<span class=visually-hidden>: Denver</span>" is announced as
 * "Map and directions : Denver".
 *
 * The test puts the elements in `window.__pxmAccessibleNameTargets`; the command answers with
 * their names in the same order. Use it through `accessibleNames()` in the test helpers.
 */
export const ACCESSIBLE_NAME_COMMAND = 'pxm-accessible-names';

export function accessibleNamePlugin() {
  return {
    name: 'pxm-accessible-name',
    async executeCommand({ command, session }) {
      if (command !== ACCESSIBLE_NAME_COMMAND) return undefined;
      if (session.browser.type !== 'playwright') throw new Error(`${command} needs Chromium through Playwright`);
      const page = session.browser.getPage(session.id);
      const cdp = await page.context().newCDPSession(page);
      try {
        const { result } = await cdp.send('Runtime.evaluate', { expression: 'window.__pxmAccessibleNameTargets.length', returnByValue: true });
        const names = [];
        for (let index = 0; index < Number(result.value); index += 1) {
          const target = await cdp.send('Runtime.evaluate', { expression: `window.__pxmAccessibleNameTargets[${index}]` });
          if (!target.result.objectId) throw new Error(`${command}: target ${index} is not an element`);
          const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: target.result.objectId, fetchRelatives: false });
          names.push(nodes[0]?.name?.value ?? '');
        }
        return names;
      } finally {
        await cdp.detach();
      }
    },
  };
}
