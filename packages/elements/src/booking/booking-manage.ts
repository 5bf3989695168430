/**
 * Manage mode (`manage-token`): the visit, and what the patient may still do with it. "I'll be
 * there" confirms it (when the backend can record that); a visit that was cancelled says so; rescheduling reuses the time picker and holds the new time
 * before the old one is released; cancelling asks a reason and, inside the notice window,
 * the fee acknowledgement.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { optionalMark } from './booking-fields.js';
import { renderPolicy } from './booking-review.js';
import { renderVisit } from './booking-summary.js';
import { buttonRow } from './booking-buttons.js';
import type { BookingView } from './booking-view.js';

const REASONS = ['schedule', 'better', 'sick', 'cost', 'elsewhere', 'other'] as const;

export function renderManage(view: BookingView): TemplateResult {
  const { messages } = view;
  const managed = view.state.managed!;
  const appointment = managed.appointment;
  if (appointment.status === 'cancelled') {
    return html`<div class="step-body">
      <p class="notice warning" role="status">${messages.text(
        'alreadyCancelled',
        appointment.cancelledAt ? messages.dateTime(appointment.cancelledAt, appointment.timeZone, { month: 'long', day: 'numeric', year: 'numeric' }) : '',
      )}</p>
      ${renderVisit(view, appointment)}
      ${buttonRow(messages.text('bookNew'), view.actions.bookAnother, 'primary')}
    </div>`;
  }
  // "I'll be there" leads when the backend records it: most patients opening a reminder are coming.
  const canAttend = view.canConfirmAttendance && !appointment.confirmedAt;
  const attending = view.state.busy === 'attend';
  return html`<div class="step-body">
    ${renderVisit(view, appointment)}
    ${managed.withinNoticeWindow ? html`<p class="notice warning">${messages.text('insideWindow', managed.cancellationPolicy.minimumNoticeHours)}</p>` : nothing}
    <div role="status">${appointment.confirmedAt ? html`<p class="notice success attendance-notice" tabindex="-1">${messages.text('attendanceConfirmed')}</p>` : nothing}</div>
    <div class="actions start">
      ${canAttend
        ? html`<button type="button" class="button primary" part="attend-button" aria-disabled=${attending ? 'true' : 'false'} @click=${view.actions.confirmAttendance}>
            ${attending ? messages.text('confirmingAttendance') : messages.text('confirmAttendance')}
          </button>`
        : nothing}
      <button type="button" class=${canAttend ? 'button' : 'button primary'} @click=${view.actions.startReschedule}>${messages.text('reschedule')}</button>
      <button type="button" class="button" @click=${() => view.actions.go('cancel')}>${messages.text('cancelVisit')}</button>
    </div>
  </div>`;
}

export function renderCancel(view: BookingView): TemplateResult {
  const { messages, state } = view;
  const managed = state.managed!;
  const busy = state.busy === 'cancel';
  return html`<div class="step-body">
    ${renderVisit(view, managed.appointment)}
    <fieldset class="choices">
      <legend>${messages.text('cancelReason')}${optionalMark(view)}</legend>
      ${REASONS.map(
        (reason) => html`<label class="choice"><input type="radio" name="reason" value=${reason} .checked=${live(state.cancelReason === reason)} @change=${() => view.actions.set({ cancelReason: reason })} /><span>${messages.text(`reason_${reason}`)}</span></label>`,
      )}
    </fieldset>
    <div class="field">
      <label for="cancel-note">${messages.text('cancelNote')}${optionalMark(view)}</label>
      <textarea id="cancel-note" rows="2" maxlength="300" autocomplete="off" .value=${live(state.cancelNote)} @input=${(event: Event) => view.actions.set({ cancelNote: (event.target as HTMLTextAreaElement).value })}></textarea>
    </div>
    ${renderPolicy(view, managed.withinNoticeWindow)}
    <div class="actions">
      <button type="button" class="button" @click=${() => view.actions.go('manage')}>${messages.text('keepVisit')}</button>
      <button type="button" class="button danger" part="cancel-button" aria-disabled=${busy ? 'true' : 'false'} @click=${view.actions.cancelAppointment}>
        ${busy ? messages.text('cancelling') : messages.text('cancelVisit')}
      </button>
    </div>
  </div>`;
}
