/**
 * Small helpers for play functions: they reach into an element's shadow root the way a patient
 * finds things, by visible label or button text, and wait for async steps.
 */
const text = (node: Element) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

export async function waitFor<T>(find: () => T | null | undefined | false, what: string, timeout = 10_000): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The first element with this tag inside the story, once it has rendered its shadow root. */
export function host(canvas: HTMLElement, tag: string): Promise<HTMLElement & { shadowRoot: ShadowRoot }> {
  return waitFor(() => {
    const el = canvas.querySelector(tag);
    return el?.shadowRoot ? (el as HTMLElement & { shadowRoot: ShadowRoot }) : undefined;
  }, `<${tag}>`);
}

/** A button or link whose text (or aria-label) starts with `name`, once it exists and is enabled. */
export function button(root: ShadowRoot, name: string): Promise<HTMLElement> {
  return waitFor(() => {
    const all = [...root.querySelectorAll<HTMLElement>('button, a[href]')];
    return all.find((b) => (b.getAttribute('aria-label') ?? text(b)).startsWith(name) && !(b as HTMLButtonElement).disabled);
  }, `button "${name}"`);
}

/** The control a visible label names. */
export function field<T extends HTMLElement = HTMLInputElement>(root: ShadowRoot, label: string): Promise<T> {
  return waitFor(() => {
    // An exact label first; else one that starts with it (a hint may follow in the label).
    const labels = [...root.querySelectorAll('label')].map((node) => ({ node, own: text(node).replace(/\s*\((optional|opcional)\)$/, '') }));
    const match = labels.find((l) => l.own === label) ?? labels.find((l) => l.own.startsWith(label));
    return (match?.node.control ?? match?.node.querySelector('input, select, textarea') ?? undefined) as T | undefined;
  }, `field "${label}"`);
}

/** Types a value the way a keyboard would: the value, then input and change events. */
export async function fill(root: ShadowRoot, label: string, value: string): Promise<void> {
  const input = await field(root, label);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

export async function click(root: ShadowRoot, name: string): Promise<void> {
  (await button(root, name)).click();
}

export async function check(root: ShadowRoot, label: string): Promise<void> {
  const input = await field(root, label);
  if (!input.checked) input.click();
}

/** Waits until the step heading (`#step-title`, or any heading) reads `title`. */
export function heading(root: ShadowRoot, title: string): Promise<Element> {
  return waitFor(() => [...root.querySelectorAll('h1, h2, h3, [role="heading"]')].find((h) => text(h).startsWith(title)), `heading "${title}"`);
}
