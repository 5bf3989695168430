/**
 * Render functions for the items of a page, one per item type, all native controls: inputs,
 * selects, radio and checkbox groups in fieldsets. Hidden items are not rendered at all; their
 * answers stay in the engine.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import {
  childScope,
  itemKey,
  type AddressAnswer,
  type AnswerValue,
  type FormItem,
  type ScopeKey,
} from '@pxm/core/forms';
import { gridRunAt, renderChoiceGrid } from './choice-grid.js';
import { errorId, fieldId, helpId, type FieldHost } from './field-host.js';

type Item<T extends FormItem['type']> = Extract<FormItem, { type: T }>;

/** Text with blank lines becomes paragraphs; single line breaks are kept by CSS. */
export function paragraphs(text: string): TemplateResult[] {
  return text
    .split(/\n\s*\n/)
    .filter((part) => part.trim())
    .map((part) => html`<p>${part}</p>`);
}

export function describedBy(...ids: Array<string | false | undefined>): string | typeof nothing {
  const list = ids.filter(Boolean).join(' ');
  return list || nothing;
}

export function requiredMark(host: FieldHost, key: string): TemplateResult | typeof nothing {
  return host.engine.isRequired(key) ? html`<span class="required-mark" aria-hidden="true"></span>` : nothing;
}

export function renderHelp(item: FormItem, key: string): TemplateResult | typeof nothing {
  return item.help ? html`<div class="hint" id=${helpId(key)} part="help">${paragraphs(item.help)}</div>` : nothing;
}

export function renderError(host: FieldHost, key: string): TemplateResult | typeof nothing {
  const message = host.errorFor(key);
  return message ? html`<p class="error-text" id=${errorId(key)} part="error">${message}</p>` : nothing;
}

const invalid = (host: FieldHost, key: string) => (host.errorFor(key) ? 'true' : 'false');

/** Item types whose rendering depends only on their own answer, state and the language. */
const SIMPLE = new Set<FormItem['type']>(['text', 'phone', 'email', 'long-text', 'number', 'date', 'yes-no', 'single-choice', 'multiple-choice', 'scale', 'address', 'display']);

export function renderItems(host: FieldHost, items: readonly FormItem[], scope: ScopeKey): unknown[] {
  const out: unknown[] = [];
  for (let index = 0; index < items.length; index++) {
    // Questions that share one answer scale (LEFS) are one grid rather than stacked groups.
    const run = gridRunAt(items, index);
    if (run > 0) {
      out.push(renderChoiceGrid(host, items.slice(index, index + run) as Array<Item<'single-choice'>>, scope));
      index += run - 1;
      continue;
    }
    const item = items[index]!;
    const key = itemKey(scope, item.id);
    if (!host.engine.isVisible(key)) {
      out.push(nothing);
    } else if (!SIMPLE.has(item.type)) {
      out.push(renderItem(host, item, key, scope));
    } else {
      // A keystroke re-renders its own field only, however long the page.
      const deps = [item, host.engine.getAnswer(key), host.engine.isRequired(key), host.errorFor(key), host.numberText(key), host.today, host.epoch];
      out.push(guard(deps, () => renderItem(host, item, key, scope)));
    }
  }
  return out;
}

