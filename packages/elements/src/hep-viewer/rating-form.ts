/**
 * "How did that feel?": pain 0-10 and difficulty 1-5 as native radio groups (one tab stop each,
 * arrow keys move the choice, and they follow the writing direction), shown after a session.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Exercise } from '@pxm/core/hep';
import type { HepLocalizeController } from './hep-localize.js';
import { ratingEn } from './rating.messages.en.js';
import { ratingEs } from './rating.messages.es.js';

/** `styles` is what the viewer's lazy part adopts into its shadow root. */
export { ratingStyles, ratingStyles as styles } from './rating.styles.js';

const ratingStrings = { en: ratingEn, es: ratingEs };

type T = HepLocalizeController;

export interface RatingDraft {
  /** The log the rating is for. */
  target: string;
  pain?: number;
  difficulty?: number;
  /** Save was pressed with nothing chosen. */
  empty?: boolean;
}

export interface RatingHandlers {
  pick(exerciseId: string, field: 'pain' | 'difficulty', value: number): void;
  save(exercise: Exercise): void;
  skip(exerciseId: string): void;
  dismissAlert(exerciseId: string): void;
}

export interface PainGuidance {
  text: string | undefined;
  practiceName: string | undefined;
  practicePhone: string | undefined;
}

const DIFFICULTY_KEYS = ['difficulty1', 'difficulty2', 'difficulty3', 'difficulty4', 'difficulty5'] as const;

export function renderRating(l10n: T, exercise: Exercise, draft: RatingDraft, handlers: RatingHandlers): TemplateResult {
  const t = l10n.part(ratingStrings);
  const id = exercise.id;
  const pains = Array.from({ length: 11 }, (_, value) => value);
  const headingId = `rate-${id}`;
  const errorId = `rate-error-${id}`;
  const onSubmit = (event: Event) => {
    event.preventDefault();
    handlers.save(exercise);
  };
  return html`<form class="rating" part="rating" aria-labelledby=${headingId} @submit=${onSubmit} novalidate>
    <h4 id=${headingId}>${t('rateHeading')}</h4>
    <fieldset class="scale pain" part="pain-scale" aria-describedby=${`pain-hint-${id}`}>
      <legend>${t('painLegend')}</legend>
      <p class="hint" id=${`pain-hint-${id}`}>${t('painHint')}</p>
      <div class="options">
        ${pains.map(
          (value) => html`<label class="option">
            <input
              type="radio"
              name=${`pain-${id}`}
              value=${value}
              .checked=${draft.pain === value}
              aria-invalid=${draft.empty ? 'true' : nothing}
              @change=${() => handlers.pick(id, 'pain', value)}
            />
            <span class="chip">${l10n.number(value)}</span>
            ${value === 0 ? html`<span class="visually-hidden">${t('painNone')}</span>` : nothing}
            ${value === 10 ? html`<span class="visually-hidden">${t('painWorst')}</span>` : nothing}
          </label>`,
        )}
      </div>
      <div class="ends" aria-hidden="true"><span>${t('painNone')}</span><span>${t('painWorst')}</span></div>
    </fieldset>
    <fieldset class="scale difficulty" part="difficulty-scale">
      <legend>${t('difficultyLegend')}</legend>
      <div class="options">
        ${DIFFICULTY_KEYS.map(
          (key, index) => html`<label class="option wide">
            <input
              type="radio"
              name=${`difficulty-${id}`}
              value=${index + 1}
              .checked=${draft.difficulty === index + 1}
              @change=${() => handlers.pick(id, 'difficulty', index + 1)}
            />
            <span class="chip">${t(key)}</span>
          </label>`,
        )}
      </div>
    </fieldset>
    ${draft.empty ? html`<p class="error-text" id=${errorId} role="alert">${t('ratingEmpty')}</p>` : nothing}
    <div class="row">
      <button type="submit" class="button primary" part="rating-save">${t('saveRating')}</button>
      <button type="button" class="button" part="rating-skip" @click=${() => handlers.skip(id)}>${t('skipRating')}</button>
    </div>
  </form>`;
}

/** The practice's guidance after a pain rating at or above the threshold, with a way to call. */
export function renderPainAlert(l10n: T, guidance: PainGuidance, exerciseId: string, pain: number, handlers: RatingHandlers): TemplateResult {
  const t = l10n.part(ratingStrings);
  const phone = guidance.practicePhone;
  return html`<div class="notice error pain-alert" part="pain-alert" role="alert">
    <p class="alert-title">${t('painAlertTitle', pain)}</p>
    <p class="guidance">${guidance.text?.trim() || t('painAlertDefault')}</p>
    <div class="row">
      ${phone
        ? html`<a class="button primary" part="call" href=${`tel:${phone.replace(/[^\d+]/g, '')}`}
            >${guidance.practiceName ? t('callPractice', guidance.practiceName) : t('callClinic')}
            <span class="phone">${phone}</span></a
          >`
        : nothing}
      <button type="button" class="button" @click=${() => handlers.dismissAlert(exerciseId)}>${t('dismiss')}</button>
    </div>
  </div>`;
}
