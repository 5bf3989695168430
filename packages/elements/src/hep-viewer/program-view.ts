/**
 * The loaded program: header, sync notice, the Today / All exercises / Progress tabs with their
 * panel, the actions, and the paper copy while printing. A pure view: it gets the program, the
 * day worked out from the logs and what the patient can do, and returns a template.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { AdapterError } from '@pxm/core';
import { frequencyKind } from '@pxm/core/hep-rules';
import type { ActivityLogEntry, Exercise } from '@pxm/core/hep';
import type { PendingState } from '@pxm/core/hep-outbox';
import { renderFailure, renderLoading } from '../internal/states.js';
import type { HepLocalizeController } from './hep-localize.js';
import { renderDosage } from './dosage.js';
import { renderExerciseCard, type CardContext } from './exercise-card.js';
import type { HepDay } from './hep-day.js';
import type { LoadedProgram } from './load-program.js';
import type * as PrintView from './hep-extras.js';
import type * as ProgressView from './progress/progress-view.js';
import type { RatingDraft } from './rating-form.js';

export type HepView = 'today' | 'program' | 'progress';

export const VIEWS: readonly HepView[] = ['today', 'program', 'progress'];

/** What each card shows beyond its exercise: logging state kept by the viewer. */
export interface CardsState {
  context: CardContext;
  ratings: ReadonlyMap<string, RatingDraft>;
  alerts: ReadonlyMap<string, { pain: number }>;
  undoable(exerciseId: string): boolean;
  logStateOf(entry: ActivityLogEntry): PendingState | undefined;
}

export interface ProgramView {
  l10n: HepLocalizeController;
  retryText: string;
  loadingText: string;
  loaded: LoadedProgram;
  day: HepDay;
  now: Date;
  view: HepView;
  rtl: boolean;
  syncNotice: TemplateResult | typeof nothing;
  cards: CardsState;
  progress: {
    module: typeof ProgressView | undefined;
    failed: boolean;
    logs: readonly ActivityLogEntry[];
    tables: ReadonlySet<string>;
    onToggle(chart: string): void;
    onRetry(): void;
  };
  /** The paper copy's code, once loaded, and whether the page is printing now. */
  print: { module: typeof PrintView | undefined; printing: boolean };
  /** About the reminders (ready, nothing to remind about). */
  notice: string | undefined;
  onRetryHistory(): void;
  onSelectView(view: HepView, focus: boolean): void;
  onPrint(): void;
  onReminders(): void;
}

export function renderProgramView(view: ProgramView): TemplateResult {
  const { l10n, loaded, day } = view;
  const { program } = loaded;
  const updated = l10n.dateTime(program.updatedAt, program.timeZone, { dateStyle: 'long' });
  return html`
    <div class="screen">
      <header class="header" part="header">
        <slot name="header"></slot>
        ${program.practiceName ? html`<p class="practice">${l10n.text('fromPractice', program.practiceName)}</p>` : nothing}
        <h2 class="title" part="title">${program.title}</h2>
        <p class="meta">
          ${program.version > 1
            ? html`${l10n.text('updatedOn', updated)} <span class="version">(${l10n.text('version', program.version)})</span>`
            : l10n.text('startedOn', l10n.date(program.startDate, { dateStyle: 'long' }))}
        </p>
      </header>
      <div class="sync" part="sync">${view.syncNotice}</div>
      ${loaded.historyFailed
        ? html`<div class="notice warning" part="notice">
            <p>${l10n.text('historyUnavailable')}</p>
            <button type="button" class="button" @click=${view.onRetryHistory}>${view.retryText}</button>
          </div>`
        : nothing}
      ${program.exercises.length === 0
        ? html`<p class="notice empty" part="notice">${l10n.text('noExercises')}</p>`
        : html`${renderTabs(view)}
            <div class="panel" role="tabpanel" id="panel" aria-labelledby=${`tab-${view.view}`} tabindex="0">
              ${view.view === 'progress'
                ? renderProgressPanel(view)
                : view.view === 'program'
                  ? renderCards(view, program.exercises)
                  : renderToday(view)}
            </div>
            ${renderActions(view)}`}
    </div>
    ${view.print.printing && view.print.module ? view.print.module.renderPrintView(l10n, program, day.plan.today, { renderDosage, frequencyKind }) : nothing}
  `;
}

function renderTabs(view: ProgramView): TemplateResult {
  const { l10n } = view;
  const labels: Record<HepView, string> = { today: l10n.text('tabToday'), program: l10n.text('tabProgram'), progress: l10n.text('tabProgress') };
  const onKey = (event: KeyboardEvent) => {
    const index = VIEWS.indexOf(view.view);
    const forward = view.rtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = view.rtl ? 'ArrowRight' : 'ArrowLeft';
    let next: number | undefined;
    if (event.key === forward) next = (index + 1) % VIEWS.length;
    else if (event.key === backward) next = (index + VIEWS.length - 1) % VIEWS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = VIEWS.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    view.onSelectView(VIEWS[next]!, true);
  };
  return html`<div class="tabs" part="tabs" role="tablist" aria-label=${l10n.text('views')} @keydown=${onKey}>
    ${VIEWS.map(
      (tab) => html`<button
        type="button"
        role="tab"
        part="tab"
        id=${`tab-${tab}`}
        aria-selected=${view.view === tab ? 'true' : 'false'}
        aria-controls="panel"
        tabindex=${view.view === tab ? '0' : '-1'}
        @click=${() => view.onSelectView(tab, false)}
      >
        ${labels[tab]}
      </button>`,
    )}
  </div>`;
}

