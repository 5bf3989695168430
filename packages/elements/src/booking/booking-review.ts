/**
 * Step 4: everything on one screen before it is sent. Confirm books with an idempotency key;
 * a reschedule shows the old and new time and, inside the notice window, asks to acknowledge
 * the fee.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { DEFAULT_CHANGE_GRACE_MINUTES, startsInsideNoticeWindow } from '@pxm/core/booking';
import { primaryZone, renderVisit, renderVisitList, whenText } from './booking-summary.js';
import type { BookingView } from './booking-view.js';

export function renderPolicy(v: BookingView, withAck: boolean): TemplateResult {
  const { l } = v;
  const policy = v.s.managed?.cancellationPolicy ?? v.catalog.practice.cancellationPolicy;
  const fee = policy.lateCancelFee;
  const error = v.s.errors.ack;
  return html`<section class="policy" part="policy" aria-labelledby="policy-heading">
    <h3 id="policy-heading">${l.t('policy')}</h3>
    <p>${policy.text ?? l.t('policyDefault', policy.minimumNoticeHours)}</p>
    ${withAck && fee
      ? html`<p class="notice warning">${l.t('withinNotice', policy.minimumNoticeHours, l.money(fee.amountMinor, fee.currency))}</p>
          <label class="choice">
            <input type="checkbox" name="ack" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'ack-error' : nothing} .checked=${live(v.s.ackFee)} @change=${(e: Event) => v.a.set({ ackFee: (e.target as HTMLInputElement).checked, errors: {} })} />
            <span>${l.t('ackFee', l.money(fee.amountMinor, fee.currency))}</span>
          </label>
          ${error ? html`<span class="error-text" id="ack-error">${l.t('errAck')}</span>` : nothing}`
      : nothing}
  </section>`;
}

function renderPatientSummary(v: BookingView): TemplateResult {
  const { l } = v;
  const d = v.s.draft;
  const name = d.kind === 'new' ? `${d.firstName} ${d.lastName}` : d.lastName;
  const coverage =
    d.coverage === 'self-pay'
      ? l.t('selfPay')
      : `${d.payerName} · ${l.t('memberId')} ${d.memberId}${d.groupNumber ? ` · ${l.t('groupNumber')} ${d.groupNumber}` : ''}`;
  const result = v.s.eligibility;
  const reminders = [d.remindSms ? l.t('sms') : '', d.remindEmail ? l.t('emailShort') : ''].filter(Boolean);
  return html`<dl class="summary">
    <div><dt>${l.t('patient')}</dt><dd>${name}<br />${v.l.date(d.dateOfBirth, { year: 'numeric', month: 'long', day: 'numeric' })}<br />${[d.phone, d.email].filter(Boolean).join(' · ')}</dd></div>
    <div><dt>${l.t('payment')}</dt><dd>${coverage}${
      result && result !== 'failed' && d.coverage === 'insurance'
        ? html`<br /><span class="hint">${l.t(result.status === 'active' ? 'eligibilityActive' : result.status === 'inactive' ? 'eligibilityInactive' : 'eligibilityUnknown')}${
            result.copay ? ` ${l.t('copay', l.money(result.copay.amountMinor, result.copay.currency))}` : ''
          }</span>`
        : nothing
    }</dd></div>
    <div><dt>${l.t('reminders')}</dt><dd>${reminders.length ? l.list(reminders) : l.t('noReminders')}</dd></div>
  </dl>
  <div class="actions start"><button type="button" class="button link" @click=${() => v.a.go('details')}>${l.t('editDetails')}</button></div>`;
}

/** Booking a visit already inside the notice window: say so before the patient confirms. */
function renderLateBookingNotice(v: BookingView): TemplateResult | typeof nothing {
  const policy = v.catalog.practice.cancellationPolicy;
  const fee = policy.lateCancelFee;
  const now = Date.now();
  if (!fee || !v.s.holds.some((h) => startsInsideNoticeWindow(Date.parse(h.slot.start), policy, now))) return nothing;
  const grace = policy.changeGraceMinutes ?? DEFAULT_CHANGE_GRACE_MINUTES;
  return html`<p class="notice warning">${v.l.t('bookingInsideWindow', policy.minimumNoticeHours, grace, v.l.money(fee.amountMinor, fee.currency))}</p>`;
}

export function renderReview(v: BookingView): TemplateResult {
  const { l, s } = v;
  const busy = s.busy === 'confirm';
  const old = s.managed?.appointment;
  const visits = s.holds.map((h) => h.slot);
  return html`<div class="step-body">
    ${s.rescheduling && old
      ? html`<p>${l.t('movingFrom')}</p>
          <p class="old-time"><del>${whenText(v, old, primaryZone(v))}</del></p>
          <p>${l.t('movingTo')}</p>`
      : nothing}
    ${visits.length === 1 ? renderVisit(v, visits[0]!) : html`<h3>${l.t('seriesVisits', visits.length)}</h3>${renderVisitList(v, visits)}`}
    <div class="actions start"><button type="button" class="button link" @click=${v.a.changeTime}>${l.t('changeTime')}</button></div>
    ${s.rescheduling ? nothing : renderPatientSummary(v)}
    ${renderPolicy(v, s.rescheduling && Boolean(s.managed?.withinNoticeWindow))}
    ${s.rescheduling ? nothing : renderLateBookingNotice(v)}
    <div class="actions">
      ${s.rescheduling ? html`<button type="button" class="button" @click=${v.a.keepCurrent}>${l.t('keepCurrent')}</button>` : nothing}
      <button type="button" class="button primary" part="confirm-button" aria-disabled=${busy ? 'true' : 'false'} @click=${v.a.confirm}>
        ${busy ? html`<span class="spinner small" aria-hidden="true"></span>${l.t('booking')}` : l.t(s.rescheduling ? 'confirmReschedule' : visits.length > 1 ? 'confirmSeries' : 'confirm')}
      </button>
    </div>
  </div>`;
}
