/** What a new patient met in the intake (issue 20): messages, optional entries, status, the confirmation. */
import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import type { FormDefinition } from '@pxm/core/forms';
import '../define/pxm-intake-form.js';
import type { PxmIntakeForm } from './intake-form.js';
import { until } from '../test-helpers/events.js';
import { button, clean, control, fill, pageTitle, root } from '../test-helpers/intake.js';

const live = (form: PxmIntakeForm) => clean(root(form).querySelector('[role=status][aria-live]')?.textContent);

async function mountDefinition(definition: FormDefinition, locale = 'en'): Promise<PxmIntakeForm> {
  const form = await fixture<PxmIntakeForm>(html`<pxm-intake-form locale=${locale} time-zone="America/Denver" .definition=${definition}></pxm-intake-form>`);
  await until(() => root(form).querySelector('#page-title'), 'loaded');
  await form.updateComplete;
  return form;
}

async function goNext(form: PxmIntakeForm, expected: string): Promise<void> {
  (root(form).querySelector('.nav [type=submit]') as HTMLButtonElement).click();
  await until(() => pageTitle(form) === expected, `page ${expected}`);
  await until(() => !root(form).querySelector('.pending, .page .loading'), 'parts loaded on demand');
  await form.updateComplete;
}

const errorOf = (form: PxmIntakeForm, label: string) => {
  const describedBy = control(form, label).getAttribute('aria-describedby') ?? '';
  return describedBy
    .split(' ')
    .map((id) => clean(root(form).getElementById(id)?.textContent))
    .filter((text) => text.startsWith('Please'))
    .join(' ');
};

const page = (id: string, title: string, items: FormDefinition['pages'][number]['items']) => ({ id, title, items });

describe('pxm-intake-form: messages that say what to do (issue 20 #16)', () => {
  const definition: FormDefinition = {
    id: 'messages',
    version: '1',
    title: 'Messages',
    pages: [
      page('p', 'About you', [
        { id: 'zip', type: 'text', label: 'ZIP code', pattern: '[0-9]{5}', entryFormat: '5 digits, like 80211' },
        { id: 'member', type: 'text', label: 'Member ID', pattern: '[A-Z][0-9]{8}', help: 'A letter and 8 digits, as on your card.' },
        { id: 'visits', type: 'number', label: 'Visits this year', min: 0, max: 100, step: 1 },
      ]),
    ],
  };

  it('names the expected format, and asks for a whole number', async () => {
    const form = await mountDefinition(definition);
    fill(form, 'ZIP code', '8021');
    fill(form, 'Member ID', 'w123');
    fill(form, 'Visits this year', '2.5');
    await form.updateComplete;
    expect(errorOf(form, 'ZIP code')).to.equal('Please enter it in this format: 5 digits, like 80211.');
    expect(errorOf(form, 'Member ID')).to.equal('Please check the format: A letter and 8 digits, as on your card.');
    expect(errorOf(form, 'Visits this year')).to.equal('Please enter a whole number.');
  });

  it('speaks Spanish', async () => {
    const form = await mountDefinition(definition, 'es');
    fill(form, 'ZIP code', '8021');
    fill(form, 'Visits this year', '2.5');
    await form.updateComplete;
    expect(clean(root(form).querySelector('[data-item="zip"] [part~="error"]')?.textContent)).to.equal('Escriba la respuesta con este formato: 5 digits, like 80211.');
    expect(clean(root(form).querySelector('[data-item="visits"] [part~="error"]')?.textContent)).to.equal('Escriba un número entero.');
  });

  it('does not mark a correctly typed name invalid when only the drawing is missing', async () => {
    const form = await mountDefinition({
      id: 'sign',
      version: '1',
      title: 'Sign',
      pages: [
        page('p', 'Consent', [
          { id: 'consent', type: 'consent', consentId: 'c', version: '1', title: 'Consent to care', text: 'I agree to care.', required: true },
          { id: 'sig', type: 'signature', label: 'Signature', consentItemId: 'consent', required: true },
        ]),
      ],
    });
    await until(() => !root(form).querySelector('.pending'), 'signing loaded');
    control(form, 'I have read this and I agree').click();
    await form.updateComplete;
    control(form, 'Draw my signature').click();
    fill(form, 'Your full name', 'Ada Lovelace');
    await form.updateComplete;
    button(form, 'Sign').click();
    await form.updateComplete;
    expect(clean(root(form).querySelector('.signing [role=alert]')?.textContent)).to.contain('Draw your signature first');
    // Next with the page unsigned: the signature is missing, the name is fine.
    (root(form).querySelector('.nav [type=submit]') as HTMLButtonElement).click();
    await form.updateComplete;
    const name = control(form, 'Your full name');
    expect(name.getAttribute('aria-invalid')).to.equal('false');
    expect(name.getAttribute('aria-describedby')).to.equal(null);
    const canvas = root(form).querySelector('canvas')!;
    expect(clean(root(form).getElementById(canvas.getAttribute('aria-describedby')!)?.textContent)).to.contain('Draw your signature first');
  });
});

