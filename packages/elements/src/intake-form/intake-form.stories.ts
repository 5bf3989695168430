import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { createFaultyAdapter } from '@pxm/adapter-testkit/faults';
import { importQuestionnaire, type FormDefinition } from '@pxm/core/forms';
import { DEMO_INTAKE_REASSESSMENT_TOKEN, DEMO_INTAKE_TOKEN } from '@pxm/core/demo';
import { lefsInstrument, nprsInstrument } from '@pxm/core/prom';
import '../define/pxm-intake-form.js';

/** `locale` and `dir` empty: the toolbar's language and direction apply. */
interface IntakeArgs {
  token: string;
  locale: '' | 'en' | 'es';
  dir: '' | 'ltr' | 'rtl';
}

/** One backend per story render, so answers in one story never leak into the next. */
const memory = () => createMemoryAdapter({ latencyMs: { min: 150, max: 450 } });

const meta: Meta<IntakeArgs> = {
  title: 'Elements/pxm-intake-form',
  component: 'pxm-intake-form',
  args: { token: DEMO_INTAKE_TOKEN, locale: '', dir: '' },
  argTypes: {
    token: { control: 'select', options: [DEMO_INTAKE_TOKEN, DEMO_INTAKE_REASSESSMENT_TOKEN, 'demo-intake-expired', 'no-such-intake'] },
    locale: { control: 'inline-radio', options: ['', 'en', 'es'] },
    dir: { control: 'inline-radio', options: ['', 'ltr', 'rtl'] },
  },
  render: (args) => html`<div dir=${args.dir || nothing}>
    <pxm-intake-form .adapter=${memory()} token=${args.token} locale=${args.locale || nothing} time-zone="America/Denver"></pxm-intake-form>
  </div>`,
};

export default meta;
type Story = StoryObj<IntakeArgs>;

/** The demo practice's new-patient intake, saved as you go. */
export const NewPatient: Story = {};

/** A returning patient's progress check: NPRS, LEFS and PSFS with change from baseline and the MCID. */
export const ProgressCheck: Story = { args: { token: DEMO_INTAKE_REASSESSMENT_TOKEN } };

/** Reopening the link resumes the answers and the page. */
export const Resumed: Story = {
  render: (args) => {
    const adapter = memory();
    void adapter.intake.saveDraft(DEMO_INTAKE_TOKEN, {
      answers: { firstName: 'María', lastName: 'García', dateOfBirth: '1985-04-12', payment: 'insurance', subscriberIsPatient: true },
      pageId: 'insurance',
      baseVersion: 0,
    });
    return html`<pxm-intake-form .adapter=${adapter} token=${DEMO_INTAKE_TOKEN} locale=${args.locale || nothing}></pxm-intake-form>`;
  },
};

export const Spanish: Story = { args: { locale: 'es' } };

export const RightToLeft: Story = { args: { dir: 'rtl' } };

export const ExpiredLink: Story = { args: { token: 'demo-intake-expired' } };

export const Dark: Story = { globals: { theme: 'dark' } };

/** The Harbor theme of docs/theming.md. */
export const CustomTheme: Story = { globals: { theme: 'harbor' } };

/** The form never arrives: the loading state. */
export const Loading: Story = {
  render: () => {
    const faults = createFaultyAdapter(memory());
    faults.always('intake.loadForm', { hang: true });
    return html`<pxm-intake-form .adapter=${faults.adapter} token=${DEMO_INTAKE_TOKEN}></pxm-intake-form>`;
  },
};

/** The backend is unreachable: a clear message and a retry. */
export const NetworkError: Story = {
  render: () => {
    const faults = createFaultyAdapter(memory());
    faults.always('intake.loadForm', { error: 'network' });
    return html`<pxm-intake-form .adapter=${faults.adapter} token=${DEMO_INTAKE_TOKEN}></pxm-intake-form>`;
  },
};

/** Every save fails: "Not saved - Retry", nothing typed is lost. */
export const SavingFails: Story = {
  render: (args) => {
    const faults = createFaultyAdapter(memory());
    faults.always('intake.saveDraft', { error: 'network' });
    return html`<pxm-intake-form .adapter=${faults.adapter} token=${DEMO_INTAKE_TOKEN} locale=${args.locale || nothing}></pxm-intake-form>`;
  },
};

/** Card photos cannot be uploaded: the message, the retry, the photo kept on the device. */
export const UploadFails: Story = {
  render: (args) => {
    const faults = createFaultyAdapter(memory());
    faults.always('intake.uploadAttachment', { error: 'server' });
    void faults.adapter.intake!.saveDraft(DEMO_INTAKE_TOKEN, { answers: { payment: 'insurance' }, pageId: 'insurance', baseVersion: 0 });
    return html`<pxm-intake-form .adapter=${faults.adapter} token=${DEMO_INTAKE_TOKEN} locale=${args.locale || nothing}></pxm-intake-form>`;
  },
};

const nprs = nprsInstrument();
const lefs = lefsInstrument();
const localForm: FormDefinition = {
  id: 'knee-check',
  version: '1',
  title: 'Knee check-in',
  pages: [
    { id: 'pain', title: 'Pain', items: [nprs.section] },
    { id: 'function', title: 'Function', items: [lefs.section] },
  ],
  scoring: [nprs.scoring, lefs.scoring],
};

/** No backend: a definition run in the page, answers read from `.answers` on submit. */
export const LocalDefinition: Story = {
  render: (args) => html`<pxm-intake-form .definition=${localForm} locale=${args.locale || nothing}></pxm-intake-form>`,
};

/** A FHIR R4 Questionnaire imported into a form definition. */
export const FromFhirQuestionnaire: Story = {
  render: (args) => {
    const { definition } = importQuestionnaire({
      resourceType: 'Questionnaire',
      status: 'active',
      title: 'Falls screening',
      item: [
        { linkId: '1', type: 'boolean', text: 'Have you fallen in the past year?', required: true },
        { linkId: '2', type: 'integer', text: 'How many times?', enableWhen: [{ question: '1', operator: '=', answerBoolean: true }] },
        {
          linkId: '3',
          type: 'choice',
          text: 'Do you worry about falling?',
          answerOption: [{ valueCoding: { code: 'no', display: 'No' } }, { valueCoding: { code: 'some', display: 'Somewhat' } }, { valueCoding: { code: 'very', display: 'Very much' } }],
        },
      ],
    });
    return html`<pxm-intake-form .definition=${definition} locale=${args.locale || nothing}></pxm-intake-form>`;
  },
};

/** A broken definition: the developer panel lists every problem with its item id. */
export const InvalidDefinition: Story = {
  // The element tells the developer what is wrong with the definition, in the console.
  parameters: { pxmChecks: { expectedConsoleErrors: ['the form definition is invalid'] } },
  render: () => html`<pxm-intake-form
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
            { id: 'c', type: 'slider' },
          ],
        },
      ],
    } as unknown as FormDefinition}
  ></pxm-intake-form>`,
};
