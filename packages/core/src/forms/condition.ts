/**
 * The condition evaluator. Semantics follow FHIR `enableWhen`, so imported Questionnaires keep
 * their meaning:
 * - an item with no answer (or a hidden one) makes every operator false except `notExists`;
 * - on a multiple-choice answer `equals` holds when any selected value equals, `notEquals` when
 *   none does, and the ordering operators hold when any selected value satisfies them;
 * - `gt`/`gte`/`lt`/`lte` compare numbers numerically, `YYYY-MM-DD` dates and other text in
 *   code-point order; comparing a number with text is false;
 * - a consent answer compares as its `agreed` flag.
 */
import type { AnswerValue, Condition, ConditionOperator, ConditionValue } from '../schemas/intake.js';
import { isAnswered } from './answered.js';

/** Reads the effective answer of an item for a condition (undefined when hidden or blank). */
export type AnswerLookup = (itemId: string) => AnswerValue | undefined;

export function isRule(condition: Condition): condition is Extract<Condition, { item: string }> {
  return 'item' in condition;
}

/** Every item id a condition reads, each once, in first-seen order. */
export function conditionRefs(condition: Condition | undefined, into: string[] = []): string[] {
  if (!condition) return into;
  if (isRule(condition)) {
    if (!into.includes(condition.item)) into.push(condition.item);
  } else {
    for (const part of 'all' in condition ? condition.all : condition.any) conditionRefs(part, into);
  }
  return into;
}

type Scalar = string | number | boolean;

/** The comparable scalars inside an answer; objects other than consent have none. */
function scalarsOf(value: AnswerValue | undefined): Scalar[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return [value];
  if (Array.isArray(value)) return value.filter((entry): entry is string => typeof entry === 'string');
  if ('agreed' in value) return [value.agreed];
  return [];
}

function asNumber(value: Scalar): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

function equal(answer: Scalar, expected: ConditionValue): boolean {
  if (answer === expected) return true;
  if (typeof answer === 'boolean' || typeof expected === 'boolean') {
    return String(answer) === String(expected);
  }
  if (typeof answer === 'number' || typeof expected === 'number') {
    const a = asNumber(answer);
    const b = asNumber(expected);
    return a !== undefined && b !== undefined && a === b;
  }
  return false;
}

/** -1, 0, 1, or undefined when the two cannot be ordered. */
function compare(answer: Scalar, expected: ConditionValue): number | undefined {
  if (typeof answer === 'boolean' || typeof expected === 'boolean') return undefined;
  if (typeof answer === 'number' || typeof expected === 'number') {
    const a = asNumber(answer);
    const b = asNumber(expected);
    if (a === undefined || b === undefined) return undefined;
    return Math.sign(a - b);
  }
  return answer < expected ? -1 : answer > expected ? 1 : 0;
}

export function evaluateRule(op: ConditionOperator, value: AnswerValue | undefined, expected: ConditionValue | undefined): boolean {
  const answered = isAnswered(value);
  if (op === 'exists') return answered;
  if (op === 'notExists') return !answered;
  if (!answered || expected === undefined) return false;
  const scalars = scalarsOf(value);
  if (op === 'equals') return scalars.some((scalar) => equal(scalar, expected));
  if (op === 'notEquals') return scalars.length > 0 && !scalars.some((scalar) => equal(scalar, expected));
  return scalars.some((scalar) => {
    const order = compare(scalar, expected);
    if (order === undefined) return false;
    switch (op) {
      case 'gt':
        return order > 0;
      case 'gte':
        return order >= 0;
      case 'lt':
        return order < 0;
      default:
        return order <= 0;
    }
  });
}

/** Evaluates a condition tree; `all: []` is true and `any: []` is false, as in logic. */
export function evaluateCondition(condition: Condition, lookup: AnswerLookup): boolean {
  if (isRule(condition)) return evaluateRule(condition.op, lookup(condition.item), condition.value);
  if ('all' in condition) return condition.all.every((part) => evaluateCondition(part, lookup));
  return condition.any.some((part) => evaluateCondition(part, lookup));
}
