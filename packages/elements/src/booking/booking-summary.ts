/** How a visit reads on the review and confirmation screens: when (in both zones if they differ), where, with whom. */
import { html, nothing, type TemplateResult } from 'lit';
import { addressLine, mapLink } from '@pxm/core/booking-display';
import { offsetMinutes } from '@pxm/core/time';
import type { BookingView } from './booking-view.js';

export interface VisitLike {
  start: string;
  end: string;
  providerId: string;
}

/** "Tuesday, March 16, 2027, 9:00 – 9:45 AM MDT" in a zone. */
export function whenText(view: BookingView, visit: VisitLike, zone: string): string {
  const [day, from, to] = whenParts(view, visit, zone);
  return `${day}, ${from} – ${to}`;
}

function whenParts(view: BookingView, visit: VisitLike, zone: string): [string, string, string] {
  return [
    view.messages.dateTime(visit.start, zone, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }),
    view.messages.dateTime(visit.start, zone, { hour: 'numeric', minute: '2-digit' }),
    view.messages.dateTime(visit.end, zone, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }),
  ];
}

/** `whenText` for the page: each time stays whole with its zone ("15:00 GMT-7" never splits). */
export function whenHtml(view: BookingView, visit: VisitLike, zone: string): TemplateResult {
  const [day, from, to] = whenParts(view, visit, zone);
  return html`${day}, <span class="nowrap">${from} –</span> <span class="nowrap">${to}</span>`;
}

/** The zone the visit is read in first: the clinic's for in-clinic visits, the patient's for video. */
export function primaryZone(view: BookingView): string {
  return view.type?.modality === 'telehealth' ? view.patientZone : view.clinicZone;
}

/** A link that opens in a new window, and says so to screen readers. */
export function newWindowLink(view: BookingView, href: string, label: string, className?: string): TemplateResult {
  return html`<a class=${className ?? nothing} href=${href} target="_blank" rel="noopener noreferrer">${label}<span class="visually-hidden"> ${view.messages.text('newWindow')}</span></a>`;
}

/** A summary's row: a term and its value. */
export function summaryRow(term: string, value: unknown): TemplateResult {
  return html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
}

export function renderVisit(view: BookingView, visit: VisitLike): TemplateResult {
  const { messages } = view;
  const zone = primaryZone(view);
  const other = zone === view.clinicZone ? view.patientZone : view.clinicZone;
  const differs = offsetMinutes(visit.start, zone) !== offsetMinutes(visit.start, other);
  const loc = view.type?.modality === 'telehealth' ? undefined : view.location;
  return html`<dl class="summary" part="summary">
    ${summaryRow(
      messages.text('when'),
      html`${whenHtml(view, visit, zone)}${differs ? html`<br /><span class="hint">${messages.text(other === view.patientZone ? 'yourTime' : 'clinicTime', whenText(view, visit, other))}</span>` : nothing}`,
    )}
    ${summaryRow(messages.text('visitType'), view.type ? `${view.type.name}, ${messages.text('minutes', view.type.durationMinutes)}` : '')}
    ${summaryRow(
      messages.text('where'),
      loc
        ? html`${loc.name}<br />${addressLine(loc.address)}<br />${newWindowLink(view, mapLink(loc), messages.text('mapLink'))}`
        : view.placeName,
    )}
    ${summaryRow(messages.text('provider'), view.providerName(visit.providerId))}
  </dl>`;
}

/** One visit in full; the visits of a series as a compact list under `seriesHeading`. */
export function renderVisits(view: BookingView, visits: VisitLike[], seriesHeading: string): TemplateResult {
  return visits.length === 1 ? renderVisit(view, visits[0]!) : html`<h3>${seriesHeading}</h3>${renderVisitList(view, visits)}`;
}

/** A compact list for the visits of a series. */
export function renderVisitList(view: BookingView, visits: VisitLike[]): TemplateResult {
  const zone = primaryZone(view);
  return html`<ol class="visit-list">
    ${visits.map((visit) => html`<li>${whenHtml(view, visit, zone)} · ${view.providerName(visit.providerId)}</li>`)}
  </ol>`;
}
