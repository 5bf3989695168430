/** Queries and input for the `<pxm-intake-form>` tests, through labels and visible text. */
import type { PxmIntakeForm } from '../intake-form/intake-form.js';

/** Text as it reads on screen: no required marks, whitespace folded. */
export const clean = (text: string | null | undefined) => (text ?? '').replace(/\*/g, '').replace(/\s+/g, ' ').trim();
export const root = (form: PxmIntakeForm) => form.shadowRoot!;
export const pageTitle = (form: PxmIntakeForm) => clean(root(form).querySelector('#page-title')?.textContent);

/** The control a visible label names. */
export function control(form: PxmIntakeForm, label: string): HTMLInputElement {
  for (const element of root(form).querySelectorAll('label')) {
    if (clean(element.textContent) !== label) continue;
    const target = element.htmlFor ? root(form).getElementById(element.htmlFor) : element.querySelector('input');
    if (target) return target as HTMLInputElement;
  }
  throw new Error(`No control labelled "${label}"`);
}

/** Types into a labelled field and leaves it, as a patient would. */
export function fill(form: PxmIntakeForm, label: string, value: string): void {
  const input = control(form, label);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new FocusEvent('blur'));
}

export function button(form: PxmIntakeForm, text: string): HTMLButtonElement {
  const found = [...root(form).querySelectorAll('button')].find((candidate) => clean(candidate.textContent) === text);
  if (!found) throw new Error(`No button "${text}" (have: ${[...root(form).querySelectorAll('button')].map((b) => clean(b.textContent)).join(' | ')})`);
  return found;
}
