/**
 * Manage mode (`manage-token`): the visit, and what the patient may still do with it. A visit
 * that was cancelled says so; rescheduling reuses the time picker and holds the new time
 * before the old one is released; cancelling asks a reason and, inside the notice window,
 * the fee acknowledgement.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { renderPolicy } from './booking-review.js';
import { renderVisit } from './booking-summary.js';
import type { BookingView } from './booking-view.js';

const REASONS = ['schedule', 'better', 'sick', 'cost', 'elsewhere', 'other'] as const;

export function renderManage(v: BookingView): TemplateResult {
  const { l } = v;
  const managed = v.s.managed!;
  const appointment = managed.appointment;
  if (appointment.status === 'cancelled') {
    return html`<div class="step-body">
      <p class="notice warning" role="status">${l.t(
        'alreadyCancelled',
        appointment.cancelledAt ? l.dateTime(appointment.cancelledAt, appointment.timeZone, { month: 'long', day: 'numeric', year: 'numeric' }) : '',
      )}</p>
      ${renderVisit(v, appointment)}
      <div class="actions start"><button type="button" class="button primary" @click=${v.a.bookAnother}>${l.t('bookNew')}</button></div>
    </div>`;
  }
  return html`<div class="step-body">
    ${renderVisit(v, appointment)}
    ${managed.withinNoticeWindow ? html`<p class="notice warning">${l.t('insideWindow', managed.cancellationPolicy.minimumNoticeHours)}</p>` : nothing}
    <div class="actions start">
      <button type="button" class="button primary" @click=${v.a.startReschedule}>${l.t('reschedule')}</button>
      <button type="button" class="button" @click=${() => v.a.go('cancel')}>${l.t('cancelVisit')}</button>
    </div>
  </div>`;
}

export function renderCancel(v: BookingView): TemplateResult {
  const { l, s } = v;
  const managed = s.managed!;
  const busy = s.busy === 'cancel';
  return html`<div class="step-body">
    ${renderVisit(v, managed.appointment)}
    <fieldset class="choices">
      <legend>${l.t('cancelReason')} <span class="hint">(${v.common.t('optional')})</span></legend>
      ${REASONS.map(
        (r) => html`<label class="choice"><input type="radio" name="reason" value=${r} .checked=${live(s.cancelReason === r)} @change=${() => v.a.set({ cancelReason: r })} /><span>${l.t(`reason_${r}`)}</span></label>`,
      )}
    </fieldset>
    <div class="field">
      <label for="cancel-note">${l.t('cancelNote')} <span class="hint">(${v.common.t('optional')})</span></label>
      <textarea id="cancel-note" rows="2" maxlength="300" autocomplete="off" .value=${live(s.cancelNote)} @input=${(e: Event) => v.a.set({ cancelNote: (e.target as HTMLTextAreaElement).value })}></textarea>
    </div>
    ${renderPolicy(v, managed.withinNoticeWindow)}
    <div class="actions">
      <button type="button" class="button" @click=${() => v.a.go('manage')}>${l.t('keepVisit')}</button>
      <button type="button" class="button danger" part="cancel-button" aria-disabled=${busy ? 'true' : 'false'} @click=${v.a.cancelAppointment}>
        ${busy ? l.t('cancelling') : l.t('confirmCancel')}
      </button>
    </div>
  </div>`;
}
