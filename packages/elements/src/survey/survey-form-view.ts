/**
 * The survey form: its questions, the send button and the messages about the whole survey. A
 * pure view: it gets the invitation, the answers and what the patient can do, and returns a template.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  characterCount,
  segmentedText,
  textLimitOf,
  type NpsSegment,
  type SurveyAnswerProblem,
  type SurveyAnswerValue,
  type SurveyAnswers,
  type SurveyInvitation,
  type SurveyQuestion,
} from '@pxm/core/survey';
import type { LocalizeController } from '../l10n/localize-controller.js';
import { renderChoice } from './choice-question.js';
import type { SaveStatus } from './partial-saver.js';
import { renderScale, type ScaleChoice } from './rating-scale.js';
import type { SurveyMessages } from './survey.messages.en.js';
import { counterText, describedBy, renderTextField } from './text-field.js';

/** A message about the whole survey, and whether "Send now" can help. */
export type SurveyNotice = { text: string; retry: boolean };

export interface SurveyFormView {
  msg: LocalizeController<SurveyMessages>;
  invitation: SurveyInvitation;
  answers: SurveyAnswers;
  problems: Readonly<Record<string, SurveyAnswerProblem>>;
  /** The NPS segment of the answers so far (follow-up questions show once there is one). */
  segment: NpsSegment | undefined;
  /** The link expired while the patient was answering: nothing more can be sent. */
  expiredMidway: boolean;
  resumed: boolean;
  submitting: boolean;
  notice: SurveyNotice | undefined;
  saveStatus: SaveStatus;
  /** The polite live region's text (the character count once typing pauses). */
  announcement: string;
  onSubmit(event: Event): void;
  onSendNow(): void;
  /** A scale option picked (click or arrow key): the answer, then focus on the picked option. */
  onPick(question: SurveyQuestion, value: number): void;
  onScaleKey(question: SurveyQuestion, choices: ScaleChoice[], event: KeyboardEvent): void;
  onText(question: SurveyQuestion & { type: 'text' }, value: string): void;
  onChoice(question: SurveyQuestion, value: SurveyAnswerValue): void;
  onTextBlur(): void;
}

export function renderSurveyForm(view: SurveyFormView): TemplateResult {
  const { msg, invitation, notice } = view;
  const { definition } = invitation;
  const problemCount = Object.keys(view.problems).length;
  const blocked = view.expiredMidway;
  return html`<form part="form" novalidate @submit=${view.onSubmit}>
    <h2 class="title" part="title">${definition.title}</h2>
    ${definition.intro ? html`<p class="intro">${definition.intro}</p>` : nothing}
    ${blocked ? html`<div class="notice error" role="alert" part="notice">${msg.text('expiredMidway', invitation.practiceName)}</div>` : nothing}
    ${view.resumed && !blocked ? html`<p class="notice" part="notice">${msg.text('resumed')}</p>` : nothing}
    ${definition.questions.map((question) => (question.afterScore && !view.segment ? nothing : renderQuestion(view, question)))}
    <div class="actions">
      <div class="live" role="status">
        ${problemCount > 0 ? html`<p class="error-text">${msg.text('needsAttention', problemCount)}</p>` : nothing}
      </div>
      ${notice
        ? html`<div class="notice ${notice.retry ? 'warning' : 'error'}" role="alert" part="notice">
            <p>${notice.text}</p>
            ${notice.retry ? html`<button type="button" class="button" @click=${view.onSendNow}>${msg.text('sendNow')}</button>` : nothing}
          </div>`
        : nothing}
      ${blocked
        ? nothing
        : html`<button type="submit" class="button primary" part="submit" aria-disabled=${view.submitting ? 'true' : 'false'}>
            ${view.submitting ? html`<span class="spinner small" aria-hidden="true"></span>${msg.text('submitting')}` : msg.text('submit')}
          </button>`}
      <p class="hint" part="save-status">${view.saveStatus === 'idle' ? '' : msg.text(view.saveStatus === 'failed' ? 'saveFailed' : view.saveStatus)}</p>
    </div>
    <p class="visually-hidden" aria-live="polite">${view.announcement}</p>
  </form>`;
}

