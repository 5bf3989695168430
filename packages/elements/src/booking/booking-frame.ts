/**
 * What frames every step: the heading with the progress, and the notice about the last action.
 * Part of the first steps' part (`booking-pick.ts`): no step shows before it has loaded.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { buttonRow } from './booking-buttons.js';
import type { LocalizeController } from '../l10n/localize-controller.js';
import type { BookingMessages } from './booking.messages.en.js';
import type { BookingState, BookingStep, Notice } from './booking-state.js';

const BOOKING_STEPS: BookingStep[] = ['choose', 'time', 'details', 'review'];

/** A check mark beside the heading of a confirmation (the heading itself says what happened). */
const successMark = svg`<svg class="success-mark" part="success-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="11" fill="currentColor" /><path class="tick" d="M6.5 12.5l3.5 3.5 7.5-8" fill="none" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round" /></svg>`;

function stepTitle(messages: LocalizeController<BookingMessages>, state: BookingState): string {
  if (state.step === 'done') return messages.text(`title_${state.outcome ?? 'booked'}`);
  if (state.step === 'review' && state.rescheduling) return messages.text('title_moveReview');
  if ((state.step === 'time' || state.step === 'choose') && state.rescheduling) return messages.text('title_moveTime');
  return messages.text(`title_${state.step}`);
}

/** The step heading (focused when a step opens) and "Step 2 of 4" on the booking steps. */
export function renderHeader(messages: LocalizeController<BookingMessages>, state: BookingState, skipsChoose: boolean): TemplateResult {
  const steps = skipsChoose ? BOOKING_STEPS.slice(1) : BOOKING_STEPS;
  const position = steps.indexOf(state.step);
  return html`<header class="header" part="header">
    <slot name="header"></slot>
    <h2 id="step-title" tabindex="-1">${state.step === 'done' && state.outcome !== 'cancelled' ? successMark : nothing}${stepTitle(messages, state)}</h2>
    ${position >= 0 && !state.rescheduling ? html`<p class="progress" part="progress">${messages.text('stepOf', position + 1, steps.length)}</p>` : nothing}
  </header>`;
}

export function renderNotice(notice: Notice | undefined, retryLabel: string): TemplateResult | typeof nothing {
  if (!notice) return nothing;
  return html`<div class=${`notice ${notice.tone}`} part="notice" tabindex="-1" role=${notice.tone === 'error' ? 'alert' : 'status'}>
    <p>${notice.text}</p>
    ${notice.retry ? html`<button type="button" class="button" part="retry" @click=${notice.retry}>${retryLabel}</button>` : nothing}
  </div>`;
}

/**
 * A manage link that did not open. A link of its own that is invalid or expired offers a new
 * booking instead; any other failure offers "Try again".
 */
export function renderManageFailure(
  messages: LocalizeController<BookingMessages>,
  failure: TemplateResult,
  bookNew: (() => void) | undefined,
): TemplateResult {
  return html`<h2 id="step-title" tabindex="-1">${messages.text('title_manage')}</h2>
    ${failure}
    ${bookNew ? buttonRow(messages.text('bookNew'), bookNew) : nothing}`;
}
