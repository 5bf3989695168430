/**
 * `<pxm-referral>`: a physician's office refers a patient: the patient, the referring clinician
 * (a valid NPI), a diagnosis code, the order, the signed order as a PDF, urgency and consent, and
 * Send. The backend's only text is the reference it answers with.
 */
import { AttachmentReceiptSchema, ReferralReceiptSchema, type ReferralInput } from '@pxm/core/referral';
import { createMemoryAdapter, type MemoryAdapter } from '@pxm/adapter-memory';
import { createFaultyAdapter } from '@pxm/adapter-testkit/faults';
import type { PxmAdapter } from '@pxm/core';
import type { TextRewrite } from '../../corpus/map-texts.js';
import { fill, settle, shadow, until } from '../dom.js';
import { SECRETS, type LaterReply, type Mounted, type Profile, type Secrets } from './profile.js';
import { mountElement } from './mount-element.js';
import { acceptedBy } from './accepted.js';

/** A referring clinician's NPI whose check digit is right. */
export const REFERRER_NPI = '1234567893';
/** The diagnosis each flow gives: the usual one, and another for the `alternate` answers. */
const DIAGNOSES = { usual: 'M17.11', alternate: 'S83.511A' } as const;

const chosenDiagnosis = new WeakMap<object, string>();

/** The signed order, as a PDF the office picks. */
export const orderPdf = () => new File(['%PDF-1.4\n% signed order\n%%EOF\n'], 'signed-order.pdf', { type: 'application/pdf' });

/** The reference is the backend's text: with a rewrite, it goes through it. */
function rewritingReplies(store: MemoryAdapter, rewrite: TextRewrite): PxmAdapter {
  const referral = store.referral;
  return {
    ...store,
    referral: {
      uploadReferralAttachment: (file, options) => referral.uploadReferralAttachment(file, options),
      async submitReferral(input, options) {
        const receipt = await referral.submitReferral(input, options);
        return { ...receipt, reference: rewrite(receipt.reference, 'referral.reference') };
      },
    },
  };
}

const byId = <E extends HTMLElement = HTMLInputElement>(root: ShadowRoot, key: string) => {
  const found = root.getElementById(`referral-${key}`) as E | null;
  if (!found) throw new Error(`No referral field ${key}`);
  return found;
};

/** Every field as an office fills it (the patient's details are the suite's secrets). */
export async function fillReferral(element: HTMLElement, secrets: Secrets, diagnosis: string = DIAGNOSES.usual): Promise<void> {
  const root = shadow(element);
  fill(byId(root, 'patient-givenName'), secrets.first);
  fill(byId(root, 'patient-familyName'), secrets.last);
  fill(byId(root, 'patient-birthDate'), secrets.dob);
  fill(byId(root, 'patient-phone'), secrets.phone);
  fill(byId<HTMLSelectElement>(root, 'patient-preferredLanguage'), 'es');
  fill(byId(root, 'referrer-name'), 'Dr. Ada Lee');
  fill(byId(root, 'referrer-npi'), REFERRER_NPI);
  fill(byId(root, 'referrer-phone'), '303 555 0100');
  fill(root.querySelector<HTMLInputElement>('[part~="diagnosis"] input')!, diagnosis);
  root.querySelector<HTMLInputElement>('input[name="discipline"][value="physical-therapy"]')!.click();
  fill(byId(root, 'order-visitsPerWeek'), '2');
  fill(byId(root, 'order-durationWeeks'), '6');
  fill(byId<HTMLTextAreaElement>(root, 'order-precautions'), `${secrets.free} ${secrets.member}`);
  root.querySelector<HTMLInputElement>('input[name="urgency"][value="urgent"]')!.click();
  const consent = byId(root, 'consentToContact');
  if (!consent.checked) consent.click();
  await settle(element);
}

