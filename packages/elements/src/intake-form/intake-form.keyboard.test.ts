/**
 * The whole new-patient intake of the demo practice, filled with the keyboard only (Tab, typing,
 * arrows, Space, Enter), signing by typed name: the path a screen-reader user takes. axe runs
 * on every page.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryAdapter, type MemoryAdapter } from '@pxm/adapter-memory';
import { DEMO_INTAKE_TOKEN } from '@pxm/core/demo';
import type { Answers, SignatureRecord } from '@pxm/core/forms';
import '../define/pxm-intake-form.js';
import type { PxmIntakeForm } from './intake-form.js';
import type { PxmIntakeSubmittedEvent } from './intake-form.events.js';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { recordEvents, until } from '../test-helpers/events.js';

const clean = (text: string | null | undefined) => (text ?? '').replace(/\*/g, '').replace(/\s+/g, ' ').trim();

/** What a screen reader would call the focused control, near enough: its label or its text. */
function nameOf(element: Element): string {
  const labels = (element as HTMLInputElement).labels;
  if (labels && labels.length > 0) return clean(labels[0]!.textContent);
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) return clean((element.getRootNode() as ShadowRoot).getElementById(labelledBy)?.textContent);
  return clean(element.getAttribute('aria-label') ?? element.textContent);
}

/**
 * What the steps below leave saved, page by page: each test starts from the draft of the pages
 * before it (as a patient reopening the link would), so it runs alone and in any order.
 */
const ABOUT_YOU: Answers = {
  medications: [{}],
  firstName: 'Ada',
  lastName: 'Lovelace',
  dateOfBirth: '1985-04-12',
  sex: 'female',
  phone: '303 555 0199',
  email: 'ada@example.com',
  homeAddress: { line1: '1200 W 38th Ave', city: 'Denver', region: 'CO', postalCode: '80211' },
  emergencyName: 'Charles Babbage',
  emergencyPhone: '303 555 0100',
};
const INSURANCE: Answers = { ...ABOUT_YOU, payment: 'self-pay' };
const MEDICAL_HISTORY: Answers = { ...INSURANCE, conditions: ['arthritis'], pregnant: false, takesMedications: false, fell: false };
const COMPLAINT: Answers = { ...MEDICAL_HISTORY, mainComplaint: 'My right shoulder hurts when I reach overhead.', bodyArea: 'shoulder', hadSurgery: false };
const PAIN: Answers = { ...COMPLAINT, 'nprs.current': 6 };