function renderItem(host: FieldHost, item: FormItem, key: string, scope: ScopeKey): TemplateResult {
  switch (item.type) {
    case 'text':
    case 'phone':
    case 'email':
      return renderTextInput(host, item, key);
    case 'long-text':
      return renderLongText(host, item, key);
    case 'number':
      return renderNumber(host, item, key);
    case 'date':
      return renderDate(host, item, key);
    case 'yes-no':
      return renderRadios(host, item, key, [
        { value: true, label: host.l10n.t('yes') },
        { value: false, label: host.l10n.t('no') },
      ]);
    case 'single-choice':
      return (item.display ?? (item.options.length > 6 ? 'dropdown' : 'radio')) === 'dropdown'
        ? renderSelect(host, item, key)
        : renderRadios(host, item, key, item.options.map((option) => ({ value: option.value, label: option.label })));
    case 'multiple-choice':
      return renderCheckboxes(host, item, key);
    case 'scale':
      return renderScale(host, item, key);
    case 'address':
      return renderAddress(host, item, key);
    // Parts loaded on demand; they arrive long before a patient reaches them, but just in case.
    case 'insurance-card':
      return host.cards?.render(item, key) ?? renderPending(host, item);
    case 'consent':
      return host.signing?.renderConsent(item, key) ?? renderPending(host, item);
    case 'signature':
      return host.signing?.renderSignature(item, key) ?? renderPending(host, item);
    case 'section':
      return html`<section class="section" part="section" data-item=${item.id}>
        ${item.title ? html`<h4 class="section-title">${item.title}</h4>` : nothing} ${renderHelp(item, key)} ${renderItems(host, item.items, scope)}
      </section>`;
    case 'group':
      return renderGroup(host, item, key, scope);
    case 'display':
      return html`<div class="display" part="display" data-item=${item.id}>${paragraphs(item.text)}</div>`;
  }
}

function renderPending(host: FieldHost, item: FormItem): TemplateResult {
  return html`<div class="field pending" part="item" data-item=${item.id} role="status">
    <span class="spinner small" aria-hidden="true"></span>${host.l10n.t('loadingPart')}
  </div>`;
}

const INPUT_TYPES = { text: 'text', phone: 'tel', email: 'email' } as const;
const DEFAULT_AUTOCOMPLETE = { text: 'off', phone: 'tel', email: 'email' } as const;

function renderTextInput(host: FieldHost, item: Item<'text'> | Item<'phone'> | Item<'email'>, key: string): TemplateResult {
  const value = host.engine.getAnswer(key);
  return html`<div class="field" part="item" data-item=${item.id}>
    <label for=${fieldId(key)} part="label">${item.label}${requiredMark(host, key)}</label>
    ${renderHelp(item, key)}
    <input
      id=${fieldId(key)}
      data-focus=${key}
      type=${INPUT_TYPES[item.type]}
      inputmode=${item.type === 'phone' ? 'tel' : item.type === 'email' ? 'email' : nothing}
      autocomplete=${item.autocomplete ?? DEFAULT_AUTOCOMPLETE[item.type]}
      maxlength=${item.type === 'text' && item.maxLength ? item.maxLength : nothing}
      spellcheck=${item.type === 'text' ? nothing : 'false'}
      ?required=${host.engine.isRequired(key)}
      aria-invalid=${invalid(host, key)}
      aria-describedby=${describedBy(item.help && helpId(key), host.errorFor(key) && errorId(key))}
      .value=${live(typeof value === 'string' ? value : '')}
      @input=${(event: Event) => {
        const text = (event.target as HTMLInputElement).value;
        host.setAnswer(key, text === '' ? undefined : text);
      }}
      @blur=${() => host.touch(key)}
    />
    ${renderError(host, key)}
  </div>`;
}

function renderLongText(host: FieldHost, item: Item<'long-text'>, key: string): TemplateResult {
  const value = host.engine.getAnswer(key);
  const text = typeof value === 'string' ? value : '';
  return html`<div class="field" part="item" data-item=${item.id}>
    <label for=${fieldId(key)} part="label">${item.label}${requiredMark(host, key)}</label>
    ${renderHelp(item, key)}
    <textarea
      id=${fieldId(key)}
      data-focus=${key}
      rows="4"
      autocomplete="off"
      maxlength=${item.maxLength ?? nothing}
      ?required=${host.engine.isRequired(key)}
      aria-invalid=${invalid(host, key)}
      aria-describedby=${describedBy(item.help && helpId(key), host.errorFor(key) && errorId(key))}
      .value=${live(text)}
      @input=${(event: Event) => {
        const next = (event.target as HTMLTextAreaElement).value;
        host.setAnswer(key, next === '' ? undefined : next);
      }}
      @blur=${() => host.touch(key)}
    ></textarea>
    ${item.maxLength ? html`<p class="hint counter">${host.l10n.t('characters', text.length, item.maxLength)}</p>` : nothing}
    ${renderError(host, key)}
  </div>`;
}

