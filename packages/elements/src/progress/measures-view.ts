/**
 * The outcome measures: per measure a chart with the band of a meaningful change, the same
 * numbers as a table, and what the change means in plain words.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { changeReading, type MeasureSeries } from '@pxm/core/progress';
import { measureChart } from './measure-chart.js';
import { dayOf, readingText, score, shortDayOf, signed, type ProgressText } from './progress-format.js';

export interface MeasuresView {
  msg: ProgressText;
  measures: readonly MeasureSeries[];
  timeZone: string;
  /** Measures the patient switched to their table. */
  tables: ReadonlySet<string>;
  onToggle(instrumentId: string): void;
}

function measureTable(view: MeasuresView, series: MeasureSeries, headingId: string): TemplateResult {
  const { msg } = view;
  const baseline = series.results[0]?.score ?? 0;
  return html`<table aria-labelledby=${headingId}>
    <thead>
      <tr>
        <th scope="col">${msg.text('columnDate')}</th>
        <th scope="col">${msg.text('columnScore')}</th>
        <th scope="col">${msg.text('columnChange')}</th>
      </tr>
    </thead>
    <tbody>
      ${series.results.map(
        (result, index) => html`<tr>
          <th scope="row">${dayOf(msg, result.takenAt, view.timeZone)}</th>
          <td>${score(msg, result.score)}</td>
          <td>${index === 0 ? msg.text('baseline') : signed(msg, result.score - baseline)}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

function measureBlock(view: MeasuresView, series: MeasureSeries): TemplateResult {
  const { msg, timeZone } = view;
  const id = `measure-${series.instrumentId}`;
  const headingId = `${id}-title`;
  const asTable = view.tables.has(series.instrumentId);
  const { change, reading } = changeReading(series);
  const first = series.results[0];
  const chart = measureChart({
    points: series.results.map((result) => ({ time: Date.parse(result.takenAt), score: result.score })),
    range: series.range,
    mcid: series.mcid,
    firstLabel: first ? shortDayOf(msg, first.takenAt, timeZone) : '',
    lastLabel: series.results.length > 1 ? shortDayOf(msg, series.results.at(-1)!.takenAt, timeZone) : '',
    formatScore: (value) => score(msg, value),
  });
  return html`<section class="measure" part="measure" data-instrument=${series.instrumentId} aria-labelledby=${headingId}>
    <h4 id=${headingId} tabindex="-1">${series.title}</h4>
    <p class=${`reading ${reading}`} part="reading">
      <strong>${readingText(msg, reading)}</strong>
      ${first && reading !== 'baseline-only'
        ? html`<span class="muted">${msg.text('changeSince', signed(msg, change), dayOf(msg, first.takenAt, timeZone))}</span>`
        : nothing}
    </p>
    ${asTable ? nothing : html`<div class="chart-box" part="chart">${chart}</div>`}
    <div class=${asTable ? 'table-box' : 'table-box visually-hidden'}>${measureTable(view, series, headingId)}</div>
    <p class="muted small">
      ${series.higherIsBetter ? msg.text('higherIsBetter') : msg.text('lowerIsBetter')}
      ${msg.text('rangeOf', score(msg, series.range.min), score(msg, series.range.max))}
      ${first ? msg.text('bandExplained', score(msg, series.mcid)) : nothing}
    </p>
    <button type="button" class="button link" part="chart-toggle" aria-describedby=${headingId} @click=${() => view.onToggle(series.instrumentId)}>
      ${asTable ? msg.text('showChart') : msg.text('showTable')}
    </button>
  </section>`;
}

export function renderMeasures(view: MeasuresView): TemplateResult {
  return html`<section class="section" part="measures" aria-labelledby="measures-heading">
    <h3 id="measures-heading">${view.msg.text('measuresHeading')}</h3>
    ${view.measures.length === 0
      ? html`<p class="muted">${view.msg.text('measuresEmpty')}</p>`
      : view.measures.map((series) => measureBlock(view, series))}
  </section>`;
}
