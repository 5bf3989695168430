/**
 * Questions that share one answer scale (the twenty LEFS activities) as one grid: a table of
 * activities by answers on a wide screen, compact rows under a legend on a phone. Each question
 * stays its own native radio group (`role="radiogroup"`, one Tab stop, arrow keys inside it), named
 * by its question; each radio is named by its answer.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { itemKey, type ChoiceOption, type FormItem, type ScopeKey } from '@pxm/core/forms';
import { errorId, fieldId, helpId, type FieldContext } from './field-context.js';
import { describedBy, renderError, requiredMark } from './field-markup.js';

type ChoiceItem = Extract<FormItem, { type: 'single-choice' }>;

/** Fewest questions in a row that make a grid: fewer read better as separate questions. */
const MIN_GRID_ROWS = 3;

function shownAsRadios(item: FormItem): item is ChoiceItem {
  return item.type === 'single-choice' && (item.display ?? (item.options.length > 6 ? 'dropdown' : 'radio')) === 'radio';
}

function sameScale(a: readonly ChoiceOption[], b: readonly ChoiceOption[]): boolean {
  return a.length === b.length && a.every((option, index) => option.value === b[index]!.value && option.label === b[index]!.label);
}

/** The number of questions from `start` on that share `items[start]`'s answer scale (0 when too few for a grid). */
export function gridRunAt(items: readonly FormItem[], start: number): number {
  const first = items[start];
  if (!first || !shownAsRadios(first)) return 0;
  let end = start + 1;
  while (end < items.length && shownAsRadios(items[end]!) && sameScale((items[end] as ChoiceItem).options, first.options)) end += 1;
  return end - start >= MIN_GRID_ROWS ? end - start : 0;
}

/** A short mark for an answer in a compact row: its points or a short value, else its label. */
function shortText(option: ChoiceOption): string {
  if (option.score !== undefined) return String(option.score);
  return option.value.length <= 3 ? option.value : option.label;
}

export function renderChoiceGrid(context: FieldContext, items: readonly ChoiceItem[], scope: ScopeKey): TemplateResult | typeof nothing {
  const shown = items.filter((item) => context.engine.isVisible(itemKey(scope, item.id)));
  if (shown.length === 0) return nothing;
  const options = shown[0]!.options;
  const compact = options.map(shortText);
  return html`<div class="choice-grid" part="choice-grid">
    <div class="grid-legend" aria-hidden="true">
      <span class="grid-corner"></span>
      ${options.map(
        (option, index) => html`<span class="grid-heading"
          >${compact[index] !== option.label ? html`<span class="grid-short">${compact[index]}</span>` : nothing}<span class="grid-heading-text">${option.label}</span></span
        >`,
      )}
    </div>
    ${shown.map((item) => renderRow(context, item, itemKey(scope, item.id), compact))}
  </div>`;
}

function renderRow(context: FieldContext, item: ChoiceItem, key: string, compact: readonly string[]): TemplateResult {
  const value = context.engine.getAnswer(key);
  const labelId = `${fieldId(key)}-label`;
  const error = context.errorFor(key);
  return html`<div
    class="grid-row ${error ? 'invalid' : ''}"
    part="item grid-row"
    role="radiogroup"
    data-item=${item.id}
    aria-labelledby=${labelId}
    aria-required=${context.engine.isRequired(key) ? 'true' : 'false'}
    aria-describedby=${describedBy(item.help && helpId(key), error && errorId(key))}
  >
    <div class="grid-question">
      <span class="grid-label" id=${labelId} part="label">${item.label}${requiredMark(context, key)}</span>
      ${item.help ? html`<span class="hint grid-help" id=${helpId(key)} part="help">${item.help}</span>` : nothing} ${renderError(context, key)}
    </div>
    ${item.options.map(
      (option, index) => html`<label class="grid-cell">
        <input
          type="radio"
          name=${fieldId(key)}
          data-focus=${key}
          aria-label=${option.label}
          aria-invalid=${error ? 'true' : 'false'}
          .checked=${live(value === option.value)}
          @change=${() => context.setAnswer(key, option.value)}
        />
        <span class="grid-mark" aria-hidden="true">${compact[index]}</span>
      </label>`,
    )}
  </div>`;
}
