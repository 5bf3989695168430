/**
 * A generated intake definition for benchmarks: 300 items of mixed types, 40 of them shown by
 * conditions on 10 yes/no "trigger" questions (4 dependents each), on one page or spread over
 * several.
 */
import type { FormDefinition, FormItem } from '@pxm/core/forms';

export const TRIGGERS = 10;
export const CONDITIONS = 40;

export function generatedIntake(pages = 1, total = 300): FormDefinition {
  const items: FormItem[] = [];
  for (let t = 0; t < TRIGGERS; t++) items.push({ id: `trigger${t}`, type: 'yes-no', label: `Trigger question ${t + 1}?`, required: true });
  const kinds = ['text', 'number', 'single-choice', 'scale', 'date', 'multiple-choice', 'long-text', 'email'] as const;
  let conditioned = 0;
  for (let i = 0; items.length < total; i++) {
    const kind = kinds[i % kinds.length]!;
    const id = `q${i}`;
    const label = `Question ${i + 1}`;
    let item: FormItem;
    switch (kind) {
      case 'number':
        item = { id, type: 'number', label, min: 0, max: 100, step: 1 };
        break;
      case 'single-choice':
        item = { id, type: 'single-choice', label, display: 'radio', options: ['a', 'b', 'c', 'd'].map((value) => ({ value, label: `Option ${value}` })) };
        break;
      case 'multiple-choice':
        item = { id, type: 'multiple-choice', label, options: ['a', 'b', 'c'].map((value) => ({ value, label: `Option ${value}` })) };
        break;
      case 'scale':
        item = { id, type: 'scale', label, min: 0, max: 10, minLabel: 'None', maxLabel: 'Worst' };
        break;
      default:
        item = { id, type: kind, label, required: i % 3 === 0 };
    }
    // Conditional questions are spread through the form, four per trigger.
    if (i % 7 === 3 && conditioned < CONDITIONS) item.visibleWhen = { item: `trigger${conditioned++ % TRIGGERS}`, op: 'equals', value: true };
    items.push(item);
  }
  const perPage = Math.ceil(items.length / pages);
  return {
    id: 'generated',
    version: '1',
    title: 'Generated intake',
    pages: Array.from({ length: pages }, (_, page) => ({ id: `page${page + 1}`, title: `Page ${page + 1}`, items: items.slice(page * perPage, (page + 1) * perPage) })),
  };
}
