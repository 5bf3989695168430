/**
 * Drives `<pxm-booking>` the way a patient does: finds controls by their visible label or
 * accessible name inside the shadow root, and moves with the keyboard.
 */
import { sendKeys } from '@web/test-runner-commands';
import type { PxmBooking } from '../booking/booking.js';
import { until } from './events.js';

export const root = (el: PxmBooking): ShadowRoot => el.shadowRoot!;

function text(node: Element): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The accessible name the way the tests need it: aria-label, else the text. */
export function nameOf(node: Element): string {
  return node.getAttribute('aria-label') ?? text(node);
}

/** Buttons and links whose name starts with (or, given a RegExp, matches) `name`. */
export function controls(el: PxmBooking, name: string | RegExp): HTMLElement[] {
  const all = [...root(el).querySelectorAll<HTMLElement>('button, a[href]')];
  return all.filter((node) => (typeof name === 'string' ? nameOf(node).startsWith(name) : name.test(nameOf(node))));
}

export function button(el: PxmBooking, name: string | RegExp): HTMLElement {
  const found = controls(el, name)[0];
  if (!found) throw new Error(`No button or link named ${String(name)}; have: ${controls(el, /.*/).map(nameOf).join(' | ')}`);
  return found;
}

/** The form control a visible label names (text before any hint). */
export function field<T extends HTMLElement = HTMLInputElement>(el: PxmBooking, label: string): T {
  for (const node of root(el).querySelectorAll('label')) {
    // The first rendered line is the label; hints follow on their own lines.
    const own = (node.innerText.split('\n')[0] ?? '').trim().replace(/\s*\((optional|opcional)\)$/, '');
    if (own === label || text(node) === label) {
      const control = node.control ?? node.querySelector('input, select, textarea');
      if (control) return control as T;
    }
  }
  throw new Error(`No field labelled "${label}"; labels: ${[...root(el).querySelectorAll('label')].map(text).join(' | ')}`);
}

/** The field once it is on screen: a step's later fields render after an adapter reply. */
async function fieldOnScreen(el: PxmBooking, label: string): Promise<HTMLElement> {
  let found: HTMLElement | undefined;
  await until(() => {
    try {
      found = field(el, label);
      return true;
    } catch {
      return false;
    }
  }, `a field labelled "${label}"`).catch(() => field(el, label));
  return found ?? field(el, label);
}

export function heading(el: PxmBooking): string {
  return text(root(el).querySelector('#step-title') ?? document.body);
}

/** The focused element inside the booking's shadow root. */
export function focused(el: PxmBooking): Element | null {
  return root(el).activeElement;
}

export async function untilStep(el: PxmBooking, title: string | RegExp, timeout = 8_000): Promise<void> {
  await until(() => (typeof title === 'string' ? heading(el) === title : title.test(heading(el))), `step "${String(title)}" (now "${heading(el)}")`, timeout);
  await el.updateComplete;
}

export async function untilTimes(el: PxmBooking): Promise<HTMLElement[]> {
  await until(() => root(el).querySelectorAll('[part~="time"]').length > 0, 'times painted');
  return [...root(el).querySelectorAll<HTMLElement>('[part~="time"]')];
}

/** Presses Tab until `match` holds for the focused control (at most `limit` presses). */
export async function tabTo(el: PxmBooking, match: (node: Element) => boolean, limit = 80): Promise<Element> {
  for (let i = 0; i < limit; i++) {
    const now = focused(el);
    if (now && match(now)) return now;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached the control; stuck at ${focused(el)?.outerHTML.slice(0, 120)}`);
}

/** Tabs to the button or link with this name and presses Enter. */
export async function activate(el: PxmBooking, name: string | RegExp): Promise<void> {
  const target = button(el, name);
  await tabTo(el, (node) => node === target);
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

/** Tabs to a labelled field and types into it. */
export async function typeInto(el: PxmBooking, label: string, value: string): Promise<void> {
  const target = await fieldOnScreen(el, label);
  await tabTo(el, (node) => node === target);
  if (target instanceof HTMLInputElement && target.type === 'date') {
    // Date inputs take their segments as typed digits, in the browser's own order (MM/DD/YYYY in en-US).
    const [y, m, d] = value.split('-');
    await sendKeys({ type: `${m}${d}${y}` });
  } else {
    await sendKeys({ type: value });
  }
  await el.updateComplete;
}

/** Tabs to a radio or checkbox by its label and presses Space. */
export async function check(el: PxmBooking, label: string): Promise<void> {
  const target = await fieldOnScreen(el, label);
  if (target instanceof HTMLInputElement && target.type === 'radio') {
    // Tab enters a radio group once; arrows then move within it.
    const group = [...root(el).querySelectorAll<HTMLInputElement>(`input[type=radio][name="${target.name}"]`)];
    await tabTo(el, (node) => group.includes(node as HTMLInputElement));
    for (let i = 0; i < group.length && focused(el) !== target; i++) await sendKeys({ press: 'ArrowDown' });
    if (!target.checked) await sendKeys({ press: 'Space' });
  } else {
    await tabTo(el, (node) => node === target);
    await sendKeys({ press: 'Space' });
  }
  await el.updateComplete;
}

/** Text of the element's status or alert notices, for assertions. */
export function notices(el: PxmBooking): string {
  return [...root(el).querySelectorAll('[part~="notice"], [role="alert"], .notice')].map(text).join(' | ');
}
