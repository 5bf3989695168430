import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { createMemoryAdapter, type MemoryAdapter } from '@pxm/adapter-memory';
import { createFaultyAdapter } from '@pxm/adapter-testkit/faults';
import { DEMO_INTAKE_REASSESSMENT_TOKEN } from '@pxm/core/demo';
import type { FormDefinition, SignatureRecord } from '@pxm/core/forms';
import type { PxmAdapter } from '@pxm/core';
import '../define/pxm-intake-form.js';
import type { PxmIntakeForm } from './intake-form.js';
import type { PxmIntakeDraftSavedEvent, PxmIntakeSubmittedEvent, IntakeErrorDetail } from './intake-form.events.js';
import type { PxmErrorEvent } from '../events/pxm-error-event.js';
import { accessibleName } from '../test-helpers/accessible-name.js';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { recordEvents, until } from '../test-helpers/events.js';

const TOKEN = 'test-intake-token';
/** `<pxm-intake-form>` saves a draft at most this long after the last change, whatever its autosave-delay. */
const AUTOSAVE_DELAY_CAP_MS = 2_000;

const testForm: FormDefinition = {
  id: 'test-intake',
  version: '1',
  title: 'Test intake',
  nextSteps: 'We will call you to confirm.',
  pages: [
    {
      id: 'one',
      title: 'One',
      items: [
        { id: 'name', type: 'text', label: 'Full name', required: true, autocomplete: 'name' },
        { id: 'smoker', type: 'yes-no', label: 'Do you smoke?', required: true },
        { id: 'packs', type: 'number', label: 'Packs a day', required: true, min: 0, max: 10, visibleWhen: { item: 'smoker', op: 'equals', value: true } },
      ],
    },
    {
      id: 'two',
      title: 'Two',
      items: [
        { id: 'side', type: 'single-choice', label: 'Which side?', required: true, options: [{ value: 'left', label: 'Left' }, { value: 'right', label: 'Right' }] },
        { id: 'meds', type: 'group', label: 'Medication', addLabel: 'Add a medication', minInstances: 1, maxInstances: 3, items: [{ id: 'drug', type: 'text', label: 'Drug', required: true }] },
        { id: 'card', type: 'insurance-card', label: 'Insurance card', sides: ['front'] },
      ],
    },
    {
      id: 'three',
      title: 'Three',
      items: [
        { id: 'consent', type: 'consent', consentId: 'c', version: '1', title: 'Consent to care', text: 'I agree to care.', required: true },
        { id: 'sig', type: 'signature', label: 'Signature', consentItemId: 'consent', required: true },
      ],
    },
  ],
};

function memory(): MemoryAdapter {
  return createMemoryAdapter({
    seed: { intakeForms: [{ token: TOKEN, definition: testForm, expiresAt: new Date(Date.now() + 86_400_000).toISOString() }] },
  });
}

const clean = (text: string | null | undefined) => (text ?? '').replace(/\*/g, '').replace(/\s+/g, ' ').trim();
const root = (form: PxmIntakeForm) => form.shadowRoot!;

function control(form: PxmIntakeForm, label: string): HTMLInputElement {
  for (const element of root(form).querySelectorAll('label')) {
    if (clean(element.textContent) !== label) continue;
    const target = element.htmlFor ? root(form).getElementById(element.htmlFor) : element.querySelector('input');
    if (target) return target as HTMLInputElement;
  }
  throw new Error(`No control labelled "${label}"`);
}

function fill(form: PxmIntakeForm, label: string, value: string): void {
  const input = control(form, label);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new FocusEvent('blur'));
}

function button(form: PxmIntakeForm, text: string): HTMLButtonElement {
  const found = [...root(form).querySelectorAll('button')].find((candidate) => clean(candidate.textContent) === text);
  if (!found) throw new Error(`No button "${text}" (have: ${[...root(form).querySelectorAll('button')].map((b) => clean(b.textContent)).join(' | ')})`);
  return found;
}

/** Like `until`, for predicates that must await (reading the backend). */
async function eventually(predicate: () => Promise<unknown>, message: string, timeout = 5_000): Promise<void> {
  const start = performance.now();
  while (!(await predicate())) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const pageTitle = (form: PxmIntakeForm) => clean(root(form).querySelector('#page-title')?.textContent);

async function mount(adapter: PxmAdapter, options: { token?: string; definition?: FormDefinition; locale?: string } = {}): Promise<PxmIntakeForm> {
  const form = await fixture<PxmIntakeForm>(html`<pxm-intake-form
    token=${options.token ?? TOKEN}
    locale=${options.locale ?? 'en'}
    time-zone="America/Denver"
    autosave-delay="30"
    .adapter=${adapter}
  ></pxm-intake-form>`);
  await until(() => root(form).querySelector('#page-title, [part~="definition-errors"], [part~="done"], [part~="error"]'), 'loaded');
  await form.updateComplete;
  return form;
}

async function goNext(form: PxmIntakeForm, expected: string): Promise<void> {
  (root(form).querySelector('.nav [type=submit]') as HTMLButtonElement).click();
  await until(() => pageTitle(form) === expected, `page ${expected}`);
  await settled(form);
}

/** Waits until the parts loaded on demand (signing, card photos, review) have arrived. */
async function settled(form: PxmIntakeForm): Promise<void> {
  await until(() => !root(form).querySelector('.pending, .page .loading'), 'parts loaded on demand');
  await form.updateComplete;
}

async function fillPageOne(form: PxmIntakeForm): Promise<void> {
  fill(form, 'Full name', 'Ada Lovelace');
  control(form, 'No').click();
  await form.updateComplete;
}

/** A 2000 x 1200 JPEG carrying an EXIF segment, as a phone camera would write it. */
async function cameraPhoto(): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 2000;
  canvas.height = 1200;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#2a6';
  context.fillRect(0, 0, 2000, 1200);
  context.fillStyle = '#fff';
  context.fillRect(100, 100, 800, 400);
  const jpeg = new Uint8Array(await (await new Promise<Blob>((resolve) => canvas.toBlob((blob) => resolve(blob!), 'image/jpeg', 0.9))).arrayBuffer());
  const exifPayload = new TextEncoder().encode('Exif\0\0MM\0*\0\0\0\x08GPS 39.7392 N 104.9903 W');
  const app1 = new Uint8Array([0xff, 0xe1, (exifPayload.length + 2) >> 8, (exifPayload.length + 2) & 0xff, ...exifPayload]);
  const withExif = new Uint8Array([...jpeg.slice(0, 2), ...app1, ...jpeg.slice(2)]);
  return new File([withExif], 'IMG_0001.jpg', { type: 'image/jpeg' });
}

