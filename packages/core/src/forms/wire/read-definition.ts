/**
 * Reads a form definition without a schema library, reporting every problem with its path.
 * Mirrors `FormDefinitionSchema` (strict objects, the same bounds); `wire-readers.test.ts` holds
 * the two to the same verdict.
 */
import type { Condition, FormDefinition, FormItem } from '../../schemas/intake.js';
import { FORM_ITEM_TYPES } from '../item-types.js';
import {
  boolean,
  byType,
  id,
  itemId,
  label,
  lazy,
  list,
  literal,
  locale,
  longText,
  number,
  object,
  oneOf,
  optional,
  text,
  union,
  type Reader,
} from './read.js';

const conditionValue = union<string | number | boolean>([text(), number(), boolean], 'expected text, a number or true/false');

export const readCondition: Reader<Condition> = union<Condition>(
  [
    object({ item: id, op: oneOf(['equals', 'notEquals', 'gt', 'gte', 'lt', 'lte', 'exists', 'notExists']), value: optional(conditionValue) }, true),
    object({ all: list(lazy(() => readCondition)) }, true),
    object({ any: list(lazy(() => readCondition)) }, true),
  ] as Array<Reader<Condition>>,
  'expected {item, op, value?}, {all: [...]} or {any: [...]}',
);

const option = object(
  {
    value: text(1, 200),
    label,
    score: optional(number()),
    system: optional(text(0, 500)),
    valueType: optional(oneOf(['coding', 'string', 'integer', 'date'])),
  },
  true,
);

const base = {
  id: itemId,
  linkId: optional(text(1, 255)),
  label: optional(longText),
  help: optional(longText),
  required: optional(boolean),
  visibleWhen: optional(readCondition),
  requiredWhen: optional(readCondition),
};

const autocomplete = optional(text(0, 100));
const maxLength = optional(number({ int: true, min: 1, max: 100_000 }));
const items = list(lazy(() => readItem));

const shapes: Record<(typeof FORM_ITEM_TYPES)[number], Record<string, Reader<unknown>>> = {
  text: { maxLength, autocomplete, pattern: optional(text(0, 500)), entryFormat: optional(text(1, 100)) },
  'long-text': { maxLength },
  number: { min: optional(number()), max: optional(number()), step: optional(number({ above: 0 })), unit: optional(text(0, 40)) },
  date: { min: optional(text()), max: optional(text()), autocomplete },
  'yes-no': {},
  'single-choice': { options: list(option, 1), display: optional(oneOf(['radio', 'dropdown'])) },
  'multiple-choice': { options: list(option, 1), minSelected: optional(number({ int: true, min: 0 })), maxSelected: optional(number({ int: true, min: 1 })) },
  scale: { min: number({ int: true }), max: number({ int: true }), step: optional(number({ int: true, min: 1 })), minLabel: optional(label), maxLabel: optional(label) },
  phone: { autocomplete },
  email: { autocomplete },
  address: { autocomplete },
  'insurance-card': { sides: optional(list(oneOf(['front', 'back']))) },
  consent: { consentId: id, version: text(1, 50), title: label, text: longText, disclosure: optional(longText) },
  signature: { consentItemId: optional(id) },
  section: { title: optional(label), items },
  group: { items, minInstances: optional(number({ int: true, min: 0 })), maxInstances: optional(number({ int: true, min: 1 })), addLabel: optional(label) },
  display: { text: longText },
};

export const readItem: Reader<FormItem> = byType(
  Object.fromEntries(FORM_ITEM_TYPES.map((type) => [type, object({ ...base, type: literal(type), ...shapes[type] }, true) as Reader<FormItem>])),
);

const range = object({ min: number(), max: number() }, true);

const scoringRule = object(
  {
    id,
    label,
    shortLabel: optional(text(1, 40)),
    algorithm: optional(text(1, 100)),
    method: oneOf(['sum', 'mean', 'percentage']),
    items: list(itemId, 1, 500),
    reverse: optional(list(itemId)),
    itemRange: optional(range),
    minAnswered: optional(number({ int: true, min: 1 })),
    missing: optional(oneOf(['exclude', 'prorate'])),
    scoreRange: optional(range),
    direction: oneOf(['higher-better', 'higher-worse']),
    mcid: optional(number({ above: 0 })),
    mcidSource: optional(text(0, 300)),
    decimals: optional(number({ int: true, min: 0, max: 4 })),
    loinc: optional(text(0, 20)),
  },
  true,
);

const page = object(
  { id, linkId: optional(text(1, 255)), title: label, description: optional(longText), visibleWhen: optional(readCondition), items: list(readItem) },
  true,
);

export const readFormDefinition = object(
  {
    id,
    version: text(1, 50),
    title: label,
    description: optional(longText),
    locale: optional(locale),
    url: optional(text(0, 1000)),
    nextSteps: optional(longText),
    nextStepsWhen: optional(list(object({ when: readCondition, text: longText }, true))),
    pages: list(page, 1),
    scoring: optional(list(scoringRule)),
  },
  true,
) as unknown as Reader<FormDefinition>;
