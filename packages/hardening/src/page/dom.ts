/**
 * Reading and driving elements through their shadow roots the way a patient does: controls found
 * by their visible label or accessible name, values typed with input events, buttons clicked.
 */

/** Every element under `root`, through open shadow roots, in document order. */
export function deepElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      found.push(element);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(root);
  return found;
}

export const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The visible text of an element's shadow root (what a patient can read), squashed. */
export function textOf(element: Element): string {
  return squash(deepElements(element.shadowRoot ?? element).filter((e) => !e.shadowRoot).map((e) => [...e.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(' ')).join(' '));
}

export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Resolves once `predicate` holds; fails with `what` after `timeoutMs`. Polls every task at
 * first (so a step costs what the element takes, not a frame), then on timers with a frame now
 * and then: see `pollPause`.
 */
export async function until<T>(predicate: () => T | undefined | null | false, what: string, timeoutMs = 8_000): Promise<T> {
  const start = performance.now();
  for (let polls = 0; ; polls++) {
    const value = predicate();
    if (value) return value;
    const waited = performance.now() - start;
    if (waited > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await pollPause(polls, waited);
  }
}

/**
 * How long to step aside between two polls. Message-channel tasks come back at once, but a
 * steady stream of them starves Chromium's lower-priority work (image decoding and encoding
 * report back that way: a photo's shrink then took a whole second instead of a few
 * milliseconds). So: tasks for the first few milliseconds, then 1 ms timers, and a frame every
 * twentieth poll so rendering and rAF-driven work go on.
 */
function pollPause(polls: number, waited: number): Promise<void> {
  if (polls % 20 === 19) return nextFrame();
  return waited < QUICK_MS ? nextTask() : sleep(1);
}

const QUICK_MS = 5;

/** Lets an element finish rendering what its last change asked for (updates, then a few tasks). */
export async function settle(element: Element, rounds = 2): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await (element as Element & { updateComplete?: Promise<unknown> }).updateComplete;
    await nextTask();
    await nextTask();
  }
}

export function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`<${element.localName}> has no shadow root`);
  return element.shadowRoot;
}

/** The accessible name as these elements give it: aria-label, else labelledby, else text. */
export function nameOf(node: Element): string {
  const label = node.getAttribute('aria-label');
  if (label) return squash(label);
  const by = node.getAttribute('aria-labelledby');
  if (by) {
    const root = node.getRootNode() as ShadowRoot | Document;
    return squash(by.split(/\s+/).map((id) => root.getElementById(id)?.textContent ?? '').join(' '));
  }
  return squash(node.textContent);
}

const CLICKABLE = 'button, a[href], [role="button"], [role="tab"], [role="radio"], [role="gridcell"]';

export function controls(root: ParentNode, name: string | RegExp): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(CLICKABLE)].filter((node) => (typeof name === 'string' ? nameOf(node) === name || nameOf(node).startsWith(name) : name.test(nameOf(node))));
}

export function button(root: ParentNode, name: string | RegExp): HTMLElement {
  const found = controls(root, name)[0];
  if (!found) throw new Error(`No control named ${String(name)}; have: ${[...root.querySelectorAll(CLICKABLE)].map(nameOf).join(' | ').slice(0, 600)}`);
  return found;
}

export function maybeButton(root: ParentNode, name: string | RegExp): HTMLElement | undefined {
  return controls(root, name)[0];
}

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The form control a label names: its first line (hints follow), without "(optional)" or "*". */
export function field(root: ParentNode, label: string | RegExp): Field {
  const matches = (text: string) => (typeof label === 'string' ? text === label : label.test(text));
  for (const node of root.querySelectorAll('label')) {
    const own = squash((node as HTMLElement).innerText.split('\n')[0]).replace(/\s*\*$/, '').replace(/\s*\((optional|opcional|required|obligatori[ao])\)$/i, '');
    if (matches(own) || matches(squash(node.textContent))) {
      const control = (node.control ?? node.querySelector('input, select, textarea')) as Field | null;
      if (control) return control;
    }
  }
  throw new Error(`No field labelled ${String(label)}; labels: ${[...root.querySelectorAll('label')].map((l) => squash(l.textContent)).join(' | ').slice(0, 600)}`);
}

/** Types a value the way an input event reports it. */
export function fill(control: Field, value: string): void {
  control.focus();
  control.value = value;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: value, inputType: 'insertText' }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

export function choose(control: HTMLInputElement): void {
  if (!control.checked) control.click();
}

/** Whether an element is rendered with a box (not display: none, not hidden). */
export function isShown(element: Element): boolean {
  return element.getClientRects().length > 0;
}

/** The text of alerts and error notices the element shows. */
export function alerts(element: Element): string {
  return shadow(element)
    ? [...shadow(element).querySelectorAll('[role="alert"], [part~="error"], .notice.error')].filter(isShown).map((node) => squash(node.textContent)).join(' | ')
    : '';
}

const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();

/** The next task, without the 4 ms clamp of nested timers or waiting for a frame. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });
}

/** `until` without frames (tasks, then timers): for the thousands of short cases. */
export async function untilQuick<T>(predicate: () => T | undefined | null | false, what: string, timeoutMs = 4_000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = predicate();
    if (value) return value;
    const waited = performance.now() - start;
    if (waited > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await (waited < QUICK_MS ? nextTask() : sleep(1));
  }
}

/** Lets an element finish its pending updates, task by task (no frames). */
export async function settleQuick(element: Element, tasks = 3): Promise<void> {
  for (let i = 0; i < tasks; i++) {
    await (element as Element & { updateComplete?: Promise<unknown> }).updateComplete;
    await nextTask();
  }
}
