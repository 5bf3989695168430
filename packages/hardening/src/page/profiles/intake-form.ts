/**
 * `<pxm-intake-form>`: the demo practice's whole new-patient intake, every page: details and
 * address, insurance with both card photos chosen as files (shrunk on the device and uploaded),
 * medical history with a medication entry, the complaint of a knee (so the leg questionnaire
 * shows), pain, consent and a drawn signature, review, submit.
 */
import {
  AttachmentRefSchema,
  DraftSchema,
  FormDefinitionSchema,
  IntakeResponseSchema,
  IntakeSessionSchema,
  definitionRuleProblems,
  type Answers,
  type SignatureRecord,
} from '@pxm/core/forms';
import { humanReference } from '@pxm/core';
import { DEMO_INTAKE_TOKEN, demoIntakeForm } from '@pxm/core/demo';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { createFaultyAdapter } from '@pxm/adapter-testkit/faults';
import { mapTexts } from '../../corpus/map-texts.js';
import { fill, settle, shadow, until } from '../dom.js';
import { SECRETS, type LaterReply, type Mounted, type Profile, type Secrets } from './profile.js';
import { mountElement } from './mount-element.js';
import { acceptedBy, acceptedValue } from './accepted.js';

const SECOND_TOKEN = 'hardening-intake-second-patient';

/** The element on the page whose items are shown: each page is known by one of its items' ids. */
export const PAGE_ITEMS = {
  'about-you': 'firstName',
  insurance: 'payment',
  'medical-history': 'conditions',
  complaint: 'mainComplaint',
  pain: 'nprs',
  function: 'lefs',
  consent: 'treatmentConsent',
} as const;

export type IntakePage = keyof typeof PAGE_ITEMS | 'review' | 'done';

const onPage = (root: ShadowRoot, page: IntakePage) =>
  page === 'review' ? root.querySelector('[part~="review"]') : page === 'done' ? root.querySelector('[part~="done"]') : root.querySelector(`[part~="page"] [data-item="${PAGE_ITEMS[page]}"]`);

/** Until the page shows (and has finished rendering the parts it loads on demand). */
export async function untilPage(element: HTMLElement, page: IntakePage, timeoutMs = 10_000): Promise<void> {
  const root = shadow(element);
  await until(() => onPage(root, page) && !root.querySelector('[part~="page"] .pending'), `the intake page "${page}"`, timeoutMs);
  await settle(element);
}

/** A field by its item id (inside a group entry when `within` names one, e.g. `medications[0]`). */
export function item(root: ParentNode, id: string, within?: string): HTMLElement {
  const scope = within ? root.querySelector(`[data-instance="${within}"]`) : root;
  const found = scope?.querySelector<HTMLElement>(`[data-item="${id}"]`);
  if (!found) throw new Error(`No intake item ${id}${within ? ` in ${within}` : ''}`);
  return found;
}

export const input = (root: ParentNode, id: string, within?: string) => item(root, id, within).querySelector<HTMLInputElement>('input, textarea, select')!;

/** The n-th choice of a radio or checkbox question (backend text names options; their order is the form's). */
export function choice(root: ParentNode, id: string, index: number): HTMLInputElement {
  const all = item(root, id).querySelectorAll<HTMLInputElement>('input[type="radio"], input[type="checkbox"]');
  const found = all[index];
  if (!found) throw new Error(`Item ${id} has ${all.length} choices, not ${index + 1}`);
  return found;
}

export function pick(control: HTMLInputElement): void {
  if (!control.checked) control.click();
}