/** Picks the signed order in the file input, as the browser's dialog would. */
export function chooseOrder(element: HTMLElement): void {
  const control = shadow(element).querySelector<HTMLInputElement>('[part~="file-input"]')!;
  const files = new DataTransfer();
  files.items.add(orderPdf());
  control.files = files.files;
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

const sent = (root: ShadowRoot) => root.querySelector('[part~="confirmation"]');
const sendFailed = (root: ShadowRoot) => root.querySelector('[part~="submit-error"]');

/** What the office typed that is no longer in the form (empty: all there). */
export function lostFields(element: HTMLElement, secrets: Secrets = SECRETS): string[] {
  const root = shadow(element);
  if (sent(root)) return [];
  return (
    [
      ['patient-givenName', secrets.first],
      ['patient-phone', secrets.phone],
      ['referrer-npi', REFERRER_NPI],
      ['order-precautions', `${secrets.free} ${secrets.member}`],
    ] as const
  )
    .filter(([key, typed]) => root.getElementById(`referral-${key}`)?.['value' as keyof HTMLElement] !== typed)
    .map(([key]) => `${key} no longer holds what was typed`);
}

export const referralProfile: Profile = {
  tag: 'pxm-referral',
  name: 'referral',

  async mount(stage, options = {}) {
    const store = options.store ?? createMemoryAdapter();
    const faults = createFaultyAdapter(options.text ? rewritingReplies(store, options.text) : store);
    const element = await mountElement(stage, 'pxm-referral', faults, options, (mounted) => referralProfile.ready(mounted));
    return { element, store, faults };
  },

  async ready(element) {
    await until(() => element.shadowRoot?.querySelector('[part="form"], [part~="confirmation"], [part="error"]'), 'the referral form');
    await settle(element);
  },

  async complete({ element, store }, { secrets = SECRETS, answers, onState } = {}) {
    const root = shadow(element);
    const diagnosis = DIAGNOSES[answers ?? 'usual'];
    chosenDiagnosis.set(store, diagnosis);
    await until(() => root.querySelector('[part="form"]'), 'the referral form');
    await onState?.('form');
    await fillReferral(element, secrets, diagnosis);
    await onState?.('filled');
    chooseOrder(element);
    await onState?.('uploading');
    await until(() => root.querySelector('[part~="attachment"][data-state="uploaded"]'), 'the signed order to be attached', 10_000);
    await settle(element);
    await onState?.('attached');
    root.querySelector<HTMLElement>('[part~="submit"]')!.click();
    await until(() => sent(root), 'the confirmation', 10_000);
    await settle(element);
    await onState?.('sent');
  },

  async checkOutcome({ store }) {
    const referrals = store.referral.listReferrals();
    const problems: string[] = [];
    if (referrals.length !== 1) problems.push(`expected exactly 1 referral, found ${referrals.length}`);
    const [stored] = referrals;
    const diagnosis = chosenDiagnosis.get(store) ?? DIAGNOSES.usual;
    if (stored && stored.referral.diagnoses.join() !== diagnosis) problems.push(`stored diagnoses ${stored.referral.diagnoses.join()}, expected ${diagnosis}`);
    if (stored && (stored.referral.attachmentIds.length !== 1 || !store.referral.attachment(stored.referral.attachmentIds[0]!))) problems.push('expected the signed order stored with the referral');
    return problems;
  },

  /** The form loads nothing: every reply it reads comes after the office acts (laterReplies). */
  async loadReplies() {
    return [];
  },

  async laterReplies() {
    const probe = createMemoryAdapter();
    const attachment = await probe.referral.uploadReferralAttachment(orderPdf());
    const input: ReferralInput = {
      idempotencyKey: 'hardening-probe-referral',
      patient: { givenName: 'Ana', familyName: 'Ruiz', birthDate: '1958-11-30', phone: '303 555 0142' },
      referrer: { name: 'Dr. Ada Lee', npi: REFERRER_NPI, phone: '303 555 0100' },
      diagnoses: [DIAGNOSES.usual],
      order: { discipline: 'physical-therapy' },
      urgency: 'routine',
      consentToContact: true,
      attachmentIds: [attachment.id],
    };
    const receipt = await probe.referral.submitReferral(input);
    const filled = async (into: HTMLElement, prepare: (faults: Mounted['faults']) => void) => {
      const mounted = await referralProfile.mount(into, { prepare });
      await fillReferral(mounted.element, SECRETS);
      return mounted;
    };
    const attachmentState = (m: Mounted) => shadow(m.element).querySelector('[part~="attachment"]')?.getAttribute('data-state');
    // The send first: the accessibility proof holds it open to see the spinner.
    const replies: LaterReply[] = [
      {
        operation: 'referral.submitReferral',
        valid: receipt,
        accepts: acceptedBy(ReferralReceiptSchema),
        mount: filled,
        trigger: async (m) => shadow(m.element).querySelector<HTMLElement>('[part~="submit"]')!.click(),
        outcome: (m) => (sent(shadow(m.element)) ? 'succeeded' : sendFailed(shadow(m.element)) ? 'failed' : 'pending'),
        lost: (m) => lostFields(m.element),
      },
      {
        operation: 'referral.uploadReferralAttachment',
        valid: attachment,
        accepts: acceptedBy(AttachmentReceiptSchema),
        mount: filled,
        trigger: async (m) => chooseOrder(m.element),
        outcome: (m) => ({ uploaded: 'succeeded', failed: 'failed' } as const)[attachmentState(m) as 'uploaded' | 'failed'] ?? 'pending',
        lost: (m) => lostFields(m.element),
      },
    ];
    return replies;
  },
};