async function chooseFile(form: PxmIntakeForm, file: File): Promise<void> {
  await settled(form);
  const input = [...root(form).querySelectorAll<HTMLInputElement>('input[type=file]')].find((candidate) => !candidate.hasAttribute('capture'))!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('pxm-intake-form', () => {
  let storageWrites: number;
  const originalSetItem = Storage.prototype.setItem;

  beforeEach(() => {
    storageWrites = 0;
    Storage.prototype.setItem = function setItem(this: Storage, ...args: [string, string]) {
      storageWrites += 1;
      return originalSetItem.apply(this, args);
    };
  });

  afterEach(() => {
    Storage.prototype.setItem = originalSetItem;
    expect(storageWrites).to.equal(0, 'nothing is ever written to localStorage or sessionStorage');
  });

  describe('pages, progress and validation', () => {
    it('shows the step, the share of required answers, and updates them as answers come in', async () => {
      const form = await mount(memory());
      expect(clean(root(form).querySelector('.step')?.textContent)).to.equal('Step 1 of 4');
      expect(clean(root(form).querySelector('.required-progress')?.textContent)).to.equal('0 of 5 required answers done');
      fill(form, 'Full name', 'Ada');
      await form.updateComplete;
      expect(clean(root(form).querySelector('.required-progress')?.textContent)).to.equal('1 of 5 required answers done');
      control(form, 'Yes').click();
      await form.updateComplete;
      expect(control(form, 'Packs a day').isConnected, 'a follow-up question appears').to.equal(true);
      expect(clean(root(form).querySelector('.required-progress')?.textContent)).to.equal('2 of 6 required answers done');
      await expectNoAxeViolations(form);
    });

    it('requires yes/no answers, lists the problems and focuses the first', async () => {
      const form = await mount(memory());
      await goNext(form, 'One').catch(() => undefined);
      await form.updateComplete;
      const summary = root(form).querySelector('[part~="error-summary"]')!;
      expect(clean(summary.textContent)).to.contain('There are 2 problems on this page');
      expect(clean(summary.textContent)).to.contain('Do you smoke?: Please answer this question.');
      expect(root(form).activeElement).to.equal(control(form, 'Full name'));
      expect(control(form, 'Full name').getAttribute('aria-invalid')).to.equal('true');
      const errorId = control(form, 'Full name').getAttribute('aria-describedby')!;
      expect(clean(root(form).getElementById(errorId)?.textContent)).to.equal('Please answer this question.');
      await expectNoAxeViolations(form);
      fill(form, 'Full name', 'Ada');
      await form.updateComplete;
      expect(control(form, 'Full name').getAttribute('aria-invalid')).to.equal('false', 'the error clears as soon as it is fixed');
    });

    it('checks number answers as typed, and keeps what was typed', async () => {
      const form = await mount(memory());
      control(form, 'Yes').click();
      await form.updateComplete;
      fill(form, 'Packs a day', 'two');
      await form.updateComplete;
      expect(clean(root(form).querySelector('[part~="error"]')?.textContent)).to.equal('Please enter a number.');
      expect(control(form, 'Packs a day').value).to.equal('two');
      fill(form, 'Packs a day', '12');
      await form.updateComplete;
      expect(clean(root(form).querySelector('[part~="error"]')?.textContent)).to.equal('Please enter 10 or less.');
      fill(form, 'Packs a day', '1,5');
      await form.updateComplete;
      expect(root(form).querySelector('[part~="error"]')).to.equal(null, '1,5 reads as 1.5');
    });

    it('never loses answers on Back, and keeps a hidden answer for when it shows again', async () => {
      const form = await mount(memory());
      fill(form, 'Full name', 'Ada');
      control(form, 'Yes').click();
      await form.updateComplete;
      fill(form, 'Packs a day', '1');
      control(form, 'No').click();
      await form.updateComplete;
      await goNext(form, 'Two');
      control(form, 'Right').click();
      fill(form, 'Drug', 'Ibuprofen');
      button(form, 'Back').click();
      await until(() => pageTitle(form) === 'One');
      await form.updateComplete;
      expect(control(form, 'Full name').value).to.equal('Ada');
      control(form, 'Yes').click();
      await form.updateComplete;
      expect(control(form, 'Packs a day').value).to.equal('1', 'the hidden answer comes back');
      await goNext(form, 'Two');
      expect(control(form, 'Right').checked).to.equal(true);
      expect(control(form, 'Drug').value).to.equal('Ibuprofen');
    });

    it('adds and removes repeating entries, announcing them and moving focus sensibly', async () => {
      const form = await mount(memory());
      await fillPageOne(form);
      await goNext(form, 'Two');
      fill(form, 'Drug', 'Ibuprofen');
      button(form, 'Add a medication').click();
      await until(() => root(form).querySelector('[data-instance="meds[1]"]'));
      await form.updateComplete;
      expect(root(form).activeElement?.closest('[data-instance]')?.getAttribute('data-instance')).to.equal('meds[1]');
      await until(() => clean(root(form).querySelector('[role=status][aria-live]')?.textContent) === 'Medication 2 added.');
      button(form, 'Remove medication 1').click();
      await form.updateComplete;
      await form.updateComplete;
      expect(root(form).querySelectorAll('[data-instance]').length).to.equal(1);
      expect(root(form).activeElement?.getAttribute('data-add')).to.equal('meds');
      expect(root(form).querySelector('.remove'), 'an optional group’s last entry can go too').to.not.equal(null);
      expect(control(form, 'Drug').value).to.equal('', 'the second entry moved up');
      await expectNoAxeViolations(form);
    });

    it('keeps every part of an address filled in one go, as autofill does', async () => {
      const form = await fixture<PxmIntakeForm>(html`<pxm-intake-form
        .definition=${{ id: 'address', version: '1', title: 'Address', pages: [{ id: 'p', title: 'P', items: [{ id: 'home', type: 'address', label: 'Home address', required: true }] }] }}
      ></pxm-intake-form>`);
      await until(() => root(form).querySelector('#page-title'));
      // An autofill extension sets each part and fires its events in one go, with no re-render between.
      fill(form, 'Street address', '12 Main St');
      fill(form, 'City', 'Denver');
      fill(form, 'State', 'CO');
      fill(form, 'ZIP code', '80211');
      await form.updateComplete;
      expect(form.answers).to.deep.equal({ home: { line1: '12 Main St', city: 'Denver', region: 'CO', postalCode: '80211' } });
      expect(control(form, 'Street address').value).to.equal('12 Main St');
    });

    it('marks only the address parts that are missing or wrong invalid, never the apartment or state', async () => {
      const form = await fixture<PxmIntakeForm>(html`<pxm-intake-form
        .definition=${{ id: 'address', version: '1', title: 'Address', pages: [{ id: 'p', title: 'P', items: [{ id: 'home', type: 'address', label: 'Home address', required: true }] }] }}
      ></pxm-intake-form>`);
      await until(() => root(form).querySelector('#page-title'));
      const parts = ['Street address', 'Apartment, suite or unit', 'City', 'State', 'ZIP code'];
      const invalidParts = () => parts.filter((label) => control(form, label).getAttribute('aria-invalid') === 'true');
      (root(form).querySelector('.nav [type=submit]') as HTMLButtonElement).click();
      await until(() => root(form).querySelector('[part~="error-summary"]'), 'the error shown');
      await form.updateComplete;
      expect(invalidParts(), 'left empty').to.deep.equal(['Street address', 'City', 'ZIP code']);
      fill(form, 'Street address', '12 Main St');
      fill(form, 'City', 'Denver');
      fill(form, 'ZIP code', '802');
      await form.updateComplete;
      expect(invalidParts(), 'a ZIP code too short').to.deep.equal(['ZIP code']);
      fill(form, 'ZIP code', '80211');
      await form.updateComplete;
      expect(invalidParts(), 'all fixed').to.deep.equal([]);
    });

    it('speaks Spanish', async () => {
      const form = await mount(memory(), { locale: 'es' });
      expect(clean(root(form).querySelector('.step')?.textContent)).to.equal('Paso 1 de 4');
      expect(button(form, 'Siguiente').type).to.equal('submit');
      expect(control(form, 'Sí').type).to.equal('radio');
    });
  });

  describe('consent and signature', () => {
    async function toConsent(form: PxmIntakeForm) {
      await fillPageOne(form);
      await goNext(form, 'Two');
      control(form, 'Left').click();
      fill(form, 'Drug', 'Ibuprofen');
      await form.updateComplete;
      await goNext(form, 'Three');
    }

    it('asks for agreement first, and records a drawn signature as SVG with the consent hash', async () => {
      const form = await mount(memory());
      await toConsent(form);
      expect(clean(root(form).querySelector('[part~="signature"]')?.textContent)).to.contain('Agree to the consent above before you sign');
      expect(clean(root(form).querySelector('[part~="disclosure"]')?.textContent)).to.contain('paper copy');
      control(form, 'I have read this and I agree').click();
      await form.updateComplete;
      control(form, 'Draw my signature').click();
      await form.updateComplete;
      const canvas = root(form).querySelector('canvas')!;
      const box = canvas.getBoundingClientRect();
      const pointer = (type: string, x: number, y: number) =>
        canvas.dispatchEvent(new PointerEvent(type, { bubbles: true, clientX: box.left + x, clientY: box.top + y, pointerId: 1, pointerType: 'pen', button: 0 }));
      button(form, 'Sign').click();
      await form.updateComplete;
      expect(clean(root(form).querySelector('.signing [role=alert]')?.textContent)).to.contain('Draw your signature first');
      pointer('pointerdown', 10, 30);
      pointer('pointermove', 60, 10);
      pointer('pointermove', 120, 40);
      pointer('pointerup', 120, 40);
      await form.updateComplete;
      button(form, 'Sign').click();
      await until(() => root(form).querySelector('[data-signed]'));
      await form.updateComplete;
      expect(root(form).querySelector('.signature-preview path')?.getAttribute('d')).to.match(/^M\d/);
      await expectNoAxeViolations(form);
      const record = form.answers.sig as SignatureRecord;
      expect(record.method).to.equal('drawn');
      expect(record.signerName).to.equal('Ada Lovelace');
      expect(record.svg).to.match(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 600 200"/);
      expect(record.textSha256).to.match(/^[0-9a-f]{64}$/);
      expect(record.consentId).to.equal('c');
      expect(record.consentVersion).to.equal('1');
    });

    it('asks for a full name before signing', async () => {
      const form = await mount(memory());
      await toConsent(form);
      control(form, 'I have read this and I agree').click();
      await form.updateComplete;
      fill(form, 'Your full name', '');
      await form.updateComplete;
      button(form, 'Sign').click();
      await form.updateComplete;
      expect(clean(root(form).querySelector('.signing [role=alert]')?.textContent)).to.equal('Type your full name first.');
      expect(root(form).activeElement).to.equal(control(form, 'Your full name'));
    });
  });

  describe('autosave and resume', () => {
    it('saves a draft within two seconds of the last change, and on page change, with ids only in the event', async () => {
      const adapter = memory();
      const form = await mount(adapter);
      const saved = recordEvents<PxmIntakeDraftSavedEvent>(form, 'pxm-intake-draft-saved');
      fill(form, 'Full name', 'Ada Lovelace');
      await until(() => saved.length === 1, 'a draft saved');
      expect(saved[0]!.detail).to.deep.include({ formId: 'test-intake', version: 1 });
      expect(Object.keys(saved[0]!.detail).sort()).to.deep.equal(['formId', 'savedAt', 'version']);
      expect(JSON.stringify(saved[0]!.detail)).not.to.contain('Ada');
      await form.updateComplete;
      expect(clean(root(form).querySelector('[part~="save-status"]')?.textContent)).to.match(/^Saved at /);
      control(form, 'No').click();
      await form.updateComplete;
      expect(clean(root(form).querySelector('[part~="save-status"]')?.textContent)).to.equal('Saving…');
      await goNext(form, 'Two');
      await until(() => saved.length >= 2);
      const stored = await adapter.intake.loadForm(TOKEN);
      expect(stored.draft?.answers).to.deep.equal({ name: 'Ada Lovelace', smoker: false, meds: [{}] });
      await eventually(async () => (await adapter.intake.loadForm(TOKEN)).draft?.pageId === 'two', 'the page saved');
    });

    it('resumes the answers and the page after a reload', async () => {
      const adapter = memory();
      const first = await mount(adapter);
      await fillPageOne(first);
      await goNext(first, 'Two');
      control(first, 'Right').click();
      await eventually(async () => (await adapter.intake.loadForm(TOKEN)).draft?.answers.side === 'right', 'saved');
      first.remove();

      const again = await mount(adapter);
      expect(pageTitle(again)).to.equal('Two');
      expect(control(again, 'Right').checked).to.equal(true);
      expect(clean(root(again).querySelector('.resumed')?.textContent)).to.match(/^Welcome back\. Your answers saved on /);
      button(again, 'Back').click();
      await until(() => pageTitle(again) === 'One');
      await again.updateComplete;
      expect(control(again, 'Full name').value).to.equal('Ada Lovelace');
      await expectNoAxeViolations(again);
    });

    it('reports a draft changed elsewhere instead of overwriting it, then lets the patient choose', async () => {
      const adapter = memory();
      const faults = createFaultyAdapter(adapter);
      const form = await mount(faults.adapter);
      const errors = recordEvents<PxmErrorEvent>(form, 'pxm-error');
      fill(form, 'Full name', 'Ada on the phone');
      await eventually(async () => (await adapter.intake.loadForm(TOKEN)).draft?.version === 1, 'the backend');
      // Another device saves on top of version 1.
      await adapter.intake.saveDraft(TOKEN, { answers: { name: 'Ada on the laptop', smoker: true }, pageId: 'one', baseVersion: 1 });
      fill(form, 'Full name', 'Ada on the phone, again');
      await until(() => root(form).querySelector('.conflict'), 'the conflict notice');
      await form.updateComplete;
      const notice = root(form).querySelector('.conflict')!;
      expect(notice.getAttribute('role')).to.equal('alert');
      expect(clean(notice.textContent)).to.contain('Nothing was overwritten');
      expect((await adapter.intake.loadForm(TOKEN)).draft?.answers.name).to.equal('Ada on the laptop', 'the other save stands');
      expect((errors.at(-1)!.detail as IntakeErrorDetail)).to.deep.equal({ code: 'conflict', operation: 'intake.saveDraft', formId: 'test-intake' });
      await expectNoAxeViolations(form);
      // Autosave runs on a timer: fake it and run it past the longest debounce (capped at 2 s), instead of sleeping.
      const savesBefore = faults.calls.filter((call) => call === 'intake.saveDraft').length;
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        fill(form, 'Full name', 'Still typing');
        await clock.tickAsync(AUTOSAVE_DELAY_CAP_MS);
      } finally {
        clock.restore();
      }
      expect(faults.calls.filter((call) => call === 'intake.saveDraft'), 'autosave is paused during a conflict').to.have.length(savesBefore);
      expect((await adapter.intake.loadForm(TOKEN)).draft?.version).to.equal(2, 'the other save stands');

      button(form, 'Use the saved answers').click();
      await until(() => !root(form).querySelector('.conflict'));
      await form.updateComplete;
      expect(control(form, 'Full name').value).to.equal('Ada on the laptop');
      expect(control(form, 'Yes').checked).to.equal(true);
      fill(form, 'Full name', 'Ada, merged');
      await eventually(async () => (await adapter.intake.loadForm(TOKEN)).draft?.answers.name === 'Ada, merged', 'saving resumes');
    });

    it('keeps the answers on screen when the patient chooses to', async () => {
      const adapter = memory();
      const form = await mount(adapter);
      fill(form, 'Full name', 'Mine');
      await eventually(async () => (await adapter.intake.loadForm(TOKEN)).draft?.version === 1, 'the backend');
      await adapter.intake.saveDraft(TOKEN, { answers: { name: 'Theirs' }, baseVersion: 1 });
      fill(form, 'Full name', 'Mine, newer');
      await until(() => root(form).querySelector('.conflict'));
      await form.updateComplete;
      button(form, 'Keep the answers on this screen').click();
      await eventually(async () => (await adapter.intake.loadForm(TOKEN)).draft?.answers.name === 'Mine, newer', 'the backend');
      expect((await adapter.intake.loadForm(TOKEN)).draft?.version).to.equal(3);
    });

    it('shows "Not saved" with a retry after a failed save, and saves on retry', async () => {
      const faults = createFaultyAdapter(memory());
      faults.plan('intake.saveDraft', { error: 'network' });
      const form = await mount(faults.adapter);
      const errors = recordEvents<PxmErrorEvent>(form, 'pxm-error');
      const saved = recordEvents<PxmIntakeDraftSavedEvent>(form, 'pxm-intake-draft-saved');
      fill(form, 'Full name', 'Ada');
      await until(() => root(form).querySelector('.save-failed'), 'not saved');
      await form.updateComplete;
      expect(clean(root(form).querySelector('[part~="save-status"]')?.textContent)).to.equal('Not saved Retry');
      expect(root(form).querySelector('.save-failed')?.getAttribute('role')).to.equal('alert');
      expect(errors[0]!.detail).to.deep.equal({ code: 'network', operation: 'intake.saveDraft', formId: 'test-intake' });
      await expectNoAxeViolations(form);
      button(form, 'Retry').click();
      await until(() => saved.length === 1, 'saved on retry');
      expect((await faults.adapter.intake!.loadForm(TOKEN)).draft?.answers).to.deep.include({ name: 'Ada' });
    });

    it('says when saving cannot work any more (expired link), without a pointless retry, and keeps the answers', async () => {
      const faults = createFaultyAdapter(memory());
      faults.always('intake.saveDraft', { error: 'token_expired' });
      const form = await mount(faults.adapter);
      fill(form, 'Full name', 'Ada');
      await until(() => root(form).querySelector('.save-failed'));
      await form.updateComplete;
      expect(clean(root(form).querySelector('.save-failed')?.textContent)).to.contain('This link has expired');
      expect(root(form).querySelector('.retry-save')).to.equal(null);
      expect(control(form, 'Full name').value).to.equal('Ada');
    });

    it('closes the form when it was sent from another tab meanwhile', async () => {
      const adapter = memory();
      const form = await mount(adapter);
      await adapter.intake.submit(TOKEN, { answers: { name: 'Ada' }, idempotencyKey: 'other-tab-submit' });
      fill(form, 'Full name', 'Ada Lovelace');
      await until(() => root(form).querySelector('[part~="done"]'), 'the already-sent view');
      expect(clean(root(form).querySelector('[part~="done"]')?.textContent)).to.contain('This form was already sent');
    });

    it('does not mistake its own save whose reply was lost for a conflict', async () => {
      const faults = createFaultyAdapter(memory());
      faults.plan('intake.saveDraft', { dropAfter: true });
      const form = await mount(faults.adapter);
      fill(form, 'Full name', 'Ada');
      await until(() => root(form).querySelector('.save-failed'));
      fill(form, 'Full name', 'Ada Lovelace');
      await eventually(async () => (await faults.adapter.intake!.loadForm(TOKEN)).draft?.answers.name === 'Ada Lovelace', 'the backend');
      await form.updateComplete;
      expect(root(form).querySelector('.conflict')).to.equal(null);
      expect((await faults.adapter.intake!.loadForm(TOKEN)).draft?.version).to.equal(2);
    });
  });

  describe('insurance card photos', () => {
    it('shrinks the photo on the device, strips EXIF, uploads it and keeps only the reference', async () => {
      const adapter = memory();
      const form = await mount(adapter);
      await fillPageOne(form);
      await goNext(form, 'Two');
      await chooseFile(form, await cameraPhoto());
      await until(() => (form.answers.card as { front?: unknown } | undefined)?.front, 'uploaded', 10_000);
      await form.updateComplete;
      const ref = (form.answers.card as { front: { id: string; contentType: string; size: number; purpose?: string } }).front;
      expect(ref.contentType).to.equal('image/jpeg');
      expect(ref.purpose).to.equal('insurance-card-front');
      const stored = adapter.intake.getAttachment(ref.id)!;
      expect(stored.size).to.equal(ref.size);
      expect(stored.size).to.be.below(500 * 1024);
      const bytes = new Uint8Array(await stored.arrayBuffer());
      expect(new TextDecoder('latin1').decode(bytes)).not.to.contain('Exif', 'the EXIF block is gone');
      const bitmap = await createImageBitmap(stored);
      expect([bitmap.width, bitmap.height]).to.deep.equal([1600, 960]);
      expect(clean(root(form).querySelector('[part~="card-side"]')?.textContent)).to.match(/Uploaded \(\d+ KB\)/);
      expect(root(form).querySelector('.card-preview')?.getAttribute('aria-label')).to.equal('Your insurance card, front');
      await expectNoAxeViolations(form);
    });

    it('shows the photo back without a blob: URL, which a strict image policy refuses', async () => {
      const form = await mount(memory());
      await fillPageOne(form);
      await goNext(form, 'Two');
      await chooseFile(form, await cameraPhoto());
      await until(() => (form.answers.card as { front?: unknown } | undefined)?.front, 'uploaded', 10_000);
      await form.updateComplete;
      expect(root(form).querySelector('[src^="blob:"]'), 'no blob: image (img-src \'self\' would block it)').to.equal(null);
      const preview = root(form).querySelector<HTMLCanvasElement>('canvas.card-preview')!;
      expect(preview.getAttribute('role')).to.equal('img');
      expect([preview.width, preview.height]).to.deep.equal([1600, 960]);
      // The photo is painted: the middle of the card is its green, not an empty canvas.
      const [red, green, blue, alpha] = preview.getContext('2d')!.getImageData(1400, 800, 1, 1).data;
      expect(alpha).to.equal(255);
      expect(green).to.be.above(red! + 50);
      expect(green).to.be.above(blue! + 30);
    });

    it('says when an upload failed, reports it, and retries without choosing the photo again', async () => {
      const faults = createFaultyAdapter(memory());
      faults.plan('intake.uploadAttachment', { error: 'server' });
      const form = await mount(faults.adapter);
      const errors = recordEvents<PxmErrorEvent>(form, 'pxm-error');
      await fillPageOne(form);
      await goNext(form, 'Two');
      await chooseFile(form, await cameraPhoto());
      await until(() => clean(root(form).querySelector('[part~="card-side"]')?.textContent).includes('could not be uploaded'), 'failed', 10_000);
      await form.updateComplete;
      expect(errors.at(-1)!.detail).to.deep.equal({ code: 'server', operation: 'intake.uploadAttachment', formId: 'test-intake' });
      expect(form.answers.card).to.equal(undefined);
      await expectNoAxeViolations(form);
      const retry = [...root(form).querySelectorAll('button')].find((candidate) => clean(candidate.textContent).startsWith('Retry'))!;
      expect(await accessibleName(retry), 'as a screen reader hears it, no space before the comma').to.equal('Retry, Front of the card');
      retry.click();
      await until(() => (form.answers.card as { front?: unknown } | undefined)?.front, 'uploaded on retry', 10_000);
      expect(faults.calls.filter((call) => call === 'intake.uploadAttachment')).to.have.length(2);
    });

    it('keeps the photo button usable while the photo is on its way, so keyboard focus stays on it', async () => {
      const faults = createFaultyAdapter(memory());
      faults.always('intake.uploadAttachment', { delayMs: 300 });
      const form = await mount(faults.adapter);
      await fillPageOne(form);
      await goNext(form, 'Two');
      const picker = [...root(form).querySelectorAll<HTMLInputElement>('input[type=file]')].find((candidate) => !candidate.hasAttribute('capture'))!;
      await chooseFile(form, await cameraPhoto());
      await until(() => clean(root(form).querySelector('[part~="card-side"]')?.textContent).includes('Uploading'), 'uploading', 10_000);
      // A focused control that turns disabled throws focus out to the page, mid-upload.
      expect(picker.isConnected && !picker.disabled, 'the focused "Choose a photo" is not disabled meanwhile').to.equal(true);
      await until(() => (form.answers.card as { front?: unknown } | undefined)?.front, 'uploaded', 10_000);
    });

    it('keeps a photo on its way when a framework moves the form (out and back in one task)', async () => {
      const adapter = memory();
      const form = await mount(adapter);
      await fillPageOne(form);
      await goNext(form, 'Two');
      await chooseFile(form, await cameraPhoto());
      const parent = form.parentElement!;
      form.remove();
      parent.append(form);
      await until(() => (form.answers.card as { front?: unknown } | undefined)?.front, 'uploaded after the move', 10_000);
      await form.updateComplete;
      expect(clean(root(form).querySelector('[part~="card-side"]')?.textContent)).to.match(/Uploaded \(\d+ KB\)/);
      expect(root(form).querySelector('canvas.card-preview'), 'the photo is still shown').to.not.equal(null);
    });

    it('explains a file that is not a readable image', async () => {
      const form = await mount(memory());
      await fillPageOne(form);
      await goNext(form, 'Two');
      await chooseFile(form, new File(['not an image'], 'notes.txt', { type: 'text/plain' }));
      await until(() => clean(root(form).querySelector('[part~="card-side"]')?.textContent).includes('can’t be read'), 'unreadable');
    });
  });

  describe('submitting', () => {
    async function toReview(form: PxmIntakeForm) {
      await fillPageOne(form);
      await goNext(form, 'Two');
      control(form, 'Left').click();
      fill(form, 'Drug', 'Ibuprofen');
      await form.updateComplete;
      await goNext(form, 'Three');
      control(form, 'I have read this and I agree').click();
      await form.updateComplete;
      button(form, 'Sign').click();
      await until(() => root(form).querySelector('[data-signed]'));
      await goNext(form, 'Review your answers');
    }

    it('reviews, goes back to a page from the review and returns, then submits once', async () => {
      const adapter = memory();
      const form = await mount(adapter);
      await toReview(form);
      await expectNoAxeViolations(form);
      button(form, 'Change Two').click();
      await until(() => pageTitle(form) === 'Two');
      await form.updateComplete;
      control(form, 'Right').click();
      await form.updateComplete;
      await goNext(form, 'Review your answers');
      expect(clean(root(form).querySelector('.review')?.textContent)).to.contain('Which side? Right');
      const submitted = recordEvents<PxmIntakeSubmittedEvent>(form, 'pxm-intake-submitted');
      const submit = root(form).querySelector<HTMLButtonElement>('.submit')!;
      submit.click();
      submit.click();
      await until(() => root(form).querySelector('[data-done-title]'));
      await form.updateComplete;
      expect(submitted).to.have.length(1);
      expect(clean(root(form).querySelector('[part~="done"]')?.textContent)).to.contain('We will call you to confirm.');
      expect(adapter.intake.getSubmission(TOKEN)!.answers.side).to.equal('right');
      expect(adapter.intake.getSubmission(TOKEN)!.answers).not.to.have.property('packs');
    });

    it('retries a failed submit with the same idempotency key, so it counts once', async () => {
      const faults = createFaultyAdapter(memory());
      faults.plan('intake.submit', { dropAfter: true });
      const form = await mount(faults.adapter);
      await toReview(form);
      const submitted = recordEvents<PxmIntakeSubmittedEvent>(form, 'pxm-intake-submitted');
      root(form).querySelector<HTMLButtonElement>('.submit')!.click();
      await until(() => root(form).querySelector('.page-form .notice.error'), 'the failure');
      await form.updateComplete;
      expect(clean(root(form).querySelector('.page-form .notice.error')?.textContent)).to.contain('could not reach the practice');
      await expectNoAxeViolations(form);
      button(form, 'Try again').click();
      await until(() => submitted.length === 1, 'submitted on retry');
      const again = await faults.adapter.intake!.loadForm(TOKEN);
      expect(again.responseId).to.equal(submitted[0]!.detail.responseId, 'the retry returned the first response');
    });

    it('keeps the Submit button focusable while sending and after a failure, and still sends once', async () => {
      const faults = createFaultyAdapter(memory());
      faults.plan('intake.submit', { error: 'server' });
      faults.always('intake.submit', { delayMs: 300 });
      const form = await mount(faults.adapter);
      await toReview(form);
      const submitted = recordEvents<PxmIntakeSubmittedEvent>(form, 'pxm-intake-submitted');
      const submit = root(form).querySelector<HTMLButtonElement>('.submit')!;
      submit.click();
      await until(() => root(form).querySelector('.page-form .notice.error'), 'the failure');
      await form.updateComplete;
      // A focused button that turns disabled throws focus out to the page.
      expect(submit.isConnected && !submit.disabled, 'Submit stays usable after the failure').to.equal(true);
      submit.click();
      await until(() => submit.getAttribute('aria-busy') === 'true', 'sending');
      expect(submit.disabled, 'not disabled while sending').to.equal(false);
      expect(submit.getAttribute('aria-disabled')).to.equal('true');
      submit.click();
      await until(() => submitted.length === 1, 'submitted');
      expect(faults.calls.filter((call) => call === 'intake.submit')).to.have.length(2, 'a click while sending sends nothing');
    });

    it('says so when the form was already sent', async () => {
      const adapter = memory();
      await adapter.intake.submit(TOKEN, { answers: { name: 'Ada' }, idempotencyKey: 'first-submit-key' });
      const form = await mount(adapter);
      expect(clean(root(form).querySelector('[part~="done"]')?.textContent)).to.contain('This form was already sent');
      await expectNoAxeViolations(form);
    });
  });

  describe('without a backend, and with bad input', () => {
    it('runs a form from .definition and hands the answers to the host on submit', async () => {
      const form = await fixture<PxmIntakeForm>(html`<pxm-intake-form
        .definition=${{ id: 'local', version: '1', title: 'Local', pages: [{ id: 'p', title: 'P', items: [{ id: 'q', type: 'text', label: 'Question', required: true }] }] }}
      ></pxm-intake-form>`);
      await until(() => root(form).querySelector('#page-title'));
      expect(root(form).querySelector('[part~="save-status"]')).to.equal(null, 'nothing to save to');
      fill(form, 'Question', 'Answer');
      await goNext(form, 'Review your answers');
      const submitted = recordEvents<PxmIntakeSubmittedEvent>(form, 'pxm-intake-submitted');
      root(form).querySelector<HTMLButtonElement>('.submit')!.click();
      await until(() => submitted.length === 1);
      expect(submitted[0]!.detail.formId).to.equal('local');
      expect(form.answers).to.deep.equal({ q: 'Answer' });
    });

    it('shows a developer panel listing each problem of an invalid definition, with item ids', async () => {
      const errors: Event[] = [];
      const original = console.error;
      console.error = () => undefined;
      try {
        const holder = await fixture(html`<div @pxm-error=${(event: Event) => errors.push(event)}>
          <pxm-intake-form
            .definition=${{
              id: 'broken',
              version: '1',
              title: 'Broken',
              pages: [
                {
                  id: 'p',
                  title: 'P',
                  items: [
                    { id: 'a', type: 'yes-no', visibleWhen: { item: 'b', op: 'exists' } },
                    { id: 'b', type: 'yes-no', visibleWhen: { item: 'a', op: 'exists' } },
                    { id: 'c', type: 'text', visibleWhen: { item: 'ghost', op: 'exists' } },
                  ],
                },
              ],
            } as FormDefinition}
          ></pxm-intake-form>
        </div>`);
        const form = holder.querySelector('pxm-intake-form')!;
        await until(() => root(form).querySelector('[part~="definition-errors"]'));
        const panel = root(form).querySelector('[part~="definition-errors"]')!;
        expect(panel.getAttribute('role')).to.equal('alert');
        const items = [...panel.querySelectorAll('li')].map((li) => clean(li.textContent));
        expect(items).to.have.length(2);
        expect(items[0]).to.contain('c pages.0.items.2.visibleWhen');
        expect(items[1]).to.contain('depends on');
        expect((errors[0] as PxmErrorEvent).detail).to.deep.equal({ code: 'validation', operation: 'intake.definition', formId: 'broken', itemIds: ['c', 'a', 'b'] });
        await expectNoAxeViolations(form);
      } finally {
        console.error = original;
      }
    });

    it('explains an invalid or expired link without offering a pointless retry', async () => {
      const form = await mount(memory(), { token: 'no-such-token' });
      expect(clean(root(form).querySelector('[part~="error"]')?.textContent)).to.contain('This link is not valid');
      expect(root(form).querySelector('[part~="retry"]')).to.equal(null);
      await expectNoAxeViolations(form);
    });

    it('offers a retry when loading fails on the network, and recovers', async () => {
      const faults = createFaultyAdapter(memory());
      faults.plan('intake.loadForm', { error: 'network' });
      const form = await mount(faults.adapter);
      (root(form).querySelector('[part~="retry"]') as HTMLButtonElement).click();
      await until(() => root(form).querySelector('#page-title'));
    });

    it('shows the developer panel when an adapter serves a definition the schema refuses', async () => {
      const errors: PxmErrorEvent[] = [];
      const record = (event: Event) => errors.push(event as PxmErrorEvent);
      const original = console.error;
      console.error = () => undefined;
      document.addEventListener('pxm-error', record);
      try {
        const faults = createFaultyAdapter(memory());
        const definition = { id: 'served', version: '1', title: 'Served', pages: [{ id: 'p', title: 'P', items: [{ id: 'q', type: 'colour-picker' }] }] };
        faults.plan('intake.loadForm', { reply: { formId: 'served', definition, status: 'open', draft: null, priorScores: [] } });
        const form = await mount(faults.adapter);
        await until(() => root(form).querySelector('[part~="definition-errors"]'), 'the panel');
        const items = [...root(form).querySelectorAll('[part~="definition-errors"] li')].map((li) => clean(li.textContent));
        expect(items).to.have.length(1);
        expect(items[0]).to.contain('pages.0.items.0.type');
        expect(items[0]).to.contain('is not valid');
        expect(errors.map((event) => event.detail)).to.deep.equal([{ code: 'validation', operation: 'intake.definition' }]);
      } finally {
        console.error = original;
        document.removeEventListener('pxm-error', record);
      }
    });

    it('refuses a malformed reply as a server error rather than crashing', async () => {
      const faults = createFaultyAdapter(memory());
      faults.plan('intake.loadForm', { reply: { formId: 42, status: 'weird' } });
      const form = await mount(faults.adapter);
      expect(clean(root(form).querySelector('[part~="error"]')?.textContent)).to.contain('Something went wrong on our side');
    });
  });

  describe('outcome measures', () => {
    it('shows the change from baseline against the MCID after a progress check', async () => {
      const adapter = createMemoryAdapter();
      const form = await mount(adapter, { token: DEMO_INTAKE_REASSESSMENT_TOKEN });
      root(form).querySelectorAll<HTMLInputElement>('.scale-point input')[4]!.click(); // pain 4 (was 7)
      await goNext(form, 'Function');
      const radios = [...root(form).querySelectorAll<HTMLInputElement>('input[type=radio]')];
      // Every LEFS item "A little bit of difficulty" (3): 60 (was 38).
      for (let item = 0; item < 20; item++) radios[item * 5 + 3]!.click();
      await form.updateComplete;
      await goNext(form, 'Your activities');
      fill(form, 'Activity', 'Climbing stairs');
      root(form).querySelectorAll<HTMLInputElement>('.scale-point input')[6]!.click();
      await form.updateComplete;
      await goNext(form, 'Review your answers');
      const scores = clean(root(form).querySelector('[part~="scores"]')?.textContent);
      expect(scores).to.contain('Numeric Pain Rating Scale (NPRS): 4 of 10');
      expect(scores).to.match(/-3 since .*A meaningful improvement\./);
      expect(scores).to.contain('Lower Extremity Functional Scale (LEFS): 60 of 80');
      expect(scores).to.match(/\+22 since /);
      expect(scores).to.contain('Patient-Specific Functional Scale (PSFS): 6 of 10');
      await expectNoAxeViolations(form);
    });
  });
});
