/** `<pxm-survey>`: answer every question, send once, then send a private note. */
import {
  SurveyInvitationSchema,
  SurveyResponseSchema,
  surveyDefinitionProblems,
  type SurveyInvitation,
} from '@pxm/core/survey';
import { DEMO_SURVEY_TOKENS, demoPractice, demoSurvey } from '@pxm/core/demo';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { createFaultyAdapter } from '@pxm/adapter-testkit/faults';
import { mapTexts } from '../../corpus/map-texts.js';
import { button, fill, settle, shadow, until } from '../dom.js';
import { SECRETS, type Profile } from './profile.js';
import { mountElement } from './mount-element.js';
import { acceptedBy, acceptedValue } from './accepted.js';

const TOKEN = DEMO_SURVEY_TOKENS.open;

function acceptsInvitation(value: unknown): boolean {
  const invitation = acceptedValue(SurveyInvitationSchema, value);
  return invitation !== undefined && surveyDefinitionProblems(invitation.definition).length === 0;
}

export const surveyProfile: Profile = {
  tag: 'pxm-survey',
  name: 'survey',

  async mount(stage, options = {}) {
    const rewrite = options.text ?? ((text: string) => text);
    const store =
      options.store ??
      createMemoryAdapter({
        seed: {
          practice: mapTexts(demoPractice, rewrite, 'practice'),
          surveys: [{ token: TOKEN, definition: mapTexts(demoSurvey, rewrite, 'survey'), expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() }],
        },
      });
    const faults = createFaultyAdapter(store);
    const element = await mountElement(stage, 'pxm-survey', faults, options, (mounted) => surveyProfile.ready(mounted), TOKEN);
    return { element, store, faults, token: TOKEN };
  },

  async ready(element) {
    await until(() => element.shadowRoot?.querySelector('[part="form"], [part="thanks"], [part="closed"], [part="error"]'), 'the survey to load');
    await settle(element);
  },

  async complete({ element }, { secrets = SECRETS, onState } = {}) {
    const root = shadow(element);
    await until(() => root.querySelector('[part="form"]'), 'the survey form');
    await onState?.('form');
    root.querySelector<HTMLElement>('[data-question="nps"] [role="radio"][data-index="9"]')!.click();
    await settle(element);
    fill(await until(() => root.querySelector<HTMLTextAreaElement>('#q-why'), 'the follow-up question'), secrets.free);
    root.querySelector<HTMLElement>('[data-question="therapist"] [role="radio"][data-index="4"]')!.click();
    root.querySelector<HTMLInputElement>('[data-question="goals"] input')!.click();
    root.querySelector<HTMLInputElement>('[data-question="helped"] input')!.click();
    fill(root.querySelector<HTMLTextAreaElement>('#q-comments')!, `${secrets.first} ${secrets.last} ${secrets.email} ${secrets.phone}`);
    await settle(element);
    await onState?.('answered');
    root.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    await until(() => root.querySelector('[part="thanks"]'), 'the thank-you state', 10_000);
    await settle(element);
    await onState?.('thanks');
    fill(root.querySelector<HTMLTextAreaElement>('#private-note')!, `${secrets.free} ${secrets.member}`);
    button(root, /Send/).click();
    await until(() => root.querySelector('[part="feedback"] .notice.success'), 'the note to be sent', 10_000);
    await settle(element);
    await onState?.('note-sent');
  },

  async checkOutcome({ store }) {
    const problems: string[] = [];
    const responses = store.survey.listResponses();
    if (responses.length !== 1) problems.push(`expected exactly 1 survey response, found ${responses.length}`);
    if (responses[0] && responses[0].npsScore !== 9) problems.push(`stored score ${responses[0].npsScore}, expected 9`);
    const notes = store.survey.listFeedback();
    if (notes.length !== 1) problems.push(`expected exactly 1 private note, found ${notes.length}`);
    return problems;
  },

  async loadReplies(store, token = TOKEN) {
    const valid: SurveyInvitation = await store.survey.loadInvitation(token);
    return [{ operation: 'survey.loadInvitation', valid, accepts: acceptsInvitation }];
  },
};

export const acceptsSurveyResponse = acceptedBy(SurveyResponseSchema);
