/** An address: street, apartment, city, state and ZIP code, each with its autofill token. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { AddressAnswer, AnswerValue, FormItem } from '@pxm/core/forms';
import { fieldId, type FieldContext } from './field-context.js';
import { fieldDescription, renderError, renderHelp, requiredMark } from './field-markup.js';

const ADDRESS_FIELDS = [
  { part: 'line1', label: 'street', autocomplete: 'address-line1' },
  { part: 'line2', label: 'street2', autocomplete: 'address-line2' },
  { part: 'city', label: 'city', autocomplete: 'address-level2' },
  { part: 'region', label: 'region', autocomplete: 'address-level1' },
  { part: 'postalCode', label: 'postalCode', autocomplete: 'postal-code' },
] as const;

type AddressPart = (typeof ADDRESS_FIELDS)[number]['part'];

function addressOf(answer: AnswerValue | undefined): Partial<AddressAnswer> {
  return answer && typeof answer === 'object' && !Array.isArray(answer) && 'line1' in answer ? answer : {};
}

/**
 * The parts of an address its error is about, as validation decides (street and city, and the
 * ZIP code when the address is required): those left empty, else a ZIP code in the wrong form.
 * The optional parts (apartment, state) are never marked invalid.
 */
function addressInvalidParts(hasError: boolean, value: Partial<AddressAnswer>, required: boolean): ReadonlySet<string> {
  if (!hasError) return new Set();
  type Part = 'line1' | 'city' | 'postalCode';
  const filled = (part: Part) => Boolean(value[part]?.trim());
  const needed: Part[] = required ? ['line1', 'city', 'postalCode'] : ['line1', 'city'];
  const missing = needed.filter((part) => !filled(part));
  if (missing.length) return new Set(missing);
  return new Set(filled('postalCode') ? ['postalCode'] : needed);
}

export function renderAddress(context: FieldContext, item: Extract<FormItem, { type: 'address' }>, key: string): TemplateResult {
  const value = addressOf(context.engine.getAnswer(key));
  const update = (part: AddressPart, text: string) => {
    // The answer as it is now, not as rendered: autofill can fill every part before a re-render.
    const current = addressOf(context.engine.getAnswer(key));
    const next: Record<string, string> = { line1: current.line1 ?? '', city: current.city ?? '' };
    for (const field of ['line2', 'region', 'postalCode'] as const) if (current[field]) next[field] = current[field]!;
    if (text) next[part] = text;
    else if (part === 'line1' || part === 'city') next[part] = '';
    else delete next[part];
    const empty = Object.values(next).every((entry) => !entry.trim());
    context.setAnswer(key, empty ? undefined : (next as unknown as AnswerValue));
  };
  const required = context.engine.isRequired(key);
  const invalidParts = addressInvalidParts(context.errorFor(key) !== undefined, value, required);
  return html`<fieldset class="field address" part="item" data-item=${item.id} aria-describedby=${fieldDescription(context, item, key)}>
    <legend part="label">${item.label}${requiredMark(context, key)}</legend>
    ${renderHelp(item, key)}
    <div class="address-grid">
      ${ADDRESS_FIELDS.map(
        (field) => html`<div class="subfield ${field.part}">
          <label for=${`${fieldId(key)}-${field.part}`}>${context.l10n.text(field.label)}</label>
          <input
            id=${`${fieldId(key)}-${field.part}`}
            data-focus=${field.part === 'line1' ? key : nothing}
            type="text"
            autocomplete=${field.autocomplete}
            inputmode=${field.part === 'postalCode' ? 'numeric' : nothing}
            maxlength=${field.part === 'postalCode' ? 10 : field.part === 'region' ? 100 : 200}
            ?required=${required && field.part !== 'line2' && field.part !== 'region'}
            aria-invalid=${invalidParts.has(field.part) ? 'true' : 'false'}
            .value=${live(value[field.part] ?? '')}
            @input=${(event: Event) => update(field.part, (event.target as HTMLInputElement).value)}
            @blur=${(event: FocusEvent) => {
              // Validate once focus leaves the whole address, not between its parts.
              const next = event.relatedTarget as Node | null;
              if (!next || !(event.currentTarget as Element).closest('fieldset')?.contains(next)) context.touch(key);
            }}
          />
        </div>`,
      )}
    </div>
    ${renderError(context, key)}
  </fieldset>`;
}
