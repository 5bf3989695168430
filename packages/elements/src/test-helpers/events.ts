/** Collects events of one type fired from (or through) a target, for assertions. */
export function recordEvents<E extends Event = Event>(target: EventTarget, type: string): E[] {
  const seen: E[] = [];
  target.addEventListener(type, (event) => seen.push(event as E));
  return seen;
}

/** Resolves once `predicate` holds, polling each frame; fails with `message` after `timeout` ms. */
export async function until(predicate: () => unknown, message = 'condition', timeout = 5_000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for: ${message}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
