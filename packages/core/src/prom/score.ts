/**
 * The outcome-measure scoring engine: turns answers into a score by a `ScoringRule`, or says
 * why it cannot (`null` with a reason) rather than guess. Answers passed in should be the
 * response answers (hidden items removed); an item the patient could not see counts as missing.
 */
import type { AnswerValue, Answers, FormDefinition, FormItem } from '../schemas/intake.js';
import { validateAnswer } from '../forms/validation.js';
import type { ScoringRule } from './scoring-rule.js';

export type ScoreReason =
  /** Fewer items answered than the rule's minimum. */
  | 'not_enough_answers'
  /** An answer that is not a number in the item's range. */
  | 'invalid_answer'
  /** Nothing to score (a repeating group with no instances). */
  | 'no_items';

export interface PromResult {
  instrument: string;
  algorithm: string | undefined;
  /** The score, rounded by the rule; `null` when the answers do not allow one. */
  score: number | null;
  reason: ScoreReason | undefined;
  /** Items with a usable answer, and items in all (instances counted one by one). */
  answered: number;
  total: number;
  /** The items whose answers were invalid (ids only). */
  invalidItems: string[];
}

export interface ValueRange {
  min: number;
  max: number;
}

/**
 * The range of numbers an item gives, `null` when it gives none. Number items without bounds
 * give `{min: -Infinity, max: Infinity}` (scorable, but not reversible).
 */
export function scorableRange(item: FormItem): ValueRange | null {
  switch (item.type) {
    case 'scale':
      return { min: item.min, max: item.max };
    case 'number':
      return { min: item.min ?? -Infinity, max: item.max ?? Infinity };
    case 'single-choice': {
      const points = item.options.map(optionPoints).filter((value): value is number => value !== undefined);
      if (points.length === 0) return null;
      return { min: Math.min(...points), max: Math.max(...points) };
    }
    default:
      return null;
  }
}

function optionPoints(option: { value: string; score?: number | undefined }): number | undefined {
  if (option.score !== undefined) return option.score;
  const numeric = Number(option.value);
  return option.value.trim() !== '' && Number.isFinite(numeric) ? numeric : undefined;
}

/**
 * The number an answer gives: `undefined` when unanswered, `NaN` when unusable. An answer the
 * item itself would refuse (2.5 on a 0-10 scale, a number off its step) is unusable.
 */
export function itemPoints(item: FormItem, value: AnswerValue | undefined): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  // The form's own rule decides what a valid answer is; dates play no part in scoring.
  if (validateAnswer(item, value, { required: false, today: '' }) !== undefined) return Number.NaN;
  if (item.type === 'scale' || item.type === 'number') {
    return typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;
  }
  if (item.type === 'single-choice') {
    const option = typeof value === 'string' ? item.options.find((candidate) => candidate.value === value) : undefined;
    return option ? (optionPoints(option) ?? Number.NaN) : Number.NaN;
  }
  return Number.NaN;
}

/** Rounds half away from zero, immune to binary fractions such as 2.675. */
export function roundScore(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(12));
  const rounded = (Math.sign(value) * Math.round(scaled)) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

interface Located {
  item: FormItem;
  /** Repeating groups around the item, outermost first. */
  groups: string[];
}

function locate(definition: FormDefinition): Map<string, Located> {
  const found = new Map<string, Located>();
  const walk = (items: readonly FormItem[], groups: string[]) => {
    for (const item of items) {
      if (!found.has(item.id)) found.set(item.id, { item, groups });
      if (item.type === 'section') walk(item.items, groups);
      if (item.type === 'group') walk(item.items, [...groups, item.id]);
    }
  };
  for (const page of definition.pages) walk(page.items, []);
  return found;
}

/** Every value slot of an item: one at the top level, one per instance inside groups. */
function slotValues(answers: Answers, groups: readonly string[], id: string): Array<AnswerValue | undefined> {
  let records: Answers[] = [answers];
  for (const group of groups) {
    records = records.flatMap((record) => {
      const list = record[group];
      return Array.isArray(list) ? (list.filter((entry) => typeof entry === 'object' && entry !== null) as Answers[]) : [];
    });
  }
  return records.map((record) => record[id]);
}

/** Scores one rule against response answers. */
export function scoreRule(rule: ScoringRule, definition: FormDefinition, answers: Answers): PromResult {
  const located = locate(definition);
  const reverse = new Set(rule.reverse ?? []);
  const values: number[] = [];
  const invalidItems: string[] = [];
  let total = 0;
  let lowest: number | undefined;
  let highest: number | undefined;

  for (const id of rule.items) {
    const where = located.get(id);
    if (!where) continue;
    const range = rule.itemRange ?? scorableRange(where.item);
    if (range) {
      lowest = lowest === undefined ? range.min : Math.min(lowest, range.min);
      highest = highest === undefined ? range.max : Math.max(highest, range.max);
    }
    for (const value of slotValues(answers, where.groups, id)) {
      total += 1;
      const points = itemPoints(where.item, value);
      if (points === undefined) continue;
      const inRange = range !== null && points >= range.min && points <= range.max;
      if (Number.isNaN(points) || !inRange) {
        if (!invalidItems.includes(id)) invalidItems.push(id);
        continue;
      }
      values.push(reverse.has(id) && range ? range.min + range.max - points : points);
    }
  }

  const result = (score: number | null, reason?: ScoreReason): PromResult => ({
    instrument: rule.id,
    algorithm: rule.algorithm,
    score,
    reason,
    answered: values.length,
    total,
    invalidItems,
  });

  if (invalidItems.length > 0) return result(null, 'invalid_answer');
  if (total === 0) return result(null, 'no_items');
  const minimum = Math.min(rule.minAnswered ?? total, total);
  if (values.length < Math.max(1, minimum)) return result(null, 'not_enough_answers');

  const sum = values.reduce((acc, value) => acc + value, 0);
  let raw: number;
  switch (rule.method) {
    case 'sum':
      raw = rule.missing === 'prorate' ? (sum * total) / values.length : sum;
      break;
    case 'mean':
      raw = sum / values.length;
      break;
    case 'percentage': {
      const min = rule.itemRange?.min ?? lowest ?? 0;
      const max = rule.itemRange?.max ?? highest ?? 0;
      if (!Number.isFinite(min) || !Number.isFinite(max) || max <= min) return result(null, 'invalid_answer');
      raw = ((sum - min * values.length) / ((max - min) * values.length)) * 100;
      break;
    }
  }
  if (rule.table) {
    // A published table converts whole raw sums only; anything else has no published score.
    const row = rule.method === 'sum' && Number.isInteger(raw) ? rule.table[raw] : undefined;
    if (row === undefined) return result(null, 'invalid_answer');
    raw = row;
  }
  const decimals = rule.decimals ?? (rule.method === 'sum' ? 0 : 1);
  return result(roundScore(raw, decimals));
}

/** Scores every rule of a definition. */
export function scoreForm(definition: FormDefinition, answers: Answers): PromResult[] {
  return (definition.scoring ?? []).map((rule) => scoreRule(rule, definition, answers));
}
