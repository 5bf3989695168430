/**
 * The patient's changes to their answers, as the callbacks of a `FieldContext`: each answer goes
 * into the engine, and what was shown about the answers becomes a new `FieldState`, which the
 * element takes (`commit`) as its reactive state.
 */
import { parseItemKey, type FormItem } from '@pxm/core/forms';
import type { FieldContext } from './field-context.js';
import * as validation from './field-validation.js';
import { validationMessage } from './validation-message.js';

type GroupItem = Extract<FormItem, { type: 'group' }>;

/** The render-time state both views and editing read; the `FieldContext` members of that name. */
type SharedState = Pick<
  FieldContext,
  'engine' | 'l10n' | 'today' | 'timeZone' | 'itemHeadingLevel' | 'epoch' | 'signing' | 'cards' | 'canUpload' | 'partsFailed' | 'retryParts'
>;

/** What editing needs: the element's state at this render, and where changes go. */
export interface FieldEditing extends SharedState {
  /** The field state now (it may have changed since this render). */
  fields(): validation.FieldState;
  /** Takes a new field state; `changedItemId` names the item whose answer changed (for autosave). */
  commit(fields: validation.FieldState, changedItemId?: string): void;
  announce(message: string): void;
  afterRender(action: () => void): void;
  focusSelector(selector: string): void;
}

export function fieldContextFor(editing: FieldEditing): FieldContext {
  const { engine, l10n, today } = editing;
  const setAnswer: FieldContext['setAnswer'] = (key, value) => {
    engine.setAnswer(key, value);
    editing.commit(validation.afterAnswerChanged(engine, editing.fields(), key, today), parseItemKey(key).id);
  };
  const entryLabel = (item: GroupItem) => item.label ?? l10n.text('defaultInstanceLabel');
  return {
    engine,
    l10n,
    today,
    timeZone: editing.timeZone,
    itemHeadingLevel: editing.itemHeadingLevel,
    epoch: editing.epoch,
    signing: editing.signing,
    cards: editing.cards,
    canUpload: editing.canUpload,
    partsFailed: editing.partsFailed,
    retryParts: () => editing.retryParts(),
    errorFor: (key) => {
      const result = editing.fields().shownErrors.get(key);
      const item = result && engine.isVisible(key) ? engine.itemOf(key) : undefined;
      return item && result ? validationMessage(l10n, item, result) : undefined;
    },
    numberText: (key) => editing.fields().numberTexts.get(key),
    setAnswer,
    setNumberText: (key, text) => {
      editing.commit(validation.withNumberText(editing.fields(), key, text));
      setAnswer(key, text.trim() === '' ? undefined : validation.parseNumber(text));
    },
    setUnreadableDate: (key, unreadable) => editing.commit(validation.withUnreadableDate(editing.fields(), key, unreadable)),
    // Blur also fires when a re-render removes a focused field: the state changes only when the error does.
    touch: (key) => editing.commit(validation.withRefreshedError(engine, editing.fields(), key, today, false)),
    addInstance: (groupKey, item) => {
      const index = engine.addInstance(groupKey);
      if (index < 0) return;
      editing.commit(validation.withoutError(editing.fields(), groupKey), item.id);
      editing.announce(l10n.text('instanceAdded', entryLabel(item), index + 1));
      editing.afterRender(() => editing.focusSelector(`[data-instance="${groupKey}[${index}]"] [data-focus]`));
    },
    removeInstance: (groupKey, index, item) => {
      engine.removeInstance(groupKey, index);
      // Keys of later entries shift by one: drop what was kept per entry of this group.
      const prefix = `${groupKey}[`;
      editing.signing?.forget(prefix);
      editing.cards?.forget(prefix);
      editing.commit(validation.withoutPrefix(editing.fields(), prefix), item.id);
      editing.announce(l10n.text('instanceRemoved', entryLabel(item), index + 1));
      editing.afterRender(() => editing.focusSelector(`[data-add="${groupKey}"]`));
    },
    formatInstant: (instant) => l10n.dateTime(instant, editing.timeZone, { dateStyle: 'medium', timeStyle: 'short' }),
  };
}
