/** Mounting, filling and reading `<pxm-referral>` in tests, through its labels and roles. */
import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createManualClock, createMemoryAdapter, type MemoryAdapter } from '@pxm/adapter-memory';
import { AdapterError, type PxmAdapter, type ReferralApi } from '@pxm/core';
import type { ReferralInput } from '@pxm/core/referral';
import '../define/pxm-referral.js';
import type { PxmReferral } from '../referral/referral.js';

/** The memory backend, with its clock at a fixed instant (tests never read the machine's clock). */
export function referralBackend(): MemoryAdapter {
  return createMemoryAdapter({ now: createManualClock(new Date('2027-03-01T16:05:00Z')).now });
}

/** The backend, with its first `failures` submits failing as a dropped connection; every submit is recorded. */
export function flakyReferralBackend(failures: number): { adapter: PxmAdapter; memory: MemoryAdapter; submits: ReferralInput[] } {
  const memory = referralBackend();
  const submits: ReferralInput[] = [];
  let left = failures;
  const referral: ReferralApi = {
    uploadReferralAttachment: (file, options) => memory.referral.uploadReferralAttachment(file, options),
    async submitReferral(input, options) {
      submits.push(structuredClone(input));
      if (left > 0) {
        left -= 1;
        throw new AdapterError('network', 'The connection dropped.', { operation: 'referral.submitReferral', retryable: true });
      }
      return memory.referral.submitReferral(input, options);
    },
  };
  return { adapter: { name: 'flaky', referral }, memory, submits };
}

export async function mountReferral(options: { adapter: PxmAdapter; locale?: string; timeZone?: string }): Promise<PxmReferral> {
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <pxm-referral .adapter=${options.adapter} locale=${options.locale ?? 'en'} time-zone=${options.timeZone ?? 'America/Denver'}></pxm-referral>
  </div>`);
  const element = wrapper.querySelector('pxm-referral')!;
  await element.updateComplete;
  return element;
}

export const $ = <E extends Element = HTMLElement>(element: PxmReferral, selector: string) => element.shadowRoot!.querySelector<E>(selector);
export const $$ = <E extends Element = HTMLElement>(element: PxmReferral, selector: string) => [...element.shadowRoot!.querySelectorAll<E>(selector)];
export const textOf = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The control a visible label names, within a section (`[part="referrer"]`) when two labels read the same. */
export function control<E extends HTMLElement = HTMLInputElement>(element: PxmReferral, label: string, within = '[part="form"]'): E {
  const labels = $$<HTMLLabelElement>(element, `${within} label`).filter((candidate) => textOf(candidate).replace(/ \*.*$/, '').replace(/\s*\(required\)$/, '') === label);
  if (labels.length !== 1) throw new Error(`${labels.length} labels read "${label}" in ${within}`);
  const target = labels[0]!.control ?? labels[0]!.querySelector('input');
  if (!target) throw new Error(`No control for "${label}"`);
  return target as unknown as E;
}

/** Focuses a field, types as a person would, and leaves it with Tab. */
export async function typeInto(field: HTMLElement, text: string): Promise<void> {
  field.focus();
  if ((field as HTMLInputElement).value) (field as HTMLInputElement).select?.();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Tab' });
}

/** Sets a date field (typing into a date input depends on the browser's locale). */
export function setDate(field: HTMLInputElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('blur'));
}

/** Chooses files in the file picker, as the browser's dialog would. */
export function chooseFiles(input: HTMLInputElement, files: File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export const orderPdf = () => new File(['%PDF-1.4\n% signed order\n%%EOF\n'], 'order.pdf', { type: 'application/pdf' });

/** A photo of an order: a PNG drawn here (so it is real pixels, decodable). */
export async function orderPhoto(): Promise<File> {
  const canvas = new OffscreenCanvas(2400, 1800);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#eeeeee';
  context.fillRect(0, 0, 2400, 1800);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new File([blob], 'order-photo.png', { type: 'image/png' });
}

/** Fills every required field (and a few optional ones) as an office would, with valid values. */
export async function fillReferral(element: PxmReferral): Promise<void> {
  await typeInto(control(element, 'First name'), 'Ana');
  await typeInto(control(element, 'Last name'), 'Ruiz');
  setDate(control(element, 'Date of birth'), '1958-11-30');
  await typeInto(control(element, 'Phone', '[part="patient"]'), '303 555 0142');
  const language = control<HTMLSelectElement>(element, 'Preferred language');
  language.value = 'es';
  language.dispatchEvent(new Event('change'));
  await typeInto(control(element, 'Name', '[part="referrer"]'), 'Dr. Ada Lee');
  await typeInto(control(element, 'NPI'), '1234567893');
  await typeInto(control(element, 'Phone', '[part="referrer"]'), '303 555 0100');
  await typeInto(control(element, 'Diagnosis code 1'), 'm17.11');
  control(element, 'Physical therapy').click();
  await typeInto(control(element, 'Visits per week'), '2');
  await typeInto(control(element, 'For how many weeks'), '6');
  control(element, 'The patient agreed that the practice may contact them about this referral.').click();
  await element.updateComplete;
}
