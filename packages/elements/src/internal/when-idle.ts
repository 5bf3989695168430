/**
 * Runs `callback` once the page is idle: for parts fetched ahead of need, so they never compete
 * with the first paint. Where the browser cannot say (Safari has no `requestIdleCallback`), after
 * 1.5 s.
 */
export function whenIdle(callback: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (callback: () => void) => number }).requestIdleCallback;
  if (idle) idle(callback);
  else setTimeout(callback, 1_500);
}