/** A question's prompt, marked when an answer is required. */
export function promptText(msg: LocalizeController<SurveyMessages>, text: string, required: boolean | undefined): TemplateResult {
  return html`${text}${required ? html` <span class="required">(${msg.text('required')})</span>` : nothing}`;
}

function problemText(view: SurveyFormView, question: SurveyQuestion): string | undefined {
  const { msg } = view;
  const problem = view.problems[question.id];
  if (!problem) return undefined;
  if (problem === 'required') return msg.text('errorRequired');
  if (problem === 'too_long' && question.type === 'text') return msg.text('errorTooLong', msg.number(textLimitOf(question)));
  return msg.text('errorChoose');
}

function renderQuestion(view: SurveyFormView, question: SurveyQuestion): TemplateResult {
  const { msg } = view;
  const id = `q-${question.id}`;
  const error = problemText(view, question);
  const value = view.answers[question.id];
  let body: TemplateResult;
  switch (question.type) {
    case 'nps':
    case 'csat': {
      const choices = scaleChoices(msg, question);
      body = html`<p class="prompt" id="${id}-label" part="prompt">${promptText(msg, question.prompt, question.required)}</p>
        ${question.help ? html`<p class="hint" id="${id}-help">${question.help}</p>` : nothing}
        ${renderScale({
          kind: question.type,
          choices,
          value: typeof value === 'number' ? value : undefined,
          labelledBy: `${id}-label`,
          describedBy: describedBy(question.help && `${id}-help`, error && `${id}-error`),
          required: question.required ?? false,
          invalid: Boolean(error),
          onPick: (picked) => view.onPick(question, picked),
          onKey: (event) => view.onScaleKey(question, choices, event),
        })}
        ${error ? html`<p class="error-text" id="${id}-error">${error}</p>` : nothing}`;
      break;
    }
    case 'text': {
      const text = typeof value === 'string' ? value : '';
      body = renderTextField({
        id,
        label: promptText(msg, segmentedText(question.prompt, view.segment) ?? '', question.required),
        help: question.help,
        value: text,
        used: characterCount(text),
        limit: textLimitOf(question),
        counter: counterText(msg, textLimitOf(question), text),
        required: question.required ?? false,
        error,
        onInput: (typed) => view.onText(question, typed),
        onBlur: view.onTextBlur,
      });
      break;
    }
    default: {
      const multiple = question.type === 'multiple-choice';
      body = renderChoice({
        id,
        multiple,
        legend: promptText(msg, question.prompt, question.required),
        help: question.help,
        options: question.options,
        selected: Array.isArray(value) ? value : typeof value === 'string' ? [value] : [],
        error,
        onChange: (selected) => view.onChoice(question, multiple ? selected : (selected[0] ?? null)),
      });
    }
  }
  return html`<div class="question ${error ? 'invalid' : ''}" part="question" data-question=${question.id}>${body}</div>`;
}

function scaleChoices(msg: LocalizeController<SurveyMessages>, question: SurveyQuestion & { type: 'nps' | 'csat' }): ScaleChoice[] {
  if (question.type === 'nps') {
    return Array.from({ length: 11 }, (_, score) => ({
      value: score,
      text: msg.number(score),
      detail: score === 0 ? (question.lowLabel ?? msg.text('npsLow')) : score === 10 ? (question.highLabel ?? msg.text('npsHigh')) : undefined,
    }));
  }
  const defaults = [msg.text('csat1'), msg.text('csat2'), msg.text('csat3'), msg.text('csat4'), msg.text('csat5')];
  return defaults.map((fallback, index) => ({ value: index + 1, text: question.labels?.[index] ?? fallback }));
}
