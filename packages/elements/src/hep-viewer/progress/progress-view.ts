/**
 * The Progress view: adherence for 7 days, 28 days and the whole program, the streak, the pain
 * trend, and two charts each with the same numbers as a table. Loaded only when first shown, so
 * patients who never open it never download it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { addDays, daysBetween, localDateIn } from '@pxm/core/time';
import type { ActivityLogEntry, HepProgram } from '@pxm/core/hep';
import { programStreak } from '@pxm/core/hep-rules';
import {
  painTrend,
  summarizeAdherence,
  type AdherenceFigure,
  type AdherenceSummary,
  type PainTrend,
} from '@pxm/core/hep-progress';
import type { HepLocalizeController } from '../hep-localize.js';
import { progressStrings, type ProgressText } from './progress-text.js';
import { barChart, lineChart } from './charts.js';

/** `styles` is what the viewer's lazy part adopts into its shadow root. */
export { progressStyles, progressStyles as styles } from './progress.styles.js';

type T = HepLocalizeController;

export interface ProgressState {
  /** Charts currently shown as tables. */
  tables: ReadonlySet<string>;
  toggle(chart: string): void;
}

const PAIN_DAYS = 28;

function percent(l10n: T, rate: number): string {
  return l10n.number(rate, { style: 'percent', maximumFractionDigits: 0 });
}

function adherenceTile(l10n: T, t: ProgressText, label: string, figure: AdherenceFigure): TemplateResult {
  return html`<div class="tile" part="adherence">
    <dt>${label}</dt>
    <dd>
      ${figure.rate === null
        ? html`<span class="tile-note">${t('nothingDueYet')}</span>`
        : html`<span class="tile-value">${percent(l10n, figure.rate)}</span>
            <span class="tile-note">${t('sessionsOf', figure.completed, figure.prescribed)}</span>`}
    </dd>
  </div>`;
}

function chartBlock(
  t: ProgressText,
  state: ProgressState,
  id: string,
  title: string,
  chart: TemplateResult,
  table: TemplateResult,
): TemplateResult {
  const asTable = state.tables.has(id);
  return html`<figure class="chart-block" part="chart" aria-labelledby=${`${id}-title`}>
    <figcaption id=${`${id}-title`}>${title}</figcaption>
    ${asTable ? nothing : chart}
    <div class=${asTable ? 'chart-table' : 'chart-table visually-hidden'}>${table}</div>
    <button type="button" class="button link" @click=${() => state.toggle(id)}>
      ${asTable ? t('showChart') : t('showTable')}
    </button>
  </figure>`;
}

function weeklyChart(l10n: T, t: ProgressText, state: ProgressState, adherence: AdherenceSummary): TemplateResult {
  const weeks = adherence.weeks.slice(-12);
  const short = (date: string) => l10n.date(date, { month: 'numeric', day: 'numeric' });
  const chart = html`${barChart(
    weeks.map((week) => ({ label: short(week.weekStart), value: week.rate })),
    [0, 0.5, 1].map((rate) => percent(l10n, rate)),
  )}`;
  const table = html`<table>
    <caption class="visually-hidden">${t('weeklyChart')}</caption>
    <thead>
      <tr>
        <th scope="col">${t('columnWeek')}</th>
        <th scope="col">${t('columnDone')}</th>
        <th scope="col">${t('columnDue')}</th>
        <th scope="col">${t('columnPercent')}</th>
      </tr>
    </thead>
    <tbody>
      ${weeks.map(
        (week) => html`<tr>
          <th scope="row">${l10n.date(week.weekStart, { month: 'short', day: 'numeric' })}</th>
          <td>${l10n.number(week.completed)}</td>
          <td>${l10n.number(week.prescribed)}</td>
          <td>${week.rate === null ? '–' : percent(l10n, week.rate)}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
  return chartBlock(t, state, 'weekly', t('weeklyChart'), chart, table);
}

function painChart(l10n: T, t: ProgressText, state: ProgressState, pain: PainTrend, today: string): TemplateResult {
  const first = addDays(today, -(PAIN_DAYS - 1));
  const short = (date: string) => l10n.date(date, { month: 'numeric', day: 'numeric' });
  const chart = html`${lineChart(
    pain.points.map((point) => ({ index: daysBetween(first, point.date), value: point.average })),
    PAIN_DAYS,
    [0, 9, 18, 27].map((index) => ({ index, label: short(addDays(first, index)) })),
  )}`;
  const table = html`<table>
    <caption class="visually-hidden">${t('painChart')}</caption>
    <thead>
      <tr>
        <th scope="col">${t('columnDate')}</th>
        <th scope="col">${t('columnAverage')}</th>
        <th scope="col">${t('columnHighest')}</th>
      </tr>
    </thead>
    <tbody>
      ${pain.points.map(
        (point) => html`<tr>
          <th scope="row">${l10n.date(point.date, { weekday: 'short', month: 'short', day: 'numeric' })}</th>
          <td>${l10n.number(point.average, { maximumFractionDigits: 1 })}</td>
          <td>${l10n.number(point.highest)}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
  return chartBlock(t, state, 'pain', t('painChart'), chart, table);
}

function painSummary(t: ProgressText, pain: PainTrend): string {
  switch (pain.direction) {
    case 'down':
      return t('painDown');
    case 'up':
      return t('painUp');
    case 'steady':
      return t('painSteady');
    default:
      return t('painUnknown');
  }
}

/** Everything is computed here from the schedule and the logs, so none of it loads before it is shown. */
export function renderProgress(
  l10n: T,
  program: HepProgram,
  logs: readonly ActivityLogEntry[],
  now: Date,
  state: ProgressState,
): TemplateResult {
  const adherence = summarizeAdherence(program, logs, now);
  const streak = programStreak(program, logs, now);
  const pain = painTrend(logs, program.timeZone, localDateIn(now, program.timeZone));
  const t = l10n.part(progressStrings);
  return html`<div class="progress-view" part="progress">
    <h3>${t('adherenceHeading')}</h3>
    <dl class="tiles">
      ${adherenceTile(l10n, t, t('last7Days'), adherence.last7Days)}
      ${adherenceTile(l10n, t, t('last28Days'), adherence.last28Days)}
      ${adherenceTile(l10n, t, t('wholeProgram'), adherence.wholeProgram)}
    </dl>
    <dl class="tiles">
      <div class="tile" part="streak">
        <dt>${t('streakHeading')}</dt>
        <dd>
          <span class="tile-value">${t('streakDays', streak.current)}</span>
          <span class="tile-note">${t('bestStreak', streak.best)}</span>
          <span class="tile-note">${t('streakExplained')}</span>
        </dd>
      </div>
      <div class="tile" part="pain-trend">
        <dt>${t('painHeading')}</dt>
        <dd>
          <span class="tile-text">${painSummary(t, pain)}</span>
          ${pain.recentAverage !== null
            ? html`<span class="tile-note">${t('painAverage', l10n.number(pain.recentAverage, { maximumFractionDigits: 1 }))}</span>`
            : nothing}
        </dd>
      </div>
    </dl>
    ${adherence.weeks.length > 0 ? weeklyChart(l10n, t, state, adherence) : nothing}
    ${pain.points.length > 0 ? painChart(l10n, t, state, pain, adherence.today) : nothing}
  </div>`;
}
