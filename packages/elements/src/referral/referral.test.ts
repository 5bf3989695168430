/** `<pxm-referral>` as an office uses it: a full referral, field checks, files, double click, failures, Spanish, a phone in the dark. */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AdapterError } from '@pxm/core';
import type { PxmErrorEvent } from '../events/pxm-error-event.js';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { recordEvents, until } from '../test-helpers/events.js';
import {
  $,
  $$,
  chooseFiles,
  control,
  fillReferral,
  flakyReferralBackend,
  mountReferral,
  orderPdf,
  orderPhoto,
  referralBackend,
  textOf,
  typeInto,
} from '../test-helpers/referral-harness.js';
import type { PxmReferralSubmittedEvent } from './referral.events.js';

const REFERENCE = /^REF-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;
const errorOf = (field: HTMLElement) => textOf(field.getRootNode() instanceof ShadowRoot ? (field.getRootNode() as ShadowRoot).getElementById(`${field.id}-error`) : null);

describe('pxm-referral', () => {
  it('sends a full referral with its order PDF and shows the reference to quote', async () => {
    const backend = referralBackend();
    const submitted = recordEvents<PxmReferralSubmittedEvent>(document, 'pxm-referral-submitted');
    const element = await mountReferral({ adapter: backend });
    expect(textOf($(element, 'h2'))).to.equal('Refer a patient');
    await expectNoAxeViolations(element);

    await fillReferral(element);
    chooseFiles($<HTMLInputElement>(element, 'input[type="file"]')!, [orderPdf()]);
    await until(() => textOf($(element, '[part="attachment"]')).includes('Attached'), 'the PDF is attached');
    $$(element, '[part="urgency"] label').find((label) => textOf(label).startsWith('Urgent'))!.click();
    await element.updateComplete;
    $<HTMLButtonElement>(element, '[part="submit"]')!.click();

    await until(() => $(element, '[part="confirmation"]'), 'the confirmation');
    const reference = textOf($(element, '[part="reference"]'));
    expect(reference).to.match(REFERENCE);
    expect(element.shadowRoot!.activeElement?.id, 'focus on the confirmation').to.equal('referral-sent-title');
    expect(textOf($(element, '[part="confirmation"]'))).to.contain('Received Mar 1, 2027, 9:05 AM');

    // The event carries the reference and times only: no name, NPI or code.
    expect(submitted).to.have.length(1);
    expect(submitted[0]!.detail).to.deep.equal({ reference, receivedAt: '2027-03-01T16:05:00.000Z', attachmentCount: 1 });
    expect(submitted[0]!.bubbles && submitted[0]!.composed).to.equal(true);

    const [stored] = backend.referral.listReferrals();
    expect(stored!.reference).to.equal(reference);
    expect(stored!.referral).to.deep.include({ diagnoses: ['M17.11'], urgency: 'urgent', consentToContact: true });
    expect(stored!.referral.patient).to.deep.equal({ givenName: 'Ana', familyName: 'Ruiz', birthDate: '1958-11-30', phone: '303 555 0142', preferredLanguage: 'es' });
    expect(stored!.referral.referrer).to.deep.equal({ name: 'Dr. Ada Lee', npi: '1234567893', phone: '303 555 0100' });
    expect(stored!.referral.order).to.deep.equal({ discipline: 'physical-therapy', visitsPerWeek: 2, durationWeeks: 6 });
    expect(stored!.referral.attachmentIds).to.have.length(1);
    await expectNoAxeViolations(element);

    $<HTMLButtonElement>(element, '[part="another"]')!.click();
    await element.updateComplete;
    expect(control<HTMLInputElement>(element, 'First name').value, 'a clean form for the next patient').to.equal('');
  });

  it('says when an NPI’s check digit is wrong, on leaving the field, tied to it', async () => {
    const element = await mountReferral({ adapter: referralBackend() });
    const npi = control(element, 'NPI');
    await typeInto(npi, '1234567890');
    await element.updateComplete;
    expect(npi.getAttribute('aria-invalid')).to.equal('true');
    expect(npi.getAttribute('aria-describedby')).to.contain(`${npi.id}-error`);
    expect(errorOf(npi)).to.equal('This NPI’s last digit does not match the others: one digit is probably mistyped.');
    await typeInto(npi, '12345');
    expect(errorOf(npi)).to.equal('An NPI has exactly 10 digits.');
    await typeInto(npi, '1234567893');
    await element.updateComplete;
    expect(errorOf(npi)).to.equal('');
    expect(npi.getAttribute('aria-invalid')).to.equal('false');
    await expectNoAxeViolations(element);
  });

  it('checks diagnosis codes for shape, puts them in written form, and adds and removes rows from the keyboard', async () => {
    const element = await mountReferral({ adapter: referralBackend() });
    const first = control(element, 'Diagnosis code 1');
    await typeInto(first, 'knee pain');
    await element.updateComplete;
    expect(errorOf(first)).to.contain('Enter an ICD-10-CM code');
    await typeInto(first, 's83511a');
    await element.updateComplete;
    expect(first.value, 'the written form').to.equal('S83.511A');
    expect(errorOf(first)).to.equal('');

    $<HTMLButtonElement>(element, '[part="add-diagnosis"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    const second = control(element, 'Diagnosis code 2');
    expect(element.shadowRoot!.activeElement, 'focus in the new row').to.equal(second);
    await sendKeys({ type: 'Z96.651' });
    const removeSecond = $$<HTMLButtonElement>(element, '[part="remove-diagnosis"]')[1]!;
    expect(textOf(removeSecond)).to.equal('Remove diagnosis code 2');
    removeSecond.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect($$(element, '[part~="diagnosis"]')).to.have.length(1);
    expect(element.shadowRoot!.activeElement, 'focus back on the row before').to.equal(control(element, 'Diagnosis code 1'));
    await expectNoAxeViolations(element);
  });

  it('lists every problem on Send, moves focus to the first, and sends nothing', async () => {
    const { adapter, submits } = flakyReferralBackend(0);
    const element = await mountReferral({ adapter });
    $<HTMLButtonElement>(element, '[part="submit"]')!.click();
    await element.updateComplete;
    const summary = $(element, '[part="error-summary"]')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(textOf(summary)).to.contain('Please fix 10 problems:');
    expect(textOf(summary)).to.contain('Referring clinician: Phone: Required.');
    expect(textOf(summary)).to.contain('Diagnosis code 1: Enter at least one diagnosis code.');
    expect(element.shadowRoot!.activeElement).to.equal(control(element, 'First name'));
    const npiLink = $$<HTMLAnchorElement>(element, '[part="error-summary"] a').find((link) => textOf(link).startsWith('Referring clinician: NPI'))!;
    npiLink.click();
    expect(element.shadowRoot!.activeElement).to.equal(control(element, 'NPI'));
    expect(submits).to.have.length(0);
    await expectNoAxeViolations(element);
  });

  it('shrinks a photo of the order, strips it to a JPEG, and uploads it', async () => {
    const backend = referralBackend();
    const element = await mountReferral({ adapter: backend });
    chooseFiles($<HTMLInputElement>(element, 'input[type="file"]')!, [await orderPhoto(), new File(['hello'], 'notes.txt', { type: 'text/plain' })]);
    await until(() => textOf($(element, '[part="attachment"]')).includes('Attached'), 'the photo is attached', 10_000);
    const [photo, text] = $$(element, '[part="attachment"]');
    expect(textOf(photo)).to.contain('order-photo.png');
    expect(textOf(text)).to.contain('Not attached: send a PDF or a photo.');
    await fillReferral(element);
    // A file that is not attached must be removed before sending.
    $<HTMLButtonElement>(element, '[part="submit"]')!.click();
    await element.updateComplete;
    expect(textOf($(element, '[part="error-summary"]'))).to.contain('A file was not attached.');
    $$<HTMLButtonElement>(element, '[part="remove-attachment"]')[1]!.click();
    await element.updateComplete;
    $<HTMLButtonElement>(element, '[part="submit"]')!.click();
    await until(() => $(element, '[part="confirmation"]'), 'sent');
    const [id] = backend.referral.listReferrals()[0]!.referral.attachmentIds;
    const uploaded = backend.referral.attachment(id!)!;
    expect(uploaded.type, 'a re-encoded JPEG: no EXIF survives a canvas').to.equal('image/jpeg');
    const bitmap = await createImageBitmap(uploaded);
    expect(Math.max(bitmap.width, bitmap.height), 'at most 1600 px').to.equal(1600);
  });

  it('sends once however often Send is clicked', async () => {
    const { adapter, memory, submits } = flakyReferralBackend(0);
    const element = await mountReferral({ adapter });
    await fillReferral(element);
    const send = $<HTMLButtonElement>(element, '[part="submit"]')!;
    send.click();
    send.click();
    await element.updateComplete;
    send.click();
    await until(() => $(element, '[part="confirmation"]'), 'sent');
    expect(submits).to.have.length(1);
    expect(memory.referral.listReferrals()).to.have.length(1);
  });

  it('keeps everything typed when Send fails, and the retry sends the same referral with the same key', async () => {
    const { adapter, memory, submits } = flakyReferralBackend(1);
    const errors = recordEvents<PxmErrorEvent>(document, 'pxm-error');
    const element = await mountReferral({ adapter });
    await fillReferral(element);
    $<HTMLButtonElement>(element, '[part="submit"]')!.click();
    await until(() => $(element, '[part="submit-error"]'), 'the failure');
    expect(textOf($(element, '[part="submit-error"]'))).to.contain('The referral was not sent. Everything you entered is still here.');
    expect(errors.at(-1)!.detail).to.deep.equal({ code: 'network', operation: 'referral.submitReferral' });
    expect(control<HTMLInputElement>(element, 'First name').value).to.equal('Ana');
    expect(control<HTMLInputElement>(element, 'NPI').value).to.equal('1234567893');
    expect(control<HTMLInputElement>(element, 'Diagnosis code 1').value).to.equal('M17.11');
    expect(control<HTMLInputElement>(element, 'The patient agreed that the practice may contact them about this referral.').checked).to.equal(true);
    expect(textOf($(element, '[part="submit"]'))).to.equal('Try again');
    await expectNoAxeViolations(element);

    $<HTMLButtonElement>(element, '[part="submit"]')!.click();
    await until(() => $(element, '[part="confirmation"]'), 'sent on the retry');
    expect(submits).to.have.length(2);
    expect(submits[1]!.idempotencyKey).to.equal(submits[0]!.idempotencyKey);
    expect(memory.referral.listReferrals()).to.have.length(1);
  });

  it('marks the field a backend refuses, and says when the backend takes no referrals', async () => {
    const refusing = {
      name: 'refusing',
      referral: {
        uploadReferralAttachment: () => Promise.reject(new Error('unused')),
        submitReferral: () =>
          Promise.reject(new AdapterError('validation', 'Refused.', { operation: 'referral.submitReferral', issues: [{ path: 'referrer.npi', message: 'Not on file.' }] })),
      },
    };
    const element = await mountReferral({ adapter: refusing });
    await fillReferral(element);
    $<HTMLButtonElement>(element, '[part="submit"]')!.click();
    await until(() => $(element, '[part="submit-error"]'), 'the refusal');
    const npi = control(element, 'NPI');
    expect(npi.getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(npi)).to.equal('The practice’s system did not accept this. Check it and send again.');
    await expectNoAxeViolations(element);

    const errors = recordEvents<PxmErrorEvent>(document, 'pxm-error');
    const bare = await mountReferral({ adapter: { name: 'none' } });
    await fillReferral(bare);
    $<HTMLButtonElement>(bare, '[part="submit"]')!.click();
    await until(() => $(bare, '[part="submit-error"]'), 'the unsupported state');
    expect(errors.at(-1)!.detail).to.deep.equal({ code: 'unsupported', operation: 'referral' });
    expect(textOf($(bare, '[part="submit-error"]'))).to.contain('The referral was not sent.');
    expect(textOf($(bare, '[part="submit"]')), 'no Try again where trying again cannot help').to.equal('Send referral');
  });

  it('speaks Spanish', async () => {
    const element = await mountReferral({ adapter: referralBackend(), locale: 'es' });
    await until(() => textOf($(element, 'h2')) === 'Referir a un paciente', 'Spanish texts');
    const npi = control(element, 'NPI');
    await typeInto(npi, '1234567890');
    await element.updateComplete;
    expect(errorOf(npi)).to.equal('El último dígito de este NPI no corresponde a los demás: probablemente hay un dígito mal escrito.');
    expect(textOf($(element, '[part="submit"]'))).to.equal('Enviar referencia');
    expect(textOf($(element, '[part="discipline"]'))).to.contain('Fisioterapia');
  });

  it('fits a 320 px phone in the dark theme, with nothing scrolling sideways', async () => {
    const element = await mountReferral({ adapter: referralBackend() });
    element.parentElement!.style.inlineSize = '320px';
    element.theme = 'dark';
    await element.updateComplete;
    const base = $(element, '[part="base"]')!;
    expect(getComputedStyle(base).colorScheme).to.equal('dark');
    $<HTMLButtonElement>(element, '[part="submit"]')!.click();
    await element.updateComplete;
    expect(base.scrollWidth, 'no sideways scroll').to.be.at.most(base.clientWidth);
    for (const field of $$(element, '[part~="field"]')) expect(field.getBoundingClientRect().width).to.be.at.most(320);
    await expectNoAxeViolations(element);
  });
});