describe('pxm-intake-form: a full intake by keyboard', () => {
  let adapter: MemoryAdapter;
  let form: PxmIntakeForm;
  const active = () => form.shadowRoot!.activeElement as HTMLElement | null;

  /** Presses Tab until the focused control is called `name` (never clicks). */
  async function tabTo(name: string, limit = 60): Promise<HTMLElement> {
    const seen: string[] = [];
    for (let presses = 0; presses < limit; presses++) {
      await sendKeys({ press: 'Tab' });
      const focused = active();
      if (focused && nameOf(focused) === name) return focused;
      seen.push(focused ? nameOf(focused) : `outside:${document.activeElement?.tagName}`);
    }
    throw new Error(`Tab never reached "${name}" (went through: ${seen.slice(0, 12).join(' | ')})`);
  }

  async function type(name: string, text: string): Promise<void> {
    await tabTo(name);
    await sendKeys({ type: text });
  }

  async function nextPage(expectedTitle: string): Promise<void> {
    const button = await tabTo(form.shadowRoot!.querySelector('.nav [type=submit]')!.textContent!.trim());
    expect(button.getAttribute('type')).to.equal('submit');
    await sendKeys({ press: 'Enter' });
    await until(() => clean(form.shadowRoot!.querySelector('#page-title')?.textContent) === expectedTitle, `page "${expectedTitle}"`);
    await form.updateComplete;
    expect(active()?.id).to.equal('page-title', 'focus moves to the new page heading');
    await expectNoAxeViolations(form);
  }

  /** A new backend and form for each test, resumed from `saved` (answers of the pages before) when given. */
  async function open(saved?: { answers: Answers; pageId: string; title: string }): Promise<void> {
    adapter = createMemoryAdapter();
    if (saved) await adapter.intake.saveDraft(DEMO_INTAKE_TOKEN, { answers: saved.answers, pageId: saved.pageId, baseVersion: 0 });
    form = document.createElement('pxm-intake-form');
    form.adapter = adapter;
    form.locale = 'en';
    form.timeZone = 'America/Denver';
    form.token = DEMO_INTAKE_TOKEN;
    document.body.append(form);
    await until(() => form.shadowRoot?.querySelector('#page-title'), 'the form');
    if (saved) await until(() => clean(form.shadowRoot!.querySelector('#page-title')?.textContent) === saved.title, `resumed on "${saved.title}"`);
    await form.updateComplete;
  }

  /** The answers the form saved on moving to `pageId` (a page change saves at once). */
  async function savedOn(pageId: string): Promise<Answers> {
    const start = performance.now();
    for (;;) {
      const draft = (await adapter.intake.loadForm(DEMO_INTAKE_TOKEN)).draft;
      if (draft?.pageId === pageId) return draft.answers;
      if (performance.now() - start > 5_000) throw new Error(`Timed out waiting for the draft saved on "${pageId}"`);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }

  afterEach(() => form.remove());

  it('fills about you', async () => {
    await open();
    expect(clean(form.shadowRoot!.querySelector('.step')?.textContent)).to.equal('Step 1 of 7', 'the leg questionnaire page is not counted until a leg problem is chosen');
    await expectNoAxeViolations(form);
    await type('First name', 'Ada');
    await type('Last name', 'Lovelace');
    await type('Date of birth', '04121985');
    await tabTo('Sex assigned at birth');
    await sendKeys({ type: 'F' });
    await type('Mobile phone', '303 555 0199');
    await type('Email', 'ada@example.com');
    await type('Street address', '1200 W 38th Ave');
    await type('City', 'Denver');
    await type('State', 'CO');
    await type('ZIP code', '80211');
    await type('Name', 'Charles Babbage');
    await type('Phone', '303 555 0100');
    await nextPage('Insurance');
    expect(await savedOn('insurance')).to.deep.equal(ABOUT_YOU, 'what the next step starts from');
  });

  it('chooses to pay by themselves (arrow keys in a radio group)', async () => {
    await open({ answers: ABOUT_YOU, pageId: 'insurance', title: 'Insurance' });
    await tabTo('Health insurance');
    await sendKeys({ press: 'ArrowUp' }); // wraps to the last option and selects it
    expect(nameOf(active()!)).to.equal('I will pay myself');
    await form.updateComplete;
    expect(form.shadowRoot!.textContent).to.contain('self-pay rates');
    await nextPage('Medical history');
    expect(await savedOn('medical-history')).to.deep.equal(INSURANCE);
  });

  it('answers medical history with checkboxes and yes/no', async () => {
    await open({ answers: INSURANCE, pageId: 'medical-history', title: 'Medical history' });
    await tabTo('Arthritis');
    await sendKeys({ press: 'Space' });
    await tabTo('Yes'); // pregnant?
    await sendKeys({ press: 'ArrowRight' }); // No
    await tabTo('Yes'); // medications?
    await sendKeys({ press: 'ArrowRight' });
    await tabTo('Yes'); // fallen?
    await sendKeys({ press: 'ArrowRight' });
    await nextPage('Why you are coming in');
    expect(await savedOn('complaint')).to.deep.equal(MEDICAL_HISTORY);
  });

  it('is stopped by a missing answer, shown and focused, then continues', async () => {
    await open({ answers: MEDICAL_HISTORY, pageId: 'complaint', title: 'Why you are coming in' });
    await type('What brings you to physical therapy?', 'My right shoulder hurts when I reach overhead.');
    await tabTo(form.shadowRoot!.querySelector('.nav [type=submit]')!.textContent!.trim());
    await sendKeys({ press: 'Enter' });
    await form.updateComplete;
    const summary = form.shadowRoot!.querySelector('[part~="error-summary"]');
    expect(summary?.getAttribute('role')).to.equal('alert');
    expect(clean(summary?.textContent)).to.contain('There are 2 problems on this page');
    expect(nameOf(active()!)).to.equal('Where is the problem?', 'focus lands on the first problem');
    expect(active()!.getAttribute('aria-invalid')).to.equal('true');
    await expectNoAxeViolations(form);
    await sendKeys({ type: 'S' }); // Shoulder
    await tabTo('Yes'); // surgery?
    await sendKeys({ press: 'ArrowRight' });
    await nextPage('Your pain');
    expect(await savedOn('pain')).to.deep.equal(COMPLAINT);
  });

  it('rates pain on the 0-10 scale with arrow keys', async () => {
    await open({ answers: COMPLAINT, pageId: 'pain', title: 'Your pain' });
    await tabTo('0');
    await sendKeys({ press: 'Space' });
    for (let i = 0; i < 6; i++) await sendKeys({ press: 'ArrowRight' });
    expect(nameOf(active()!)).to.equal('6');
    // The LEFS page is for leg problems: a shoulder skips it.
    await nextPage('Consent and signature');
    expect(await savedOn('consent')).to.deep.equal(PAIN);
  });

  it('agrees and signs by typing the full name, with the intent statement read with the button', async () => {
    await open({ answers: PAIN, pageId: 'consent', title: 'Consent and signature' });
    await tabTo('I have read this and I agree');
    const signature = form.shadowRoot!.querySelector('[part~="signature"]')!;
    expect(clean(signature.textContent)).to.contain('Agree to the consent above before you sign');
    await sendKeys({ press: 'Space' });
    await form.updateComplete;
    const name = await tabTo('Your full name');
    expect((name as HTMLInputElement).value).to.equal('Ada Lovelace', 'the name given earlier is offered');
    const typed = form.shadowRoot!.querySelectorAll<HTMLInputElement>('.method input[type=radio]')[1]!;
    expect(typed.checked).to.equal(true, 'typing is the default where there is no touch screen');
    const sign = await tabTo('Sign');
    const intent = form.shadowRoot!.getElementById(sign.getAttribute('aria-describedby')!);
    expect(clean(intent?.textContent)).to.contain('this is my electronic signature');
    await sendKeys({ press: 'Enter' });
    await until(() => form.shadowRoot!.querySelector('[data-signed]'), 'signed');
    await until(() => clean(form.shadowRoot!.querySelector('[role=status][aria-live]')?.textContent) === 'Signed.', 'announced');
    expect(clean(form.shadowRoot!.querySelector('[data-signed]')!.textContent)).to.match(/Signed by Ada Lovelace on /);
    expect(active()?.hasAttribute('data-signed')).to.equal(true, 'focus moves to the signed record');
    await expectNoAxeViolations(form);
    await nextPage('Review your answers');
  });

  it('reviews every page with a way back, and submits', async () => {
    await open({ answers: PAIN, pageId: 'consent', title: 'Consent and signature' });
    // Signed here, not saved in the draft: the record is the form's own, made from the consent text.
    await tabTo('I have read this and I agree');
    await sendKeys({ press: 'Space' });
    await form.updateComplete;
    await tabTo('Sign');
    await sendKeys({ press: 'Enter' });
    await until(() => form.shadowRoot!.querySelector('[data-signed]'), 'signed');
    await nextPage('Review your answers');
    const pages = [...form.shadowRoot!.querySelectorAll('.review-page h4')].map((heading) => clean(heading.textContent));
    expect(pages).to.deep.equal(['About you', 'Insurance', 'Medical history', 'Why you are coming in', 'Your pain', 'Consent and signature']);
    expect(clean(form.shadowRoot!.querySelector('.review')!.textContent)).to.contain('Ada Lovelace');
    expect(clean(form.shadowRoot!.querySelector('.scores')!.textContent)).to.contain('6 of 10');
    const submitted = recordEvents<PxmIntakeSubmittedEvent>(document, 'pxm-intake-submitted');
    await tabTo('Submit');
    await sendKeys({ press: 'Enter' });
    await until(() => form.shadowRoot!.querySelector('[data-done-title]'), 'the confirmation');
    await form.updateComplete;
    expect(active()?.hasAttribute('data-done-title')).to.equal(true);
    expect(clean(form.shadowRoot!.querySelector('[part~="done"]')!.textContent)).to.contain('arrive 10 minutes early');
    expect(submitted).to.have.length(1);
    expect(Object.keys(submitted[0]!.detail).sort()).to.deep.equal(['formId', 'responseId', 'submittedAt']);
    await expectNoAxeViolations(form);

    const submission = adapter.intake.getSubmission(DEMO_INTAKE_TOKEN)!;
    expect(submission.response.id).to.equal(submitted[0]!.detail.responseId);
    expect(submission.answers.firstName).to.equal('Ada');
    expect(submission.answers.dateOfBirth).to.equal('1985-04-12');
    expect(submission.answers.sex).to.equal('female');
    expect(submission.answers.payment).to.equal('self-pay');
    expect(submission.answers.homeAddress).to.deep.equal({ line1: '1200 W 38th Ave', city: 'Denver', region: 'CO', postalCode: '80211' });
    expect(submission.answers.conditions).to.deep.equal(['arthritis']);
    expect(submission.answers['nprs.current']).to.equal(6);
    expect(submission.answers.treatmentConsent).to.include({ agreed: true, version: '2027-01' });
    const record = submission.answers.signature as SignatureRecord;
    expect(record.signerName).to.equal('Ada Lovelace');
    expect(record.method).to.equal('typed');
    expect(record.consentVersion).to.equal('2027-01');
    expect(record.textSha256).to.match(/^[0-9a-f]{64}$/);
    expect(record.signedAt).to.match(/Z$/);
    expect(submission.response.scores?.map((score) => [score.instrument, score.score])).to.deep.equal([['nprs', 6]]);
  });
});