describe('pxm-intake-form: optional entries and titles (issue 20 #17)', () => {
  it('an optional repeating group does not look required, and its only entry can be removed', async () => {
    const form = await mountDefinition({
      id: 'meds',
      version: '1',
      title: 'Medications',
      pages: [
        page('p', 'Your medications', [
          { id: 'meds', type: 'group', label: 'Medication', addLabel: 'Add a medication', minInstances: 1, items: [{ id: 'drug', type: 'text', label: 'Drug', required: true }] },
        ]),
      ],
    });
    expect(root(form).querySelector('[data-item="drug"] .required-mark'), 'no required mark on an untouched optional entry').to.equal(null);
    expect(control(form, 'Drug').required).to.equal(false);
    fill(form, 'Drug', 'Ibu');
    await form.updateComplete;
    expect(root(form).querySelector('[data-item="drug"] .required-mark'), 'required once the entry is started').to.not.equal(null);
    button(form, 'Remove medication 1').click();
    await form.updateComplete;
    expect(root(form).querySelectorAll('[data-instance]').length).to.equal(0);
    expect(button(form, 'Add a medication')).to.not.equal(undefined);
  });

  it('shows the title once when a page carries the form’s own title', async () => {
    const form = await mountDefinition({
      id: 'mixed',
      version: '1',
      title: 'Knee questionnaire',
      pages: [page('loose', 'Knee questionnaire', [{ id: 'q', type: 'text', label: 'Question' }])],
    });
    const visible = [...root(form).querySelectorAll('h2, h3')].filter((heading) => !heading.classList.contains('visually-hidden')).map((heading) => clean(heading.textContent));
    expect(visible.filter((text) => text === 'Knee questionnaire')).to.have.length(1);
  });
});

describe('pxm-intake-form: status messages do not outlive their page (issue 20 #19)', () => {
  it('clears "Medication 2 added." on the next page', async () => {
    const form = await mountDefinition({
      id: 'status',
      version: '1',
      title: 'Status',
      pages: [
        page('one', 'One', [{ id: 'meds', type: 'group', label: 'Medication', minInstances: 1, items: [{ id: 'drug', type: 'text', label: 'Drug' }] }]),
        page('two', 'Two', [{ id: 'q', type: 'text', label: 'Question' }]),
      ],
    });
    button(form, 'Add another').click();
    await until(() => live(form) === 'Medication 2 added.', 'announced');
    await goNext(form, 'Two');
    expect(live(form)).to.equal('');
  });
});

describe('pxm-intake-form: the confirmation (issue 20 #20)', () => {
  const definition: FormDefinition = {
    id: 'confirm',
    version: '1',
    title: 'Confirm',
    nextSteps: 'Please arrive 10 minutes early.',
    nextStepsWhen: [{ when: { item: 'payment', op: 'equals', value: 'insurance' }, text: 'Please also bring your insurance card.' }],
    pages: [
      page('p', 'Payment', [
        { id: 'payment', type: 'single-choice', label: 'How will you pay?', required: true, options: [{ value: 'insurance', label: 'Insurance' }, { value: 'self-pay', label: 'Self-pay' }] },
      ]),
    ],
  };

  async function submitWith(choice: string): Promise<PxmIntakeForm> {
    const token = `confirm-${crypto.randomUUID()}`;
    const adapter = createMemoryAdapter({ seed: { intakeForms: [{ token, definition, expiresAt: new Date(Date.now() + 86_400_000).toISOString() }] } });
    const form = await fixture<PxmIntakeForm>(html`<pxm-intake-form locale="en" time-zone="America/Denver" token=${token} .adapter=${adapter}></pxm-intake-form>`);
    await until(() => root(form).querySelector('#page-title'), 'loaded');
    await form.updateComplete;
    control(form, choice).click();
    await form.updateComplete;
    await goNext(form, 'Review your answers');
    root(form).querySelector<HTMLButtonElement>('.submit')!.click();
    await until(() => root(form).querySelector('[data-done-title]'), 'done');
    await form.updateComplete;
    return form;
  }

  it('shows a success mark and a reference a person can read out', async () => {
    const form = await submitWith('Insurance');
    expect(root(form).querySelector('[part~="done"] [part~="success-mark"]')?.getAttribute('aria-hidden')).to.equal('true');
    const reference = clean(root(form).querySelector('[part~="reference"]')?.textContent);
    expect(reference).to.match(/^Reference: [0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(clean(root(form).querySelector('[part~="done"]')?.textContent)).to.contain('Please also bring your insurance card.');
  });

  it('does not ask for an insurance card after self-pay', async () => {
    const form = await submitWith('Self-pay');
    const done = clean(root(form).querySelector('[part~="done"]')?.textContent);
    expect(done).to.contain('Please arrive 10 minutes early.');
    expect(done).not.to.contain('insurance card');
  });
});