function renderNumber(host: FieldHost, item: Item<'number'>, key: string): TemplateResult {
  const value = host.engine.getAnswer(key);
  const text = host.numberText(key) ?? (typeof value === 'number' ? String(value) : '');
  const whole = item.step !== undefined && Number.isInteger(item.step) && (item.min ?? 0) >= 0;
  const unitId = `${fieldId(key)}-unit`;
  return html`<div class="field" part="item" data-item=${item.id}>
    <label for=${fieldId(key)} part="label">${item.label}${requiredMark(host, key)}</label>
    ${renderHelp(item, key)}
    <div class="with-unit">
      <input
        id=${fieldId(key)}
        data-focus=${key}
        type="text"
        inputmode=${whole ? 'numeric' : 'decimal'}
        autocomplete="off"
        ?required=${host.engine.isRequired(key)}
        aria-invalid=${invalid(host, key)}
        aria-describedby=${describedBy(item.unit && unitId, item.help && helpId(key), host.errorFor(key) && errorId(key))}
        .value=${live(text)}
        @input=${(event: Event) => host.setNumberText(key, (event.target as HTMLInputElement).value)}
        @blur=${() => host.touch(key)}
      />
      ${item.unit ? html`<span class="unit" id=${unitId}>${item.unit}</span>` : nothing}
    </div>
    ${renderError(host, key)}
  </div>`;
}

function resolveBound(bound: string | undefined, today: string): string | typeof nothing {
  if (!bound) return nothing;
  return bound === 'today' ? today : bound;
}

function renderDate(host: FieldHost, item: Item<'date'>, key: string): TemplateResult {
  const value = host.engine.getAnswer(key);
  return html`<div class="field" part="item" data-item=${item.id}>
    <label for=${fieldId(key)} part="label">${item.label}${requiredMark(host, key)}</label>
    ${renderHelp(item, key)}
    <input
      id=${fieldId(key)}
      data-focus=${key}
      type="date"
      autocomplete=${item.autocomplete ?? 'off'}
      min=${resolveBound(item.min, host.today)}
      max=${resolveBound(item.max, host.today)}
      ?required=${host.engine.isRequired(key)}
      aria-invalid=${invalid(host, key)}
      aria-describedby=${describedBy(item.help && helpId(key), host.errorFor(key) && errorId(key))}
      .value=${live(typeof value === 'string' ? value : '')}
      @input=${(event: Event) => {
        const input = event.target as HTMLInputElement;
        host.setUnreadableDate(key, input.validity.badInput);
        host.setAnswer(key, input.value === '' ? undefined : input.value);
      }}
      @blur=${() => host.touch(key)}
    />
    ${renderError(host, key)}
  </div>`;
}

function renderRadios<V extends string | boolean>(
  host: FieldHost,
  item: FormItem,
  key: string,
  options: Array<{ value: V; label: string }>,
): TemplateResult {
  const value = host.engine.getAnswer(key);
  const inline = options.length <= 3 && options.every((option) => option.label.length <= 12);
  return html`<fieldset
    class="field choice"
    part="item"
    data-item=${item.id}
    aria-describedby=${describedBy(item.help && helpId(key), host.errorFor(key) && errorId(key))}
  >
    <legend part="label">${item.label}${requiredMark(host, key)}</legend>
    ${renderHelp(item, key)}
    <div class="options ${inline ? 'inline' : ''}">
      ${options.map(
        (option) => html`<label class="option">
          <input
            type="radio"
            name=${fieldId(key)}
            data-focus=${key}
            ?required=${host.engine.isRequired(key)}
            aria-invalid=${invalid(host, key)}
            .checked=${live(value === option.value)}
            @change=${() => host.setAnswer(key, option.value)}
          />
          <span>${option.label}</span>
        </label>`,
      )}
    </div>
    ${renderError(host, key)}
  </fieldset>`;
}