export function selectValue(control: HTMLSelectElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Next / Review answers (a submit button: the page's form validates first). */
export function next(root: ShadowRoot): void {
  root.querySelector<HTMLElement>('[part~="next"]')!.click();
}

let photo: Promise<Blob> | undefined;

/** A small photo of a card, made on a canvas (what a phone camera would hand over, smaller). */
export function cardPhoto(side: string): Promise<File> {
  photo ??= (async () => {
    const canvas = new OffscreenCanvas(480, 300);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#2a6f97';
    context.fillRect(0, 0, 480, 300);
    context.fillStyle = '#ffffff';
    context.fillRect(24, 24, 200, 40);
    context.fillRect(24, 220, 300, 24);
    return canvas.convertToBlob({ type: 'image/png' });
  })();
  return photo.then((blob) => new File([blob], `card-${side}.png`, { type: 'image/png' }));
}

/** Chooses a card photo as a patient does: a file picked in the side's file input. */
export async function chooseCardPhoto(element: HTMLElement, side: 'front' | 'back'): Promise<void> {
  const root = shadow(element);
  const control = await until(
    () => root.querySelector<HTMLInputElement>(`[data-item="insuranceCard"] [data-side="${side}"] .file:not(.camera) input[type="file"]:not([disabled])`),
    `the ${side} card photo's file input`,
  );
  const files = new DataTransfer();
  files.items.add(await cardPhoto(side));
  control.files = files.files;
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Until the side's photo is uploaded and in the answers (its "Remove photo" shows). */
export function untilCardUploaded(element: HTMLElement, side: 'front' | 'back', timeoutMs = 10_000): Promise<unknown> {
  const root = shadow(element);
  return until(() => root.querySelector(`[data-item="insuranceCard"] [data-side="${side}"] .card-actions .button.link`), `the ${side} card photo to be uploaded`, timeoutMs);
}

/** Draws a signature on the pad with pointer events from the mouse (the pointer Chromium always has). */
export function drawSignature(element: HTMLElement): void {
  const canvas = shadow(element).querySelector<HTMLCanvasElement>('[data-item="signature"] canvas')!;
  const box = canvas.getBoundingClientRect();
  const at = (type: string, x: number, y: number) =>
    canvas.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, clientX: box.left + x * box.width, clientY: box.top + y * box.height, pointerId: 1, pointerType: 'mouse', button: 0, buttons: 1 }));
  at('pointerdown', 0.1, 0.6);
  for (let step = 1; step <= 12; step++) at('pointermove', 0.1 + step * 0.06, 0.6 - Math.sin(step / 2) * 0.3);
  at('pointerup', 0.85, 0.5);
}

/** Page one as the patient fills it. */
export function fillAboutYou(root: ShadowRoot, secrets: Secrets): void {
  fill(input(root, 'firstName'), secrets.first);
  fill(input(root, 'lastName'), secrets.last);
  fill(input(root, 'dateOfBirth'), secrets.dob);
  selectValue(input(root, 'sex') as unknown as HTMLSelectElement, 'female');
  fill(input(root, 'phone'), secrets.phone);
  fill(input(root, 'email'), secrets.email);
  fill(root.getElementById('f-homeAddress-line1') as HTMLInputElement, '12 Quorrow Lane');
  fill(root.getElementById('f-homeAddress-city') as HTMLInputElement, 'Denver');
  fill(root.getElementById('f-homeAddress-region') as HTMLInputElement, 'CO');
  fill(root.getElementById('f-homeAddress-postalCode') as HTMLInputElement, '80211');
  fill(input(root, 'emergencyName'), `Orla ${secrets.last}`);
  fill(input(root, 'emergencyPhone'), '+1 303 555 0166');
}

/** Insurance: health insurance, the company and member id, the patient holds the policy. */
export async function fillInsurance(element: HTMLElement, secrets: Secrets): Promise<void> {
  const root = shadow(element);
  pick(choice(root, 'payment', 0));
  await until(() => root.querySelector('[data-item="insurer"] input'), 'the insurance questions');
  fill(input(root, 'insurer'), 'Quorrow Mutual');
  fill(input(root, 'memberId'), secrets.member);
  pick(choice(root, 'subscriberIsPatient', 0));
  await settle(element);
}

