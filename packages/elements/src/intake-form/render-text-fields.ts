/** Fields typed into: text, phone, email, long text, number and date, all native inputs. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FormItem } from '@pxm/core/forms';
import { fieldId, type FieldContext } from './field-context.js';
import { ariaInvalid, fieldDescription, renderError, renderHelp, requiredMark } from './field-markup.js';

type Item<T extends FormItem['type']> = Extract<FormItem, { type: T }>;

const INPUT_TYPES = { text: 'text', phone: 'tel', email: 'email' } as const;
const DEFAULT_AUTOCOMPLETE = { text: 'off', phone: 'tel', email: 'email' } as const;

export function renderTextInput(context: FieldContext, item: Item<'text'> | Item<'phone'> | Item<'email'>, key: string): TemplateResult {
  const value = context.engine.getAnswer(key);
  return html`<div class="field" part="item" data-item=${item.id}>
    <label for=${fieldId(key)} part="label">${item.label}${requiredMark(context, key)}</label>
    ${renderHelp(item, key)}
    <input
      id=${fieldId(key)}
      data-focus=${key}
      type=${INPUT_TYPES[item.type]}
      inputmode=${item.type === 'phone' ? 'tel' : item.type === 'email' ? 'email' : nothing}
      autocomplete=${item.autocomplete ?? DEFAULT_AUTOCOMPLETE[item.type]}
      maxlength=${item.type === 'text' && item.maxLength ? item.maxLength : nothing}
      spellcheck=${item.type === 'text' ? nothing : 'false'}
      ?required=${context.engine.isRequired(key)}
      aria-invalid=${ariaInvalid(context, key)}
      aria-describedby=${fieldDescription(context, item, key)}
      .value=${live(typeof value === 'string' ? value : '')}
      @input=${(event: Event) => {
        const text = (event.target as HTMLInputElement).value;
        context.setAnswer(key, text === '' ? undefined : text);
      }}
      @blur=${() => context.touch(key)}
    />
    ${renderError(context, key)}
  </div>`;
}

export function renderLongText(context: FieldContext, item: Item<'long-text'>, key: string): TemplateResult {
  const value = context.engine.getAnswer(key);
  const text = typeof value === 'string' ? value : '';
  return html`<div class="field" part="item" data-item=${item.id}>
    <label for=${fieldId(key)} part="label">${item.label}${requiredMark(context, key)}</label>
    ${renderHelp(item, key)}
    <textarea
      id=${fieldId(key)}
      data-focus=${key}
      rows="4"
      autocomplete="off"
      maxlength=${item.maxLength ?? nothing}
      ?required=${context.engine.isRequired(key)}
      aria-invalid=${ariaInvalid(context, key)}
      aria-describedby=${fieldDescription(context, item, key)}
      .value=${live(text)}
      @input=${(event: Event) => {
        const next = (event.target as HTMLTextAreaElement).value;
        context.setAnswer(key, next === '' ? undefined : next);
      }}
      @blur=${() => context.touch(key)}
    ></textarea>
    ${item.maxLength ? html`<p class="hint counter">${context.l10n.text('characters', text.length, item.maxLength)}</p>` : nothing}
    ${renderError(context, key)}
  </div>`;
}

export function renderNumber(context: FieldContext, item: Item<'number'>, key: string): TemplateResult {
  const value = context.engine.getAnswer(key);
  const text = context.numberText(key) ?? (typeof value === 'number' ? String(value) : '');
  const whole = item.step !== undefined && Number.isInteger(item.step) && (item.min ?? 0) >= 0;
  const unitId = `${fieldId(key)}-unit`;
  return html`<div class="field" part="item" data-item=${item.id}>
    <label for=${fieldId(key)} part="label">${item.label}${requiredMark(context, key)}</label>
    ${renderHelp(item, key)}
    <div class="with-unit">
      <input
        id=${fieldId(key)}
        data-focus=${key}
        type="text"
        inputmode=${whole ? 'numeric' : 'decimal'}
        autocomplete="off"
        ?required=${context.engine.isRequired(key)}
        aria-invalid=${ariaInvalid(context, key)}
        aria-describedby=${fieldDescription(context, item, key, item.unit && unitId)}
        .value=${live(text)}
        @input=${(event: Event) => context.setNumberText(key, (event.target as HTMLInputElement).value)}
        @blur=${() => context.touch(key)}
      />
      ${item.unit ? html`<span class="unit" id=${unitId}>${item.unit}</span>` : nothing}
    </div>
    ${renderError(context, key)}
  </div>`;
}

function resolveBound(bound: string | undefined, today: string): string | typeof nothing {
  if (!bound) return nothing;
  return bound === 'today' ? today : bound;
}

export function renderDate(context: FieldContext, item: Item<'date'>, key: string): TemplateResult {
  const value = context.engine.getAnswer(key);
  return html`<div class="field" part="item" data-item=${item.id}>
    <label for=${fieldId(key)} part="label">${item.label}${requiredMark(context, key)}</label>
    ${renderHelp(item, key)}
    <input
      id=${fieldId(key)}
      data-focus=${key}
      type="date"
      autocomplete=${item.autocomplete ?? 'off'}
      min=${resolveBound(item.min, context.today)}
      max=${resolveBound(item.max, context.today)}
      ?required=${context.engine.isRequired(key)}
      aria-invalid=${ariaInvalid(context, key)}
      aria-describedby=${fieldDescription(context, item, key)}
      .value=${live(typeof value === 'string' ? value : '')}
      @input=${(event: Event) => {
        const input = event.target as HTMLInputElement;
        context.setUnreadableDate(key, input.validity.badInput);
        context.setAnswer(key, input.value === '' ? undefined : input.value);
      }}
      @blur=${() => context.touch(key)}
    />
    ${renderError(context, key)}
  </div>`;
}