function renderSelect(host: FieldHost, item: Item<'single-choice'>, key: string): TemplateResult {
  const value = host.engine.getAnswer(key);
  return html`<div class="field" part="item" data-item=${item.id}>
    <label for=${fieldId(key)} part="label">${item.label}${requiredMark(host, key)}</label>
    ${renderHelp(item, key)}
    <select
      id=${fieldId(key)}
      data-focus=${key}
      ?required=${host.engine.isRequired(key)}
      aria-invalid=${invalid(host, key)}
      aria-describedby=${describedBy(item.help && helpId(key), host.errorFor(key) && errorId(key))}
      @change=${(event: Event) => {
        const selected = (event.target as HTMLSelectElement).value;
        host.setAnswer(key, selected === '' ? undefined : selected);
        host.touch(key);
      }}
    >
      <option value="" .selected=${value === undefined || value === null}>${host.l10n.t('choose')}</option>
      ${item.options.map((option) => html`<option value=${option.value} .selected=${value === option.value}>${option.label}</option>`)}
    </select>
    ${renderError(host, key)}
  </div>`;
}

function renderCheckboxes(host: FieldHost, item: Item<'multiple-choice'>, key: string): TemplateResult {
  const value = host.engine.getAnswer(key);
  const selected = Array.isArray(value) ? (value as string[]) : [];
  const toggle = (option: string, on: boolean) => {
    const next = item.options.map((entry) => entry.value).filter((entry) => (entry === option ? on : selected.includes(entry)));
    host.setAnswer(key, next.length > 0 ? next : undefined);
    host.touch(key);
  };
  return html`<fieldset
    class="field choice"
    part="item"
    data-item=${item.id}
    aria-describedby=${describedBy(item.help && helpId(key), host.errorFor(key) && errorId(key))}
  >
    <legend part="label">${item.label}${requiredMark(host, key)}</legend>
    ${renderHelp(item, key)}
    <div class="options">
      ${item.options.map(
        (option) => html`<label class="option">
          <input
            type="checkbox"
            data-focus=${key}
            aria-invalid=${invalid(host, key)}
            .checked=${live(selected.includes(option.value))}
            @change=${(event: Event) => toggle(option.value, (event.target as HTMLInputElement).checked)}
          />
          <span>${option.label}</span>
        </label>`,
      )}
    </div>
    ${renderError(host, key)}
  </fieldset>`;
}

function renderScale(host: FieldHost, item: Item<'scale'>, key: string): TemplateResult {
  const value = host.engine.getAnswer(key);
  const step = item.step ?? 1;
  const points: number[] = [];
  for (let point = item.min; point <= item.max; point += step) points.push(point);
  const anchorsId = `${fieldId(key)}-anchors`;
  const anchors = item.minLabel || item.maxLabel;
  return html`<fieldset
    class="field scale"
    part="item"
    data-item=${item.id}
    aria-describedby=${describedBy(anchors && anchorsId, item.help && helpId(key), host.errorFor(key) && errorId(key))}
  >
    <legend part="label">${item.label}${requiredMark(host, key)}</legend>
    ${renderHelp(item, key)}
    <div class="scale-points ${points.length > 11 ? 'wrap' : ''}" part="scale">
      <div class="scale-row">
        ${points.map(
          (point) => html`<label class="scale-point">
            <input
              type="radio"
              name=${fieldId(key)}
              data-focus=${key}
              ?required=${host.engine.isRequired(key)}
              aria-invalid=${invalid(host, key)}
              .checked=${live(value === point)}
              @change=${() => host.setAnswer(key, point)}
            />
            <span>${host.l10n.number(point)}</span>
          </label>`,
        )}
      </div>
    </div>
    ${anchors
      ? html`<p class="anchors" id=${anchorsId}>
          <span>${item.minLabel ? `${host.l10n.number(item.min)} = ${item.minLabel}` : ''}</span>
          <span>${item.maxLabel ? `${host.l10n.number(item.max)} = ${item.maxLabel}` : ''}</span>
        </p>`
      : nothing}
    ${renderError(host, key)}
  </fieldset>`;
}