/** Medical history: a condition, a medication entry (a repeating group), no falls. */
export async function fillMedicalHistory(element: HTMLElement): Promise<void> {
  const root = shadow(element);
  pick(choice(root, 'conditions', 5));
  pick(choice(root, 'pregnant', 1));
  pick(choice(root, 'takesMedications', 0));
  await until(() => root.querySelector('[data-instance="medications[0]"] [data-item="medicationName"] input'), 'the medication entry');
  fill(input(root, 'medicationName', 'medications[0]'), 'Quorrowzine');
  fill(input(root, 'medicationDose', 'medications[0]'), '200 mg');
  selectValue(input(root, 'medicationFrequency', 'medications[0]') as unknown as HTMLSelectElement, 'daily');
  pick(choice(root, 'fell', 1));
}

/** Why they come: the patient's own words, and a knee (so the leg questionnaire page shows). */
export async function fillComplaint(element: HTMLElement, secrets: Secrets): Promise<void> {
  const root = shadow(element);
  fill(input(root, 'mainComplaint'), secrets.free);
  selectValue(input(root, 'bodyArea') as unknown as HTMLSelectElement, 'knee');
  pick(choice(root, 'cause', 2));
  pick(choice(root, 'hadSurgery', 1));
}

/** Pain 6 of 10, worse at night (which shows a display text). */
export async function fillPain(element: HTMLElement): Promise<void> {
  const root = shadow(element);
  pick(choice(root, 'nprs.current', 6));
  pick(choice(root, 'painPattern', 2));
}

/** The leg questionnaire: the fourth answer to each of its questions. */
export async function fillFunction(element: HTMLElement): Promise<void> {
  for (const question of shadow(element).querySelectorAll<HTMLElement>('[data-item^="lefs."]')) {
    const options = question.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    if (options.length > 0) pick(options[3]!);
  }
}

/** Agrees to the consent, draws a signature, signs, and asks for text reminders. */
export async function agreeAndSign(element: HTMLElement): Promise<void> {
  const root = shadow(element);
  pick(root.querySelector<HTMLInputElement>('[data-item="treatmentConsent"] input[type="checkbox"]')!);
  await until(() => root.querySelector('[data-item="signature"] input[name$="-method"]'), 'the signing step');
  await settle(element);
  pick(root.querySelectorAll<HTMLInputElement>('[data-item="signature"] input[name$="-method"]')[0]!);
  await until(() => root.querySelector('[data-item="signature"] canvas'), 'the signature pad');
  await settle(element);
  drawSignature(element);
  await settle(element);
  root.querySelector<HTMLElement>('[data-item="signature"] .sign')!.click();
  await until(() => root.querySelector('[data-signed]'), 'the signature to be recorded');
  pick(choice(root, 'reminders', 0));
}

/** Pages three to seven, each with how the patient answers it. */
export const LATER_PAGES: Array<[IntakePage, (element: HTMLElement, secrets: Secrets) => Promise<void>]> = [
  ['medical-history', fillMedicalHistory],
  ['complaint', fillComplaint],
  ['pain', fillPain],
  ['function', fillFunction],
  ['consent', agreeAndSign],
];

