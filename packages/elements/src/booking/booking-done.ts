/**
 * The last screen: what was booked (or moved, cancelled, or wait-listed), what to bring, the
 * cancellation policy, add-to-calendar (.ics, Google, Outlook) and the manage link.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { addressLine, googleCalendarUrl, outlookCalendarUrl, type Appointment } from '@pxm/core';
import { renderPolicy } from './booking-review.js';
import { renderVisit, renderVisitList } from './booking-summary.js';
import type { BookingView } from './booking-view.js';
import { weekdayOptions } from './booking-waitlist.js';

/** Calendar links leave the page: a neutral title and the address, nothing about the visit's reason. */
function calendarLinks(v: BookingView, appointments: Appointment[], icsUrl: string): TemplateResult {
  const { messages } = v;
  const first = appointments[0]!;
  const event = {
    title: messages.t('calendarTitle', v.catalog.practice.name),
    start: first.start,
    end: first.end,
    timeZone: first.timeZone,
    ...(v.location && v.type?.modality !== 'telehealth' ? { location: addressLine(v.location.address) } : {}),
  };
  return html`<section class="add-calendar" aria-labelledby="calendar-heading">
    <h3 id="calendar-heading">${messages.t('addToCalendar')}</h3>
    <div class="actions start">
      <a class="button" part="ics-link" href=${icsUrl} download=${appointments.length > 1 ? 'appointments.ics' : 'appointment.ics'}>${messages.t('downloadIcs')}</a>
      ${appointments.length === 1
        ? html`<a class="button" href=${googleCalendarUrl(event)} target="_blank" rel="noopener noreferrer">${messages.t('google')}<span class="visually-hidden"> ${messages.t('newWindow')}</span></a>
            <a class="button" href=${outlookCalendarUrl(event)} target="_blank" rel="noopener noreferrer">${messages.t('outlook')}<span class="visually-hidden"> ${messages.t('newWindow')}</span></a>`
        : nothing}
    </div>
  </section>`;
}

/** The manage link as a button-styled link, and a button that copies it. */
function manageRow(v: BookingView, a: Appointment, label: string): TemplateResult {
  const { messages } = v;
  const copied = v.state.copiedLink === a.manageToken;
  return html`<div class="actions start">
    <a class="button" href=${v.manageLink(a.manageToken)} part="manage-link" @click=${(e: MouseEvent) => v.actions.openManage(a.manageToken, e)}>${label}</a>
    <button type="button" class="button" part="copy-link" aria-label=${`${messages.t(copied ? 'linkCopied' : 'copyLink')}: ${label}`} @click=${() => v.actions.copyLink(a.manageToken)}>
      ${messages.t(copied ? 'linkCopied' : 'copyLink')}
    </button>
  </div>`;
}

/** What the patient asked for, so they can check it, and a way back to the times. */
function renderWaitlisted(v: BookingView): TemplateResult {
  const { messages, state } = v;
  const w = state.waitlist;
  const row = (term: string, value: unknown) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
  const days = weekdayOptions(v).filter((o) => w.weekdays.includes(o.day)).map((o) => o.label);
  const provider = v.catalog.providers.find((p) => p.id === w.providerId);
  return html`<div class="step-body">
    <p class="notice success">${messages.t('waitlistedText', v.catalog.practice.name)}</p>
    <dl class="summary" part="summary">
      ${row(messages.t('where'), v.location?.name ?? '')}
      ${row(messages.t('visitType'), v.type?.name ?? '')}
      ${row(messages.t('preferredDays'), messages.list(days))}
      ${row(messages.t('preferredTimes'), messages.list(w.times.map((t) => messages.t(t))))}
      ${row(messages.t('provider'), provider ? v.providerName(provider.id) : messages.t('anyProvider'))}
      ${w.earliestDate ? row(messages.t('earliestDate'), messages.date(w.earliestDate, { year: 'numeric', month: 'long', day: 'numeric' })) : nothing}
    </dl>
    <div class="actions start">
      <button type="button" class="button primary" @click=${() => (v.actions.set({ keys: [] }), v.actions.go('time'))}>${messages.t('backToTimes')}</button>
    </div>
  </div>`;
}

export function renderDone(v: BookingView, icsUrl: string): TemplateResult {
  const { messages, state } = v;
  const booked = state.appointments;
  const outcome = state.outcome;
  if (outcome === 'waitlisted') return renderWaitlisted(v);
  if (outcome === 'cancelled') {
    return html`<div class="step-body">
      <p class="notice success">${messages.t('cancelledText')}</p>
      ${booked[0] ? renderVisit(v, booked[0]) : nothing}
      <div class="actions start"><button type="button" class="button primary" @click=${v.actions.bookAnother}>${messages.t('bookNew')}</button></div>
    </div>`;
  }
  const practice = v.catalog.practice;
  return html`<div class="step-body">
    ${booked.length === 1 ? renderVisit(v, booked[0]!) : html`<h3>${messages.t('seriesBooked', booked.length)}</h3>${renderVisitList(v, booked)}`}
    ${state.failed.length
      ? html`<div class="notice warning" role="alert">
          <p>${messages.t('seriesFailed', state.failed.length)}</p>
          ${renderVisitList(v, state.failed)}
          <p>${practice.phone ? messages.t('callUs', practice.phone) : ''}</p>
        </div>`
      : nothing}
    ${practice.whatToBring
      ? html`<section aria-labelledby="bring-heading"><h3 id="bring-heading">${messages.t('whatToBring')}</h3><p>${practice.whatToBring}</p></section>`
      : nothing}
    ${renderPolicy(v, false)}
    ${booked.length ? calendarLinks(v, booked, icsUrl) : nothing}
    <section aria-labelledby="manage-heading">
      <h3 id="manage-heading">${messages.t('manageHeading')}</h3>
      <p class="hint">${messages.t('manageHint')}</p>
      ${booked.length === 1
        ? manageRow(v, booked[0]!, messages.t('manageLink'))
        : html`<ul class="manage-links">
            ${booked.map((a) => html`<li>${manageRow(v, a, messages.t('manageOne', v.messages.dateTime(a.start, a.timeZone, { month: 'short', day: 'numeric' })))}</li>`)}
          </ul>`}
    </section>
    <div class="actions start"><button type="button" class="button" @click=${v.actions.bookAnother}>${messages.t('bookAnother')}</button></div>
  </div>`;
}
