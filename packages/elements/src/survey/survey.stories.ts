import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { createFaultyAdapter } from '@pxm/adapter-testkit/faults';
import { surveyFromQuestionnaire } from '@pxm/core/survey';
import { DEMO_SURVEY_TOKENS, demoSurveyQuestionnaire } from '@pxm/core/demo';
import type { PxmAdapter } from '@pxm/core';
import { click, host, waitFor } from '../test-helpers/story-play.js';
import '../define/pxm-survey.js';

/** Language, direction and theme come from the toolbar (a story pins them with `globals`). */
interface SurveyArgs {
  token: string;
}

/** One backend per story render, so answering in one story never leaks into the next. */
const memory = () => createMemoryAdapter({ latencyMs: { min: 150, max: 450 } });

const meta: Meta<SurveyArgs> = {
  title: 'Elements/pxm-survey',
  component: 'pxm-survey',
  args: { token: DEMO_SURVEY_TOKENS.open },
  argTypes: {
    token: { control: 'select', options: Object.values(DEMO_SURVEY_TOKENS) },
  },
  render: (args, context) => html`<pxm-survey
    .adapter=${(context.parameters['adapter'] as (() => PxmAdapter) | undefined)?.() ?? memory()}
    token=${args.token}
  ></pxm-survey>`,
};

export default meta;
type Story = StoryObj<SurveyArgs>;

export const Open: Story = {};

/** Answers saved earlier come back: the same link resumes. */
export const Resumed: Story = { args: { token: DEMO_SURVEY_TOKENS.resume } };

/** "Thank you, we have your answers", with the review links and the private note. */
export const AlreadyAnswered: Story = { args: { token: DEMO_SURVEY_TOKENS.answered } };

export const Expired: Story = { args: { token: DEMO_SURVEY_TOKENS.expired } };

export const InvalidLink: Story = { args: { token: DEMO_SURVEY_TOKENS.invalid } };

export const Spanish: Story = { globals: { locale: 'es' } };

export const RightToLeft: Story = { globals: { direction: 'rtl' } };

export const Dark: Story = { globals: { theme: 'dark' } };

/** The Harbor theme of docs/theming.md: tokens and a ::part() rule. */
export const CustomTheme: Story = { globals: { theme: 'harbor' } };

/** The invitation never arrives: the loading state. */
export const Loading: Story = {
  parameters: { adapter: () => { const f = createFaultyAdapter(memory()); f.always('survey.loadInvitation', { hang: true }); return f.adapter; } },
};

/** The backend is unreachable: a clear message and a retry. */
export const NetworkError: Story = {
  parameters: { adapter: () => { const f = createFaultyAdapter(memory()); f.always('survey.loadInvitation', { error: 'network' }); return f.adapter; } },
};

/** Sent: the thanks, the review links and the private note. */
export const Submitted: Story = {
  play: async ({ canvasElement }) => {
    const root = (await host(canvasElement, 'pxm-survey')).shadowRoot;
    await waitFor(() => root.querySelector('[part~="scale-option"]'), 'the scales');
    // The top of every scale, and the first answer of every single-choice question.
    for (const scale of root.querySelectorAll('[role="radiogroup"]')) [...scale.querySelectorAll<HTMLElement>('[role="radio"]')].at(-1)?.click();
    for (const radio of root.querySelectorAll<HTMLInputElement>('fieldset input[type="radio"]:first-of-type')) radio.click();
    await click(root, 'Send my answers');
    await waitFor(() => root.querySelector('[part~="thanks"]'), 'the thanks');
  },
};

/** Narrow phones: the NPS scale wraps into rows of 44 px options, with no sideways scroll. */
export const Mobile320: Story = {
  render: (args) => html`<div style="max-inline-size: 320px">
    <pxm-survey .adapter=${memory()} token=${args.token}></pxm-survey>
  </div>`,
};

/** The same survey defined as a FHIR R4 Questionnaire, through the form engine's import. */
export const FromFhirQuestionnaire: Story = {
  render: () => {
    const { definition } = surveyFromQuestionnaire(demoSurveyQuestionnaire);
    const adapter = createMemoryAdapter({
      latencyMs: 200,
      seed: { surveys: [{ token: 'fhir-questionnaire-demo', definition: definition!, expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() }] },
    });
    return html`<pxm-survey .adapter=${adapter} token="fhir-questionnaire-demo"></pxm-survey>`;
  },
};

/** Sending fails while offline: the answers stay, and go out once the connection is back. */
export const OfflineOnSend: Story = {
  render: (args) => {
    const faults = createFaultyAdapter(memory());
    faults.plan('survey.submit', { error: 'network' }, { error: 'network' });
    return html`<pxm-survey .adapter=${faults.adapter} token=${args.token}></pxm-survey>`;
  },
};

/** The backend sends a survey that cannot be shown (two questions with one id). */
export const MalformedDefinition: Story = {
  render: (args) => {
    const faults = createFaultyAdapter(memory());
    faults.always('survey.loadInvitation', {
      reply: {
        id: 'inv-broken',
        status: 'open',
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        definition: { id: 'broken', version: '1', title: 'Broken', questions: [{ id: 'a', type: 'nps', prompt: 'A' }, { id: 'a', type: 'nps', prompt: 'B' }] },
        partialAnswers: {},
        practiceName: 'Cedar Ridge Physical Therapy',
        reviewLinks: [],
      },
    });
    return html`<pxm-survey .adapter=${faults.adapter} token=${args.token}></pxm-survey>`;
  },
};