function renderToday(view: ProgramView): TemplateResult {
  const { l10n, day } = view;
  const { program } = view.loaded;
  const { plan, streak } = day;
  const byId = new Map(program.exercises.map((exercise) => [exercise.id, exercise]));
  const due = plan.items.map((item) => byId.get(item.exerciseId)).filter((exercise): exercise is Exercise => exercise !== undefined);
  const doneCount = plan.items.filter((item) => item.complete).length;
  let message: string | undefined;
  if (plan.phase === 'not-started') message = l10n.text('notStarted', l10n.date(plan.nextDueDate ?? program.startDate, { dateStyle: 'full' }));
  else if (plan.phase === 'ended') message = l10n.text('ended', l10n.date(program.endDate!, { dateStyle: 'long' }));
  else if (due.length === 0) message = l10n.text('restDay');
  return html`<div class="summary" part="summary">
      <h3 class="today">${l10n.date(plan.today, { weekday: 'long', month: 'long', day: 'numeric' })}</h3>
      ${due.length > 0
        ? html`<p class="count">${doneCount === due.length ? l10n.text('allDone') : l10n.text('doneCount', doneCount, due.length)}</p>`
        : nothing}
      ${streak && streak.current > 0 ? html`<p class="streak-badge">${l10n.text('streak', streak.current)}</p>` : nothing}
    </div>
    ${message ? html`<p class="notice">${message}</p>` : nothing}
    ${plan.phase === 'active' && due.length === 0 && plan.nextDueDate
      ? html`<p class="next">${l10n.text('nextDue', l10n.date(plan.nextDueDate, { weekday: 'long', month: 'long', day: 'numeric' }))}</p>`
      : nothing}
    ${renderCards(view, plan.phase === 'active' ? due : program.exercises)}
    ${plan.phase === 'active' && plan.notDueIds.length > 0
      ? html`<p class="more">
          ${l10n.text('notDueCount', plan.notDueIds.length)}
          <button type="button" class="button link" @click=${() => view.onSelectView('program', true)}>${l10n.text('seeAll')}</button>
        </p>`
      : nothing}`;
}

function renderCards(view: ProgramView, exercises: readonly Exercise[]): TemplateResult {
  const { plan, latestToday } = view.day;
  const { cards } = view;
  const items = new Map(plan.items.map((item) => [item.exerciseId, item]));
  return html`<ul class="cards" role="list">
    ${exercises.map((exercise) => {
      const lastEntry = latestToday.get(exercise.id);
      return renderExerciseCard(cards.context, {
        exercise,
        item: items.get(exercise.id),
        loggable: plan.phase === 'active',
        lastLog: lastEntry ? { entry: lastEntry, state: cards.logStateOf(lastEntry) } : undefined,
        undoable: cards.undoable(exercise.id),
        rating: cards.ratings.get(exercise.id),
        alert: cards.alerts.get(exercise.id),
      });
    })}
  </ul>`;
}

function renderProgressPanel(view: ProgramView): TemplateResult {
  const { l10n, progress } = view;
  if (progress.failed) return renderFailure({ message: l10n.text('chartsFailed'), retryLabel: view.retryText, onRetry: progress.onRetry });
  if (!progress.module) return renderLoading(view.loadingText);
  return html`<h3 class="visually-hidden">${l10n.text('progressHeading')}</h3>
    ${progress.module.renderProgress(l10n, view.loaded.program, progress.logs, view.now, { tables: progress.tables, toggle: progress.onToggle })}`;
}

function renderActions(view: ProgramView): TemplateResult {
  const { l10n } = view;
  return html`<div class="actions" part="actions" role="group" aria-label=${l10n.text('actions')}>
      <button type="button" class="button" @click=${view.onPrint}>${l10n.text('print')}</button>
      <button type="button" class="button" @click=${view.onReminders}>${l10n.text('reminders')}</button>
    </div>
    ${view.notice ? html`<p class="notice action-notice" role="status">${view.notice}</p>` : nothing}`;
}

/** A program that could not load: why, and a retry when trying again can help. */
export function renderLoadError(view: {
  l10n: HepLocalizeController;
  error: unknown;
  message(error: AdapterError | undefined): string;
  retryText: string;
  onRetry(): void;
}): TemplateResult {
  const { l10n } = view;
  const error = AdapterError.is(view.error) ? view.error : undefined;
  const code = error?.code;
  const title = code === 'token_invalid' ? l10n.text('invalidTitle') : code === 'token_expired' ? l10n.text('expiredTitle') : l10n.text('loadFailedTitle');
  const canRetry = code !== 'token_invalid' && code !== 'token_expired' && code !== 'unsupported';
  return html`<div class="state-card">
    <h2 part="title">${title}</h2>
    ${renderFailure({ message: view.message(error), ...(canRetry ? { retryLabel: view.retryText, onRetry: view.onRetry } : {}) })}
  </div>`;
}
