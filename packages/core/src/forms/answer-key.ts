/**
 * Addresses of answers. A top-level item is addressed by its id (`phone`); an item inside a
 * repeating group by the instance path and its id (`medications[1]/dose`, nested groups chain:
 * `visits[0]/notes[2]/text`). Item ids never contain `[`, `]` or `/`, so keys parse unambiguously.
 *
 * Answers are kept immutable: writing returns a new object that shares every untouched branch.
 */
import type { AnswerValue, Answers } from '../schemas/intake.js';

export interface ScopeStep {
  group: string;
  index: number;
}

/** `''` for the top level, else `group[i]` steps joined by `/`. */
export type ScopeKey = string;

export function scopeKeyOf(steps: readonly ScopeStep[]): ScopeKey {
  return steps.map((step) => `${step.group}[${step.index}]`).join('/');
}

export function itemKey(scope: ScopeKey, id: string): string {
  return scope ? `${scope}/${id}` : id;
}

export function childScope(scope: ScopeKey, group: string, index: number): ScopeKey {
  return itemKey(scope, `${group}[${index}]`);
}

const STEP = /^([A-Za-z][\w.-]*)\[(\d+)\]$/;

export function parseScope(scope: ScopeKey): ScopeStep[] {
  if (!scope) return [];
  return scope.split('/').map((part) => {
    const match = STEP.exec(part);
    if (!match) throw new Error(`Not an answer scope: ${scope}`);
    return { group: match[1]!, index: Number(match[2]) };
  });
}

export function parseItemKey(key: string): { scope: ScopeKey; id: string } {
  const slash = key.lastIndexOf('/');
  return slash < 0 ? { scope: '', id: key } : { scope: key.slice(0, slash), id: key.slice(slash + 1) };
}

/** The first `depth` steps of a scope. */
export function truncateScope(scope: ScopeKey, depth: number): ScopeKey {
  if (depth === 0 || !scope) return '';
  const parts = scope.split('/');
  return parts.length <= depth ? scope : parts.slice(0, depth).join('/');
}

export function scopeDepth(scope: ScopeKey): number {
  return scope ? scope.split('/').length : 0;
}

function isInstanceList(value: AnswerValue | undefined): value is Answers[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'object' && entry !== null && !Array.isArray(entry));
}

/** The answers record of one scope, or undefined when the instance does not exist. */
export function answersAt(answers: Answers, scope: ScopeKey): Answers | undefined {
  let current: Answers | undefined = answers;
  for (const step of parseScope(scope)) {
    const list: AnswerValue | undefined = current?.[step.group];
    if (!isInstanceList(list)) return undefined;
    current = list[step.index];
  }
  return current;
}

export function readAnswer(answers: Answers, key: string): AnswerValue | undefined {
  const { scope, id } = parseItemKey(key);
  return answersAt(answers, scope)?.[id];
}

/** The instances of a repeating group in a scope (empty when none). */
export function instancesOf(answers: Answers, scope: ScopeKey, group: string): readonly Answers[] {
  const list = answersAt(answers, scope)?.[group];
  return isInstanceList(list) ? list : [];
}

/** Rewrites the record at `scope` with `change`, copying only the path to it. */
export function updateAt(answers: Answers, scope: ScopeKey, change: (record: Answers) => Answers): Answers {
  const steps = parseScope(scope);
  const rewrite = (record: Answers, depth: number): Answers => {
    if (depth === steps.length) return change(record);
    const step = steps[depth]!;
    const list = record[step.group];
    const instances = isInstanceList(list) ? [...list] : [];
    while (instances.length <= step.index) instances.push({});
    instances[step.index] = rewrite(instances[step.index]!, depth + 1);
    return { ...record, [step.group]: instances };
  };
  return rewrite(answers, 0);
}

/** Sets (or, with `undefined`, removes) one answer. */
export function writeAnswer(answers: Answers, key: string, value: AnswerValue | undefined): Answers {
  const { scope, id } = parseItemKey(key);
  return updateAt(answers, scope, (record) => {
    if (value === undefined) {
      if (!(id in record)) return record;
      const rest = { ...record };
      delete rest[id];
      return rest;
    }
    return { ...record, [id]: value };
  });
}
