/**
 * The goals in the patient's own words: target date, status, the latest rating by the patient and
 * by the therapist side by side, and (for a goal still in progress) the patient's own rating: a
 * Goal Attainment Scaling level when the practice uses it, and a short note.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Goal, GoalLevel, GoalRating } from '@pxm/core/progress';
import { NOTE_LIMIT, type RatingDraft } from './goal-ratings.js';
import { latestBy, ratingLine, signed, type ProgressText } from './progress-format.js';

export interface GoalsView {
  msg: ProgressText;
  goals: readonly Goal[];
  timeZone: string;
  draftOf(goalId: string): RatingDraft;
  onLevel(goalId: string, level: GoalLevel): void;
  onNote(goalId: string, note: string): void;
  onSave(goalId: string): void;
}

function ratingCell(view: GoalsView, label: string, rating: GoalRating | undefined, part: string): TemplateResult {
  const { msg } = view;
  return html`<div class="rating" part=${part}>
    <dt>${label}</dt>
    <dd>
      ${rating ? ratingLine(msg, rating, view.timeZone) : msg.text('notRatedYet')}
      ${rating?.note ? html`<span class="note">${rating.note}</span>` : nothing}
    </dd>
  </div>`;
}

function scaleChoices(view: GoalsView, goal: Goal, draft: RatingDraft): TemplateResult | typeof nothing {
  if (!goal.scale?.length) return nothing;
  const { msg } = view;
  const levels = [...goal.scale].sort((a, b) => a.value - b.value);
  return html`<fieldset class="scale" part="scale" ?disabled=${draft.status === 'sending'}>
    <legend>${msg.text('rateLegend')}</legend>
    ${levels.map(
      (level) => html`<label class="level">
        <input
          type="radio"
          name=${`level-${goal.id}`}
          .value=${String(level.value)}
          .checked=${draft.level === level.value}
          @change=${() => view.onLevel(goal.id, level.value)}
        />
        <span><strong>${signed(msg, level.value)}</strong> ${level.description}</span>
      </label>`,
    )}
  </fieldset>`;
}

function ratingForm(view: GoalsView, goal: Goal): TemplateResult {
  const { msg } = view;
  const draft = view.draftOf(goal.id);
  const noteId = `note-${goal.id}`;
  const counterId = `${noteId}-count`;
  const left = NOTE_LIMIT - draft.note.length;
  const sending = draft.status === 'sending';
  return html`<form
    class="rate"
    part="rate"
    data-goal=${goal.id}
    @submit=${(event: Event) => {
      event.preventDefault();
      view.onSave(goal.id);
    }}
  >
    ${scaleChoices(view, goal, draft)}
    <div class="field">
      <label for=${noteId}>${goal.scale?.length ? msg.text('rateNoteLabel') : msg.text('rateNoteOnlyLabel')}</label>
      <textarea
        id=${noteId}
        rows="2"
        maxlength=${NOTE_LIMIT}
        aria-describedby=${counterId}
        .value=${draft.note}
        ?readonly=${sending}
        @input=${(event: InputEvent) => view.onNote(goal.id, (event.target as HTMLTextAreaElement).value)}
      ></textarea>
      <span id=${counterId} class="hint counter">${msg.text('charactersLeft', left, msg.number(left))}</span>
    </div>
    ${draft.empty ? html`<p class="error-text" role="alert">${msg.text('ratingNeedsInput')}</p>` : nothing}
    ${draft.status === 'failed'
      ? html`<div class="notice error" role="alert" part="rating-error"><p>${msg.text('ratingNotSaved')} ${draft.failure}</p></div>`
      : nothing}
    <button type="submit" class="button primary" part="rate-save" aria-disabled=${sending ? 'true' : 'false'}>
      ${sending ? html`<span class="spinner" aria-hidden="true"></span>${msg.text('savingRating')}` : msg.text('saveRating')}
    </button>
  </form>`;
}

function goalCard(view: GoalsView, goal: Goal): TemplateResult {
  const { msg } = view;
  const headingId = `goal-${goal.id}`;
  return html`<article class="goal" part="goal" aria-labelledby=${headingId}>
    <h4 id=${headingId} class="goal-text">${goal.text}</h4>
    <p class="goal-meta">
      <span>${msg.text('targetBy', msg.date(goal.targetDate, { dateStyle: 'long' }))}</span>
      <span class=${`status ${goal.status}`} part="goal-status">${msg.text(`status_${goal.status}`)}</span>
    </p>
    <dl class="ratings">
      ${ratingCell(view, msg.text('you'), latestBy(goal.ratings, 'patient'), 'patient-rating')}
      ${ratingCell(view, msg.text('yourTherapist'), latestBy(goal.ratings, 'therapist'), 'therapist-rating')}
    </dl>
    ${goal.status === 'active' ? ratingForm(view, goal) : nothing}
  </article>`;
}

export function renderGoals(view: GoalsView): TemplateResult {
  return html`<section class="section" part="goals" aria-labelledby="goals-heading">
    <h3 id="goals-heading">${view.msg.text('goalsHeading')}</h3>
    ${view.goals.length === 0 ? html`<p class="muted">${view.msg.text('goalsEmpty')}</p>` : view.goals.map((goal) => goalCard(view, goal))}
  </section>`;
}