export const intakeProfile: Profile = {
  tag: 'pxm-intake-form',
  name: 'intake-form',

  async mount(stage, options = {}) {
    const rewrite = options.text ?? ((text: string) => text);
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const definition = mapTexts(demoIntakeForm, rewrite, 'intake');
    const store =
      options.store ??
      createMemoryAdapter({
        seed: {
          intakeForms: [
            { token: DEMO_INTAKE_TOKEN, definition, expiresAt },
            // A second patient's link, for two forms on one page.
            { token: SECOND_TOKEN, definition, expiresAt },
          ],
        },
      });
    const token = options.variant ? SECOND_TOKEN : DEMO_INTAKE_TOKEN;
    const faults = createFaultyAdapter(store);
    const element = await mountElement(stage, 'pxm-intake-form', faults, options, (mounted) => intakeProfile.ready(mounted), token);
    return { element, store, faults, token };
  },

  async ready(element) {
    await until(() => element.shadowRoot?.querySelector('#page-title, [part~="done"], [part="error"], [part~="definition-errors"]'), 'the intake form to load');
    await settle(element);
  },

  async complete({ element }, { secrets = SECRETS, onState } = {}) {
    const root = shadow(element);
    await untilPage(element, 'about-you');
    await onState?.('about-you');
    fillAboutYou(root, secrets);
    await settle(element);
    await onState?.('about-you-filled');
    next(root);

    await untilPage(element, 'insurance');
    await onState?.('insurance');
    await fillInsurance(element, secrets);
    await chooseCardPhoto(element, 'front');
    // The photo is being shrunk and sent: where a move or a removal hurts most.
    await onState?.('card-uploading');
    await untilCardUploaded(element, 'front');
    await chooseCardPhoto(element, 'back');
    await untilCardUploaded(element, 'back');
    await settle(element);
    await onState?.('insurance-filled');
    next(root);

    for (const [page, answer] of LATER_PAGES) {
      await untilPage(element, page);
      if (page === 'consent') await onState?.('consent');
      await answer(element, secrets);
      await settle(element);
      await onState?.(page === 'consent' ? 'signed' : page);
      next(root);
    }

    await untilPage(element, 'review');
    await onState?.('review');
    root.querySelector<HTMLElement>('[part~="submit"]')!.click();
    await untilPage(element, 'done');
    await onState?.('done');
  },

  async checkOutcome({ store, token, element }) {
    const problems: string[] = [];
    const submission = store.intake.getSubmission(token!);
    if (!submission) return ['expected the intake to be submitted, found no submission'];
    const shown = shadow(element).querySelector('[part~="done"]')?.textContent ?? '';
    // The patient sees the short reference made from the stored response's id.
    if (!shown.includes(humanReference(submission.response.id))) problems.push(`the confirmation does not show the stored response ${submission.response.id}`);
    const { answers } = submission;
    const signature = answers.signature as SignatureRecord | undefined;
    if (signature?.method !== 'drawn' || !signature.svg) problems.push(`expected a drawn signature, found ${JSON.stringify(signature?.method)}`);
    const card = answers.insuranceCard as { front?: { id: string }; back?: { id: string } } | undefined;
    for (const side of ['front', 'back'] as const) {
      if (!card?.[side] || !store.intake.getAttachment(card[side]!.id)) problems.push(`the ${side} card photo is not stored`);
    }
    if ((answers.medications as unknown[] | undefined)?.length !== 1) problems.push('expected one medication entry');
    if (answers['nprs.current'] !== 6) problems.push(`pain stored as ${String(answers['nprs.current'])}, expected 6`);
    if (submission.response.scores?.length !== 2) problems.push(`expected 2 scores (NPRS and LEFS), found ${submission.response.scores?.length ?? 0}`);
    return problems;
  },

  async loadReplies(store, token = DEMO_INTAKE_TOKEN) {
    return [
      {
        operation: 'intake.loadForm',
        valid: await store.intake.loadForm(token),
        accepts: acceptsSession,
        refusedAs: [
          { code: 'server', operation: 'intake.loadForm' },
          { code: 'validation', operation: 'intake.definition' },
        ],
      },
    ];
  },

  laterReplies,
};

/**
 * What the element may accept as a session: the envelope as the schema says, and a definition
 * that passes the form checks; a session already submitted needs no definition to say so.
 */
function acceptsSession(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const session = value as { definition?: unknown; status?: unknown };
  const envelope = acceptedValue(IntakeSessionSchema, session.definition === undefined ? value : { ...value, definition: demoIntakeForm });
  if (!envelope) return false;
  if (envelope.status === 'submitted') return true;
  const definition = acceptedValue(FormDefinitionSchema, session.definition);
  return definition !== undefined && definitionRuleProblems(definition).length === 0;
}

/**
 * The save, upload and submit replies. One full flow on a probe backend gives a complete draft;
 * each case then opens the link on a fresh backend holding that draft, resumed on the page the
 * call is made from, so a case costs one load and one call.
 */