const ADDRESS_FIELDS = [
  { part: 'line1', label: 'street', autocomplete: 'address-line1' },
  { part: 'line2', label: 'street2', autocomplete: 'address-line2' },
  { part: 'city', label: 'city', autocomplete: 'address-level2' },
  { part: 'region', label: 'region', autocomplete: 'address-level1' },
  { part: 'postalCode', label: 'postalCode', autocomplete: 'postal-code' },
] as const;

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

function renderAddress(host: FieldHost, item: Item<'address'>, key: string): TemplateResult {
  const raw = host.engine.getAnswer(key);
  const value: Partial<AddressAnswer> = raw && typeof raw === 'object' && !Array.isArray(raw) && 'line1' in raw ? raw : {};
  const update = (part: (typeof ADDRESS_FIELDS)[number]['part'], text: string) => {
    // The answer as it is now, not as rendered: autofill can fill every part before a re-render.
    const now = host.engine.getAnswer(key);
    const current: Partial<AddressAnswer> = now && typeof now === 'object' && !Array.isArray(now) && 'line1' in now ? now : {};
    const next: Record<string, string> = { line1: current.line1 ?? '', city: current.city ?? '' };
    for (const field of ['line2', 'region', 'postalCode'] as const) if (current[field]) next[field] = current[field]!;
    if (text) next[part] = text;
    else if (part === 'line1' || part === 'city') next[part] = '';
    else delete next[part];
    const empty = Object.values(next).every((entry) => !entry.trim());
    host.setAnswer(key, empty ? undefined : (next as unknown as AnswerValue));
  };
  const required = host.engine.isRequired(key);
  const invalidParts = addressInvalidParts(host.errorFor(key) !== undefined, value, required);
  return html`<fieldset class="field address" part="item" data-item=${item.id} aria-describedby=${describedBy(item.help && helpId(key), host.errorFor(key) && errorId(key))}>
    <legend part="label">${item.label}${requiredMark(host, key)}</legend>
    ${renderHelp(item, key)}
    <div class="address-grid">
      ${ADDRESS_FIELDS.map(
        (field) => html`<div class="subfield ${field.part}">
          <label for=${`${fieldId(key)}-${field.part}`}>${host.l10n.t(field.label)}</label>
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
              if (!next || !(event.currentTarget as Element).closest('fieldset')?.contains(next)) host.touch(key);
            }}
          />
        </div>`,
      )}
    </div>
    ${renderError(host, key)}
  </fieldset>`;
}

function renderGroup(host: FieldHost, item: Item<'group'>, key: string, scope: ScopeKey): TemplateResult {
  const count = host.engine.instanceCount(key);
  const label = item.label ?? host.l10n.t('defaultInstanceLabel');
  // An optional group's entries can all go: its minimum applies only once the patient answers it.
  const canRemove = count > (host.engine.isRequired(key) ? (item.minInstances ?? 0) : 0);
  const canAdd = item.maxInstances === undefined || count < item.maxInstances;
  const instances = Array.from({ length: count }, (_, index) => index);
  return html`<div class="group" part="group" data-item=${item.id}>
    ${item.help ? renderHelp(item, key) : nothing}
    ${instances.map(
      (index) => html`<fieldset class="instance" part="group-instance" data-instance=${`${key}[${index}]`}>
        <legend>${host.l10n.t('instanceLegend', label, index + 1)}</legend>
        ${renderItems(host, item.items, childScope(scope, item.id, index))}
        ${canRemove
          ? html`<button type="button" class="button link remove" @click=${() => host.removeInstance(key, index, item)}>
              ${host.l10n.t('removeInstance', label, index + 1)}
            </button>`
          : nothing}
      </fieldset>`,
    )}
    ${canAdd
      ? html`<button
          type="button"
          class="button add"
          data-add=${key}
          data-focus=${key}
          aria-describedby=${describedBy(host.errorFor(key) && errorId(key))}
          @click=${() => host.addInstance(key, item)}
        >
          ${item.addLabel ?? host.l10n.t('addInstance')}
        </button>`
      : nothing}
    ${renderError(host, key)}
  </div>`;
}
