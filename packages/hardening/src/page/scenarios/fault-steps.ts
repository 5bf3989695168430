/** Steps the fault scenarios share: waiting for a reported failure, retrying from its notice, checking what was typed is kept. */
import type { Mounted } from '../profiles/profile.js';
import { settle, shadow, squash, until } from '../dom.js';
import { count, type ScenarioResult } from '../result.js';

export type Scenario = (m: Mounted, result: ScenarioResult) => Promise<void>;

export function expectKept(result: ScenarioResult, what: string, actual: string | undefined, expected: string): void {
  count(result, 'typed-input checks');
  if (actual !== expected) result.failures.push(`typed input lost after ${what}: "${actual}" instead of "${expected}"`);
}

/** Clicks the retry (or "send now") button of the notice an element shows after a failure. */
export async function retryFromNotice(element: HTMLElement, what: string): Promise<void> {
  const root = shadow(element);
  const retry = await until(
    () => [...root.querySelectorAll<HTMLElement>('[role="alert"] button, [part~="notice"] button, [part~="retry"]')].find((b) => b.getClientRects().length > 0),
    `a way to retry after ${what} (shown: ${squash(root.querySelector('[role="alert"], [part~="notice"]')?.textContent)})`,
  );
  retry.click();
  await settle(element);
}

export async function untilAlert(element: HTMLElement, what: string): Promise<string> {
  const root = shadow(element);
  return until(() => squash([...root.querySelectorAll('[role="alert"], [part~="notice"].error, [part="error"]')].map((n) => n.textContent).join(' ')), `a message after ${what}`, 10_000);
}

/**
 * Does `action` and waits for the failure it causes: the element's `pxm-error` (an old message
 * still on screen must not be taken for the new one), then the message shown.
 */
export async function failing(element: HTMLElement, what: string, operation: string, action: () => void, shown?: string): Promise<string> {
  let reported = 0;
  const onError = (event: Event) => {
    if ((event as CustomEvent<{ operation: string }>).detail.operation === operation) reported += 1;
  };
  element.addEventListener('pxm-error', onError);
  try {
    action();
    await until(() => reported > 0, `pxm-error (${operation}) after ${what}`, 10_000);
  } finally {
    element.removeEventListener('pxm-error', onError);
  }
  await settle(element);
  if (shown) return squash((await until(() => shadow(element).querySelector(shown), `${shown} after ${what}`)).textContent);
  return untilAlert(element, what);
}
