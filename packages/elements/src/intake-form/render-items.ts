/**
 * The items of a page, one view per item type, all native controls. Hidden items are not
 * rendered at all; their answers stay in the engine.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { childScope, itemKey, type FormItem, type ScopeKey } from '@pxm/core/forms';
import { gridRunAt, renderChoiceGrid } from './choice-grid.js';
import { errorId, type FieldContext } from './field-context.js';
import { describedBy, paragraphs, renderError, renderHelp } from './field-markup.js';
import { heading } from './heading.js';
import { renderAddress } from './render-address.js';
import { renderCheckboxes, renderRadios, renderScale, renderSelect } from './render-choice-fields.js';
import { renderDate, renderLongText, renderNumber, renderTextInput } from './render-text-fields.js';

type Item<T extends FormItem['type']> = Extract<FormItem, { type: T }>;

/** Item types whose rendering depends only on their own answer, state and the language. */
const SIMPLE = new Set<FormItem['type']>(['text', 'phone', 'email', 'long-text', 'number', 'date', 'yes-no', 'single-choice', 'multiple-choice', 'scale', 'address', 'display']);

export function renderItems(context: FieldContext, items: readonly FormItem[], scope: ScopeKey): unknown[] {
  const views: unknown[] = [];
  for (let index = 0; index < items.length; index++) {
    // Questions that share one answer scale (LEFS) are one grid rather than stacked groups.
    const run = gridRunAt(items, index);
    if (run > 0) {
      views.push(renderChoiceGrid(context, items.slice(index, index + run) as Array<Item<'single-choice'>>, scope));
      index += run - 1;
      continue;
    }
    const item = items[index]!;
    const key = itemKey(scope, item.id);
    if (!context.engine.isVisible(key)) {
      views.push(nothing);
    } else if (!SIMPLE.has(item.type)) {
      views.push(renderItem(context, item, key, scope));
    } else {
      // A keystroke re-renders its own field only, however long the page.
      const dependencies = [item, context.engine.getAnswer(key), context.engine.isRequired(key), context.errorFor(key), context.numberText(key), context.today, context.epoch];
      views.push(guard(dependencies, () => renderItem(context, item, key, scope)));
    }
  }
  return views;
}

function renderItem(context: FieldContext, item: FormItem, key: string, scope: ScopeKey): TemplateResult {
  switch (item.type) {
    case 'text':
    case 'phone':
    case 'email':
      return renderTextInput(context, item, key);
    case 'long-text':
      return renderLongText(context, item, key);
    case 'number':
      return renderNumber(context, item, key);
    case 'date':
      return renderDate(context, item, key);
    case 'yes-no':
      return renderRadios(context, item, key, [
        { value: true, label: context.l10n.text('yes') },
        { value: false, label: context.l10n.text('no') },
      ]);
    case 'single-choice':
      return (item.display ?? (item.options.length > 6 ? 'dropdown' : 'radio')) === 'dropdown'
        ? renderSelect(context, item, key)
        : renderRadios(context, item, key, item.options.map((option) => ({ value: option.value, label: option.label })));
    case 'multiple-choice':
      return renderCheckboxes(context, item, key);
    case 'scale':
      return renderScale(context, item, key);
    case 'address':
      return renderAddress(context, item, key);
    // Parts loaded on demand; they arrive long before a patient reaches them, but just in case.
    case 'insurance-card':
      return context.cards?.render(context, item, key) ?? renderPending(context, item);
    case 'consent':
      return context.signing?.renderConsent(context, item, key) ?? renderPending(context, item);
    case 'signature':
      return context.signing?.renderSignature(context, item, key) ?? renderPending(context, item);
    case 'section':
      return html`<section class="section" part="section" data-item=${item.id}>
        ${item.title ? heading(context.itemHeadingLevel, item.title, { className: 'section-title' }) : nothing} ${renderHelp(item, key)}
        ${renderItems(context, item.items, scope)}
      </section>`;
    case 'group':
      return renderGroup(context, item, key, scope);
    case 'display':
      return html`<div class="display" part="display" data-item=${item.id}>${paragraphs(item.text)}</div>`;
  }
}

function renderPending(context: FieldContext, item: FormItem): TemplateResult {
  if (context.partsFailed) {
    return html`<div class="field notice error" part="item" data-item=${item.id} role="alert">
      <p>${context.l10n.text('partFailed')}</p>
      <button type="button" class="button" data-focus=${item.id} @click=${() => context.retryParts()}>${context.l10n.text('partRetry')}</button>
    </div>`;
  }
  return html`<div class="field pending" part="item" data-item=${item.id} role="status">
    <span class="spinner small" aria-hidden="true"></span>${context.l10n.text('loadingPart')}
  </div>`;
}

function renderGroup(context: FieldContext, item: Item<'group'>, key: string, scope: ScopeKey): TemplateResult {
  const { engine, l10n } = context;
  const count = engine.instanceCount(key);
  const label = item.label ?? l10n.text('defaultInstanceLabel');
  // An optional group's entries can all go: its minimum applies only once the patient answers it.
  const canRemove = count > (engine.isRequired(key) ? (item.minInstances ?? 0) : 0);
  const canAdd = item.maxInstances === undefined || count < item.maxInstances;
  const instances = Array.from({ length: count }, (_, index) => index);
  return html`<div class="group" part="group" data-item=${item.id}>
    ${item.help ? renderHelp(item, key) : nothing}
    ${instances.map(
      (index) => html`<fieldset class="instance" part="group-instance" data-instance=${`${key}[${index}]`}>
        <legend>${l10n.text('instanceLegend', label, index + 1)}</legend>
        ${renderItems(context, item.items, childScope(scope, item.id, index))}
        ${canRemove
          ? html`<button type="button" class="button link remove" @click=${() => context.removeInstance(key, index, item)}>
              ${l10n.text('removeInstance', label, index + 1)}
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
          aria-describedby=${describedBy(context.errorFor(key) && errorId(key))}
          @click=${() => context.addInstance(key, item)}
        >
          ${item.addLabel ?? l10n.text('addInstance')}
        </button>`
      : nothing}
    ${renderError(context, key)}
  </div>`;
}
