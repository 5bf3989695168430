/**
 * One exercise as a card: name, media, dosage, the therapist's instructions and note, and the
 * logging controls (Done, per-set, undo, the rating that follows, and the pain guidance).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ActivityLogEntry, Exercise, TodayItem } from '@pxm/core/hep';
import type { PendingState } from '@pxm/core/hep-outbox';
import type { HepLocalizeController } from './hep-localize.js';
import { renderDosage } from './dosage.js';
import { renderMedia, type MediaHandlers, type MediaOptions } from './exercise-media.js';
import type * as RatingForm from './rating-form.js';
import type { PainGuidance, RatingDraft, RatingHandlers } from './rating-form.js';

type T = HepLocalizeController;

export interface CardModel {
  exercise: Exercise;
  /** Today's plan for it; undefined when it is not due today. */
  item: TodayItem | undefined;
  /** Logging is offered (the program is running). */
  loggable: boolean;
  /** The latest log of today that was not undone, with its sync state. */
  lastLog: { entry: ActivityLogEntry; state: PendingState | undefined } | undefined;
  undoable: boolean;
  rating: RatingDraft | undefined;
  alert: { pain: number } | undefined;
}

export type { PainGuidance };

export interface CardHandlers extends RatingHandlers, MediaHandlers {
  done(exercise: Exercise, kind: 'session' | 'set'): void;
  undo(exerciseId: string): void;
  /** The undo button gained or lost focus or hover: its countdown pauses meanwhile. */
  holdUndo(exerciseId: string, held: boolean): void;
}

export interface CardContext {
  l10n: T;
  handlers: CardHandlers;
  media: MediaOptions;
  guidance: PainGuidance;
  /** The zone times are shown in: the viewer's `time-zone` (or its provider's), else the program's. */
  timeZone: string;
  /** Name the zone beside a time: set when the zone shown could be mistaken for another. */
  showZone: boolean;
  /** The rating form and pain guidance, once their code has loaded (fetched after the first paint). */
  rating: typeof RatingForm | undefined;
  /** Their code could not be fetched: the card says so instead of showing nothing. */
  ratingFailed?: boolean;
}

const check = html`<svg class="check" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path d="M4 12.5 9.5 18 20 6.5"></path></svg>`;

function progressText(l10n: T, item: TodayItem): TemplateResult | typeof nothing {
  if (item.kind === 'week') {
    const weekMet = item.weekDone! >= item.weekQuota!;
    if (weekMet) return html`<span class="progress complete">${check}${l10n.text('doneForWeek')}</span>`;
    if (item.sessionsToday >= item.perDay) return html`<span class="progress complete">${check}${l10n.text('doneForToday')}</span>`;
    return html`<span class="progress">${l10n.text('weekProgress', item.weekDone!, item.weekQuota!)}</span>`;
  }
  if (item.complete) return html`<span class="progress complete">${check}${l10n.text('doneForToday')}</span>`;
  if (item.perDay > 1) return html`<span class="progress">${l10n.text('sessionsToday', item.sessionsToday, item.perDay)}</span>`;
  return nothing;
}

function renderLogControls(context: CardContext, model: CardModel): TemplateResult {
  const { l10n, handlers } = context;
  const { exercise, item, lastLog } = model;
  const sets = exercise.dosage.sets;
  const perSet = exercise.logPerSet === true && sets !== undefined && sets > 1;
  const complete = item?.complete ?? false;
  const nextSet = (item?.setsInProgress ?? 0) + 1;
  const time = lastLog
    ? l10n.dateTime(lastLog.entry.completedAt, context.timeZone, { hour: 'numeric', minute: '2-digit', ...(context.showZone ? { timeZoneName: 'short' as const } : {}) })
    : '';
  const rated = lastLog !== undefined && !lastLog.entry.voided && (lastLog.entry.pain !== undefined || lastLog.entry.difficulty !== undefined);
  return html`<div class="log" part="log">
    <p class="log-status">
      ${item ? progressText(l10n, item) : nothing}
      ${lastLog ? html`<span class="logged-at">${l10n.text('loggedAt', time)}</span>` : nothing}
      ${rated ? html`<span class="rating-saved" part="rating-saved">${check}${l10n.text('ratingSavedMark')}</span>` : nothing}
      ${lastLog?.state === 'waiting' ? html`<span class="badge waiting" part="sync-badge">${l10n.text('waitingToSync')}</span>` : nothing}
      ${lastLog?.state === 'rejected' ? html`<span class="badge rejected" part="sync-badge">${l10n.text('notSaved')}</span>` : nothing}
    </p>
    <div class="row">
      ${!complete
        ? html`<button
            type="button"
            class="button ${item ? 'primary' : ''} done"
            part="done"
            data-exercise=${exercise.id}
            aria-label=${l10n.text('doneLabel', exercise.name)}
            @click=${() => handlers.done(exercise, 'session')}
          >
            ${check}${l10n.text('done')}
          </button>`
        : nothing}
      ${!complete && perSet
        ? html`<button
            type="button"
            class="button set"
            part="set-done"
            aria-label=${l10n.text('setDoneLabel', nextSet, sets!, exercise.name)}
            @click=${() => handlers.done(exercise, 'set')}
          >
            ${l10n.text('setDone', nextSet, sets!)}
          </button>`
        : nothing}
      ${model.undoable
        ? html`<button
            type="button"
            class="button undo"
            part="undo"
            aria-label=${l10n.text('undoLabel', exercise.name)}
            @click=${() => handlers.undo(exercise.id)}
            @focus=${() => handlers.holdUndo(exercise.id, true)}
            @blur=${() => handlers.holdUndo(exercise.id, false)}
            @pointerenter=${() => handlers.holdUndo(exercise.id, true)}
            @pointerleave=${() => handlers.holdUndo(exercise.id, false)}
          >
            ${l10n.text('undo')}
          </button>`
        : nothing}
    </div>
  </div>`;
}

export function renderExerciseCard(context: CardContext, model: CardModel): TemplateResult {
  const { l10n } = context;
  const { exercise } = model;
  const nameId = `name-${exercise.id}`;
  return html`<li class="card ${model.item?.complete ? 'complete' : ''}" part="exercise" data-exercise=${exercise.id}>
    <article aria-labelledby=${nameId}>
      <h3 id=${nameId} part="exercise-name">${exercise.name}</h3>
      ${renderMedia(l10n, exercise, context.handlers, context.media)}
      ${renderDosage(l10n, exercise)}
      ${exercise.instructions?.trim()
        ? html`<div class="instructions" part="instructions"><h4>${l10n.text('instructions')}</h4><p>${exercise.instructions}</p></div>`
        : nothing}
      ${exercise.note?.trim()
        ? html`<div class="note" part="note"><h4>${l10n.text('note')}</h4><p>${exercise.note}</p></div>`
        : nothing}
      ${model.loggable ? renderLogControls(context, model) : nothing}
      ${model.rating && context.rating ? context.rating.renderRating(l10n, exercise, model.rating, context.handlers) : nothing}
      ${model.rating && !context.rating && context.ratingFailed
        ? html`<p class="notice warning rating-unavailable" role="status">${l10n.text('ratingUnavailable')}</p>`
        : nothing}
      ${model.alert && context.rating ? context.rating.renderPainAlert(l10n, context.guidance, exercise.id, model.alert.pain, context.handlers) : nothing}
    </article>
  </li>`;
}