async function laterReplies(stage: HTMLElement): Promise<LaterReply[]> {
  const probe = await intakeProfile.mount(stage);
  class Reached extends Error {}
  try {
    await intakeProfile.complete(probe, {
      onState: (state) => {
        if (state === 'review') throw new Reached();
      },
    });
  } catch (error) {
    if (!(error instanceof Reached)) throw error;
  }
  await until(() => shadow(probe.element).querySelector('[part~="save-status"][data-status="saved"]'), 'the probe draft to be saved');
  probe.element.remove();
  const token = probe.token!;
  const draft = (await probe.store.intake.loadForm(token)).draft!;
  const answers: Answers = draft.answers;
  const validDraft = await probe.store.intake.saveDraft(token, { answers, baseVersion: draft.version, pageId: 'about-you' });
  const validRef = await probe.store.intake.uploadAttachment(token, await cardPhoto('front'), { contentType: 'image/jpeg', purpose: 'insurance-card-front' });
  const validResponse = await probe.store.intake.submit(token, { answers, idempotencyKey: 'hardening-probe-submit' });

  const resumeOn = (pageId: string, page: IntakePage, drop: string[] = []) => async (into: HTMLElement, prepare: (faults: Mounted['faults']) => void) => {
    const store = createMemoryAdapter({ seed: { intakeForms: [{ token, definition: demoIntakeForm, expiresAt: new Date(Date.now() + 86_400_000).toISOString() }] } });
    const kept = Object.fromEntries(Object.entries(answers).filter(([key]) => !drop.includes(key)));
    await store.intake.saveDraft(token, { answers: kept, baseVersion: 0, pageId });
    const mounted = await intakeProfile.mount(into, { store, prepare, attributes: { 'autosave-delay': '0' } });
    await untilPage(mounted.element, page);
    return mounted;
  };
  const value = (m: Mounted, id: string) => (shadow(m.element).getElementById(`f-${id}`) as HTMLInputElement | null)?.value;
  const expect = (m: Mounted, pairs: Array<[string, string]>) => pairs.filter(([id, typed]) => value(m, id) !== typed).map(([id, typed]) => `${id}: "${value(m, id)}" instead of "${typed}"`);
  return [
    {
      operation: 'intake.saveDraft',
      valid: validDraft,
      accepts: acceptedBy(DraftSchema),
      mount: resumeOn('about-you', 'about-you'),
      trigger: async (m) => fill(input(shadow(m.element), 'preferredName'), 'Zel'),
      outcome: (m) => ({ saved: 'succeeded', error: 'failed' })[shadow(m.element).querySelector('[part~="save-status"]')?.getAttribute('data-status') ?? ''] as 'succeeded' | 'failed' | undefined ?? 'pending',
      lost: (m) => expect(m, [['preferredName', 'Zel'], ['firstName', SECRETS.first], ['lastName', SECRETS.last]]),
    },
    {
      operation: 'intake.uploadAttachment',
      valid: validRef,
      accepts: acceptedBy(AttachmentRefSchema),
      mount: resumeOn('insurance', 'insurance', ['insuranceCard']),
      trigger: (m) => chooseCardPhoto(m.element, 'front'),
      outcome: (m) => {
        const side = shadow(m.element).querySelector('[data-item="insuranceCard"] [data-side="front"]');
        return side?.querySelector('.card-actions button.link') ? 'succeeded' : side?.querySelector('.card-status .error-text') ? 'failed' : 'pending';
      },
      lost: (m) => expect(m, [['memberId', SECRETS.member]]),
    },
    {
      operation: 'intake.submit',
      valid: validResponse,
      accepts: acceptedBy(IntakeResponseSchema),
      mount: resumeOn('@review', 'review'),
      trigger: async (m) => shadow(m.element).querySelector<HTMLElement>('[part~="submit"]')!.click(),
      outcome: (m) => (shadow(m.element).querySelector('[part~="done"]') ? 'succeeded' : shadow(m.element).querySelector('form > .notice.error[role="alert"]') ? 'failed' : 'pending'),
      lost: (m) => {
        if (shadow(m.element).querySelector('[part~="done"]')) return [];
        const shown = shadow(m.element).querySelector('[part~="review"]')?.textContent ?? '';
        return [SECRETS.first, SECRETS.free, SECRETS.member].filter((typed) => !shown.includes(typed)).map((typed) => `"${typed}" no longer on the review page`);
      },
    },
  ];
}
