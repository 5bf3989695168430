/**
 * The last screen: what was booked (or moved, cancelled, or wait-listed), what to bring, the
 * cancellation policy, add-to-calendar (.ics, Google, Outlook) and the manage link.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { addressLine, googleCalendarUrl, outlookCalendarUrl, type Appointment } from '@pxm/core/booking';
import { renderPolicy } from './booking-review.js';
import { renderVisit, renderVisitList } from './booking-summary.js';
import type { BookingView } from './booking-view.js';
import { weekdayOptions } from './booking-waitlist.js';

/** Calendar links leave the page: a neutral title and the address, nothing about the visit's reason. */
function calendarLinks(v: BookingView, appointments: Appointment[], icsUrl: string): TemplateResult {
  const { l } = v;
  const first = appointments[0]!;
  const event = {
    title: l.t('calendarTitle', v.catalog.practice.name),
    start: first.start,
    end: first.end,
    timeZone: first.timeZone,
    ...(v.location && v.type?.modality !== 'telehealth' ? { location: addressLine(v.location.address) } : {}),
  };
  return html`<section class="add-calendar" aria-labelledby="calendar-heading">
    <h3 id="calendar-heading">${l.t('addToCalendar')}</h3>
    <div class="actions start">
      <a class="button" part="ics-link" href=${icsUrl} download=${appointments.length > 1 ? 'appointments.ics' : 'appointment.ics'}>${l.t('downloadIcs')}</a>
      ${appointments.length === 1
        ? html`<a class="button" href=${googleCalendarUrl(event)} target="_blank" rel="noopener noreferrer">${l.t('google')}<span class="visually-hidden"> ${l.t('newWindow')}</span></a>
            <a class="button" href=${outlookCalendarUrl(event)} target="_blank" rel="noopener noreferrer">${l.t('outlook')}<span class="visually-hidden"> ${l.t('newWindow')}</span></a>`
        : nothing}
    </div>
  </section>`;
}

/** The manage link as a button-styled link, and a button that copies it. */
function manageRow(v: BookingView, a: Appointment, label: string): TemplateResult {
  const { l } = v;
  const copied = v.s.copiedLink === a.manageToken;
  return html`<div class="actions start">
    <a class="button" href=${v.manageLink(a.manageToken)} part="manage-link" @click=${(e: MouseEvent) => v.a.openManage(a.manageToken, e)}>${label}</a>
    <button type="button" class="button" part="copy-link" aria-label=${`${l.t(copied ? 'linkCopied' : 'copyLink')}: ${label}`} @click=${() => v.a.copyLink(a.manageToken)}>
      ${l.t(copied ? 'linkCopied' : 'copyLink')}
    </button>
  </div>`;
}

/** What the patient asked for, so they can check it, and a way back to the times. */
function renderWaitlisted(v: BookingView): TemplateResult {
  const { l, s } = v;
  const w = s.waitlist;
  const row = (term: string, value: unknown) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
  const days = weekdayOptions(v).filter((o) => w.weekdays.includes(o.day)).map((o) => o.label);
  const provider = v.catalog.providers.find((p) => p.id === w.providerId);
  return html`<div class="step-body">
    <p class="notice success">${l.t('waitlistedText', v.catalog.practice.name)}</p>
    <dl class="summary" part="summary">
      ${row(l.t('where'), v.location?.name ?? '')}
      ${row(l.t('visitType'), v.type?.name ?? '')}
      ${row(l.t('preferredDays'), l.list(days))}
      ${row(l.t('preferredTimes'), l.list(w.times.map((t) => l.t(t))))}
      ${row(l.t('provider'), provider ? v.providerName(provider.id) : l.t('anyProvider'))}
      ${w.earliestDate ? row(l.t('earliestDate'), l.date(w.earliestDate, { year: 'numeric', month: 'long', day: 'numeric' })) : nothing}
    </dl>
    <div class="actions start">
      <button type="button" class="button primary" @click=${() => (v.a.set({ keys: [] }), v.a.go('time'))}>${l.t('backToTimes')}</button>
    </div>
  </div>`;
}

export function renderDone(v: BookingView, icsUrl: string): TemplateResult {
  const { l, s } = v;
  const booked = s.appointments;
  const outcome = s.outcome;
  if (outcome === 'waitlisted') return renderWaitlisted(v);
  if (outcome === 'cancelled') {
    return html`<div class="step-body">
      <p class="notice success">${l.t('cancelledText')}</p>
      ${booked[0] ? renderVisit(v, booked[0]) : nothing}
      <div class="actions start"><button type="button" class="button primary" @click=${v.a.bookAnother}>${l.t('bookNew')}</button></div>
    </div>`;
  }
  const practice = v.catalog.practice;
  return html`<div class="step-body">
    ${booked.length === 1 ? renderVisit(v, booked[0]!) : html`<h3>${l.t('seriesBooked', booked.length)}</h3>${renderVisitList(v, booked)}`}
    ${s.failed.length
      ? html`<div class="notice warning" role="alert">
          <p>${l.t('seriesFailed', s.failed.length)}</p>
          ${renderVisitList(v, s.failed)}
          <p>${practice.phone ? l.t('callUs', practice.phone) : ''}</p>
        </div>`
      : nothing}
    ${practice.whatToBring
      ? html`<section aria-labelledby="bring-heading"><h3 id="bring-heading">${l.t('whatToBring')}</h3><p>${practice.whatToBring}</p></section>`
      : nothing}
    ${renderPolicy(v, false)}
    ${booked.length ? calendarLinks(v, booked, icsUrl) : nothing}
    <section aria-labelledby="manage-heading">
      <h3 id="manage-heading">${l.t('manageHeading')}</h3>
      <p class="hint">${l.t('manageHint')}</p>
      ${booked.length === 1
        ? manageRow(v, booked[0]!, l.t('manageLink'))
        : html`<ul class="manage-links">
            ${booked.map((a) => html`<li>${manageRow(v, a, l.t('manageOne', v.l.dateTime(a.start, a.timeZone, { month: 'short', day: 'numeric' })))}</li>`)}
          </ul>`}
    </section>
    <div class="actions start"><button type="button" class="button" @click=${v.a.bookAnother}>${l.t('bookAnother')}</button></div>
  </div>`;
}
