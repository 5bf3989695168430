/** Fields chosen from: radio groups (yes/no, short choices), a select, checkboxes and a scale. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FormItem } from '@pxm/core/forms';
import { fieldId, type FieldContext } from './field-context.js';
import { ariaInvalid, fieldDescription, renderError, renderHelp, requiredMark } from './field-markup.js';

type Item<T extends FormItem['type']> = Extract<FormItem, { type: T }>;

export function renderRadios<V extends string | boolean>(context: FieldContext, item: FormItem, key: string, options: Array<{ value: V; label: string }>): TemplateResult {
  const value = context.engine.getAnswer(key);
  const inline = options.length <= 3 && options.every((option) => option.label.length <= 12);
  return html`<fieldset class="field choice" part="item" data-item=${item.id} aria-describedby=${fieldDescription(context, item, key)}>
    <legend part="label">${item.label}${requiredMark(context, key)}</legend>
    ${renderHelp(item, key)}
    <div class="options ${inline ? 'inline' : ''}">
      ${options.map(
        (option) => html`<label class="option">
          <input
            type="radio"
            name=${fieldId(key)}
            data-focus=${key}
            ?required=${context.engine.isRequired(key)}
            aria-invalid=${ariaInvalid(context, key)}
            .checked=${live(value === option.value)}
            @change=${() => context.setAnswer(key, option.value)}
          />
          <span>${option.label}</span>
        </label>`,
      )}
    </div>
    ${renderError(context, key)}
  </fieldset>`;
}

export function renderSelect(context: FieldContext, item: Item<'single-choice'>, key: string): TemplateResult {
  const value = context.engine.getAnswer(key);
  return html`<div class="field" part="item" data-item=${item.id}>
    <label for=${fieldId(key)} part="label">${item.label}${requiredMark(context, key)}</label>
    ${renderHelp(item, key)}
    <select
      id=${fieldId(key)}
      data-focus=${key}
      ?required=${context.engine.isRequired(key)}
      aria-invalid=${ariaInvalid(context, key)}
      aria-describedby=${fieldDescription(context, item, key)}
      @change=${(event: Event) => {
        const selected = (event.target as HTMLSelectElement).value;
        context.setAnswer(key, selected === '' ? undefined : selected);
        context.touch(key);
      }}
    >
      <option value="" .selected=${value === undefined || value === null}>${context.l10n.text('choose')}</option>
      ${item.options.map((option) => html`<option value=${option.value} .selected=${value === option.value}>${option.label}</option>`)}
    </select>
    ${renderError(context, key)}
  </div>`;
}

export function renderCheckboxes(context: FieldContext, item: Item<'multiple-choice'>, key: string): TemplateResult {
  const value = context.engine.getAnswer(key);
  const selected = Array.isArray(value) ? (value as string[]) : [];
  const toggle = (option: string, on: boolean) => {
    const next = item.options.map((entry) => entry.value).filter((entry) => (entry === option ? on : selected.includes(entry)));
    context.setAnswer(key, next.length > 0 ? next : undefined);
    context.touch(key);
  };
  return html`<fieldset class="field choice" part="item" data-item=${item.id} aria-describedby=${fieldDescription(context, item, key)}>
    <legend part="label">${item.label}${requiredMark(context, key)}</legend>
    ${renderHelp(item, key)}
    <div class="options">
      ${item.options.map(
        (option) => html`<label class="option">
          <input
            type="checkbox"
            data-focus=${key}
            aria-invalid=${ariaInvalid(context, key)}
            .checked=${live(selected.includes(option.value))}
            @change=${(event: Event) => toggle(option.value, (event.target as HTMLInputElement).checked)}
          />
          <span>${option.label}</span>
        </label>`,
      )}
    </div>
    ${renderError(context, key)}
  </fieldset>`;
}

export function renderScale(context: FieldContext, item: Item<'scale'>, key: string): TemplateResult {
  const value = context.engine.getAnswer(key);
  const step = item.step ?? 1;
  const points: number[] = [];
  for (let point = item.min; point <= item.max; point += step) points.push(point);
  const anchorsId = `${fieldId(key)}-anchors`;
  const anchors = item.minLabel || item.maxLabel;
  const { l10n } = context;
  return html`<fieldset class="field scale" part="item" data-item=${item.id} aria-describedby=${fieldDescription(context, item, key, anchors && anchorsId)}>
    <legend part="label">${item.label}${requiredMark(context, key)}</legend>
    ${renderHelp(item, key)}
    <div class="scale-points ${points.length > 11 ? 'wrap' : ''}" part="scale">
      <div class="scale-row">
        ${points.map(
          (point) => html`<label class="scale-point">
            <input
              type="radio"
              name=${fieldId(key)}
              data-focus=${key}
              ?required=${context.engine.isRequired(key)}
              aria-invalid=${ariaInvalid(context, key)}
              .checked=${live(value === point)}
              @change=${() => context.setAnswer(key, point)}
            />
            <span>${l10n.number(point)}</span>
          </label>`,
        )}
      </div>
    </div>
    ${anchors
      ? html`<p class="anchors" id=${anchorsId}>
          <span>${item.minLabel ? `${l10n.number(item.min)} = ${item.minLabel}` : ''}</span>
          <span>${item.maxLabel ? `${l10n.number(item.max)} = ${item.maxLabel}` : ''}</span>
        </p>`
      : nothing}
    ${renderError(context, key)}
  </fieldset>`;
}
