/**
 * The last screen: what was booked (or moved, cancelled, or wait-listed), what to bring, the
 * cancellation policy, add-to-calendar (.ics, Google, Outlook) and the manage link.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Appointment } from '@pxm/core/booking';
import { addressLine, googleCalendarUrl, outlookCalendarUrl } from '@pxm/core/booking-display';
import { renderPolicy } from './booking-review.js';
import { newWindowLink, renderVisit, renderVisitList, renderVisits, summaryRow } from './booking-summary.js';
import { buttonRow } from './booking-buttons.js';
import type { BookingView } from './booking-view.js';
import { weekdayOptions } from './booking-waitlist.js';

/** Calendar links leave the page: a neutral title and the address, nothing about the visit's reason. */
function calendarLinks(view: BookingView, appointments: Appointment[], icsUrl: string): TemplateResult {
  const { messages } = view;
  const first = appointments[0]!;
  const event = {
    title: messages.text('calendarTitle', view.catalog.practice.name),
    start: first.start,
    end: first.end,
    timeZone: first.timeZone,
    ...(view.location && view.type?.modality !== 'telehealth' ? { location: addressLine(view.location.address) } : {}),
  };
  return html`<section class="add-calendar" aria-labelledby="calendar-heading">
    <h3 id="calendar-heading">${messages.text('addToCalendar')}</h3>
    <div class="actions start">
      <a class="button" part="ics-link" href=${icsUrl} download=${appointments.length > 1 ? 'appointments.ics' : 'appointment.ics'}>${messages.text('downloadIcs')}</a>
      ${appointments.length === 1
        ? html`${newWindowLink(view, googleCalendarUrl(event), messages.text('google'), 'button')} ${newWindowLink(view, outlookCalendarUrl(event), messages.text('outlook'), 'button')}`
        : nothing}
    </div>
  </section>`;
}

/** The manage link as a button-styled link, and a button that copies it. */
function manageRow(view: BookingView, appointment: Appointment, label: string): TemplateResult {
  const { messages } = view;
  const copied = view.state.copiedLink === appointment.manageToken;
  return html`<div class="actions start">
    <a class="button" href=${view.manageLink(appointment.manageToken)} part="manage-link" @click=${(event: MouseEvent) => view.actions.openManage(appointment.manageToken, event)}>${label}</a>
    <button type="button" class="button" part="copy-link" aria-label=${`${messages.text(copied ? 'linkCopied' : 'copyLink')}: ${label}`} @click=${() => view.actions.copyLink(appointment.manageToken)}>
      ${messages.text(copied ? 'linkCopied' : 'copyLink')}
    </button>
  </div>`;
}

/** What the patient asked for, so they can check it, and a way back to the times. */
function renderWaitlisted(view: BookingView): TemplateResult {
  const { messages, state } = view;
  const waitlist = state.waitlist;
  const days = weekdayOptions(view).filter((option) => waitlist.weekdays.includes(option.day)).map((option) => option.label);
  const provider = view.catalog.providers.find((candidate) => candidate.id === waitlist.providerId);
  return html`<div class="step-body">
    <p class="notice success">${messages.text('waitlistedText', view.catalog.practice.name)}</p>
    <dl class="summary" part="summary">
      ${summaryRow(messages.text('where'), view.location?.name ?? '')}
      ${summaryRow(messages.text('visitType'), view.type?.name ?? '')}
      ${summaryRow(messages.text('preferredDays'), messages.list(days))}
      ${summaryRow(messages.text('preferredTimes'), messages.list(waitlist.times.map((type) => messages.text(type))))}
      ${summaryRow(messages.text('provider'), provider ? view.providerName(provider.id) : messages.text('anyProvider'))}
      ${waitlist.earliestDate ? summaryRow(messages.text('earliestDate'), messages.date(waitlist.earliestDate, { year: 'numeric', month: 'long', day: 'numeric' })) : nothing}
    </dl>
    ${buttonRow(messages.text('backToTimes'), () => (view.actions.set({ keys: [] }), view.actions.go('time')), 'primary')}
  </div>`;
}

/** Booked with insurance while the payer could not answer: the clinic confirms coverage before the visit. */
function confirmsLater(state: BookingView['state']): boolean {
  const result = state.eligibility;
  return state.draft.coverage === 'insurance' && Boolean(result && result !== 'failed' && result.confirmLater);
}

export function renderDone(view: BookingView, icsUrl: string): TemplateResult {
  const { messages, state } = view;
  const booked = state.appointments;
  const outcome = state.outcome;
  if (outcome === 'waitlisted') return renderWaitlisted(view);
  if (outcome === 'cancelled') {
    return html`<div class="step-body">
      <p class="notice success">${messages.text('cancelledText')}</p>
      ${booked[0] ? renderVisit(view, booked[0]) : nothing}
      ${buttonRow(messages.text('bookNew'), view.actions.bookAnother, 'primary')}
    </div>`;
  }
  const practice = view.catalog.practice;
  return html`<div class="step-body">
    ${renderVisits(view, booked, messages.text('seriesBooked', booked.length))}
    ${state.failed.length
      ? html`<div class="notice warning" role="alert">
          <p>${messages.text('seriesFailed', state.failed.length)}</p>
          ${renderVisitList(view, state.failed)}
          <p>${practice.phone ? messages.text('callUs', practice.phone) : ''}</p>
        </div>`
      : nothing}
    ${state.leftOut ? html`<p class="notice info" role="status">${messages.text('seriesLeftOut', state.leftOut)}</p>` : nothing}
    ${confirmsLater(state) ? html`<p class="notice info">${messages.text('confirmLaterBooked')}</p>` : nothing}
    ${practice.whatToBring
      ? html`<section aria-labelledby="bring-heading"><h3 id="bring-heading">${messages.text('whatToBring')}</h3><p>${practice.whatToBring}</p></section>`
      : nothing}
    <slot name="next-steps"></slot>
    ${renderPolicy(view, false)}
    ${booked.length ? calendarLinks(view, booked, icsUrl) : nothing}
    <section aria-labelledby="manage-heading">
      <h3 id="manage-heading">${messages.text('manageHeading')}</h3>
      <p class="hint">${messages.text('manageHint')}</p>
      ${booked.length === 1
        ? manageRow(view, booked[0]!, messages.text('manageLink'))
        : html`<ul class="manage-links">
            ${booked.map((appointment) => html`<li>${manageRow(view, appointment, messages.text('manageOne', view.messages.dateTime(appointment.start, appointment.timeZone, { month: 'short', day: 'numeric' })))}</li>`)}
          </ul>`}
    </section>
    ${buttonRow(messages.text('bookAnother'), view.actions.bookAnother)}
  </div>`;
}
