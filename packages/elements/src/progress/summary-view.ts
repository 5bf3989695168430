/**
 * The printable summary, in two versions: the patient's (their goals and scores in plain words)
 * and the referring physician's (goals with both ratings, every score with its date, the change
 * against the meaningful-change threshold, adherence). Rendered only while printing, shown only
 * by the print stylesheet below; loaded after the first paint, so Ctrl+P later still gets it.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { changeReading, type Goal, type MeasureSeries, type ProgressView } from '@pxm/core/progress';
import { dayOf, latestBy, ratingLine, readingText, score, signed, type ProgressText } from './progress-format.js';

export type SummaryVersion = 'patient' | 'physician';

function goalRows(msg: ProgressText, goals: readonly Goal[], timeZone: string, version: SummaryVersion): TemplateResult {
  return html`<ul class="summary-goals">
    ${goals.map((goal) => {
      const patient = latestBy(goal.ratings, 'patient');
      const therapist = latestBy(goal.ratings, 'therapist');
      return html`<li>
        <strong>${goal.text}</strong>
        <span> · ${msg.text('targetBy', msg.date(goal.targetDate, { dateStyle: 'long' }))} · ${msg.text(`status_${goal.status}`)}</span>
        <br />
        <span>${version === 'physician' ? msg.text('latestPatient') : msg.text('you')}: ${patient ? ratingLine(msg, patient, timeZone) : msg.text('notRatedYet')}</span>
        <span> · ${version === 'physician' ? msg.text('latestTherapist') : msg.text('yourTherapist')}: ${therapist ? ratingLine(msg, therapist, timeZone) : msg.text('notRatedYet')}</span>
      </li>`;
    })}
  </ul>`;
}

function measureSummary(msg: ProgressText, series: MeasureSeries, timeZone: string, version: SummaryVersion): TemplateResult {
  const { change, reading } = changeReading(series);
  const first = series.results[0];
  const last = series.results.at(-1);
  const results = version === 'physician' ? series.results : [first, last].filter((result, index, all) => result && all.indexOf(result) === index);
  return html`<div class="summary-measure">
    <h4>${series.title}</h4>
    <p>
      ${readingText(msg, reading)}${first && reading !== 'baseline-only' ? ` (${msg.text('changeSince', signed(msg, change), dayOf(msg, first.takenAt, timeZone))})` : ''}.
      ${version === 'physician' ? msg.text('mcidLine', score(msg, series.mcid)) : nothing}
    </p>
    <table>
      <thead>
        <tr>
          <th scope="col">${msg.text('columnDate')}</th>
          <th scope="col">${msg.text('columnScore')}</th>
          <th scope="col">${msg.text('columnChange')}</th>
        </tr>
      </thead>
      <tbody>
        ${results.map(
          (result, index) => html`<tr>
            <td>${dayOf(msg, result!.takenAt, timeZone)}</td>
            <td>${score(msg, result!.score)}</td>
            <td>${index === 0 ? msg.text('baseline') : signed(msg, result!.score - (first?.score ?? 0))}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The summary for `version`; `printedAt` is when the patient pressed Print. */
export function renderSummary(msg: ProgressText, view: ProgressView, version: SummaryVersion, printedAt: Date): TemplateResult {
  const { episode } = view;
  const zone = episode.timeZone;
  const end = episode.dischargedAt ? dayOf(msg, episode.dischargedAt, zone) : msg.text('ongoing');
  return html`<section class="summary" part="summary" data-version=${version}>
    <header>
      <p class="practice">${episode.practiceName}${episode.practicePhone ? ` · ${episode.practicePhone}` : ''}</p>
      <h2>${version === 'physician' ? msg.text('physicianTitle') : msg.text('summaryTitle')}: ${episode.title}</h2>
      ${version === 'physician' && episode.referringPhysician ? html`<p>${msg.text('physicianFor', episode.referringPhysician)}</p>` : nothing}
      <p>
        ${msg.text('episodeDates', dayOf(msg, episode.startedAt, zone), end)}${episode.therapistName ? ` · ${episode.therapistName}` : ''} ·
        ${msg.text('printedOn', dayOf(msg, printedAt.toISOString(), zone))}
      </p>
    </header>
    <h3>${version === 'physician' ? msg.text('physicianGoals') : msg.text('goalsHeading')}</h3>
    ${view.goals.length ? goalRows(msg, view.goals, zone, version) : html`<p>${msg.text('goalsEmpty')}</p>`}
    <h3>${version === 'physician' ? msg.text('physicianMeasures') : msg.text('measuresHeading')}</h3>
    ${view.measures.length ? view.measures.map((series) => measureSummary(msg, series, zone, version)) : html`<p>${msg.text('measuresEmpty')}</p>`}
    ${view.adherence ? html`<p>${msg.text('adherence', msg.number(view.adherence.percent / 100, { style: 'percent' }), dayOf(msg, view.adherence.since, zone))}</p>` : nothing}
  </section>`;
}

/** Adopted into the element's shadow root by its lazy part: on screen the summary is hidden. */
export const styles = css`
  .summary {
    display: none;
  }

  @media print {
    /* Paper is white whatever the screen's theme. */
    :host {
      color-scheme: light;
      color: #000;
      background: #fff;
    }

    .base {
      padding: 0;
      background: none;
      color: #000;
    }

    .screen {
      display: none !important;
    }

    .summary {
      display: block;
      font-size: 11pt;
    }

    .summary h2 {
      font-size: 16pt;
      margin: 4pt 0;
    }

    .summary h3 {
      font-size: 13pt;
      margin: 12pt 0 4pt;
      border-block-end: 1px solid #999;
    }

    .summary h4 {
      font-size: 11pt;
      margin: 8pt 0 2pt;
    }

    .summary-goals li,
    .summary-measure {
      break-inside: avoid;
      margin-block-end: 6pt;
    }

    .summary table {
      border-collapse: collapse;
    }

    .summary th,
    .summary td {
      padding: 2pt 8pt 2pt 0;
      text-align: start;
      border-block-end: 1px solid #ccc;
    }
  }
`;
