/**
 * Checks a form definition before anything renders it: the schema first, then what a schema
 * cannot say (duplicate ids, conditions that name unknown items or compare with the wrong kind
 * of value, references across repeating-group instances, cycles, scoring rules that read
 * unscorable items). Every problem names the item id and the path, so a developer can fix the
 * definition from the list alone.
 */
import { FormDefinitionSchema, type Condition, type FormDefinition, type FormItem } from '../schemas/intake.js';
import { isLocalDate } from '../time/local-date.js';
import { isRule } from './condition.js';
import { buildDependencyGraph } from './dependency-graph.js';
import { indexForm, isAnswerless, pageNodeId, type FormIndex, type NodeId } from './form-index.js';
import { scorableRange } from '../prom/score.js';
import { hideEnumerablePrototypeKeys } from '../util/enumerable-prototype.js';
import type { DefinitionCheck, DefinitionProblem, DefinitionProblemCode } from './definition-problem.js';
import { schemaProblems } from './definition-schema-problems.js';

export type { DefinitionCheck, DefinitionProblem, DefinitionProblemCode } from './definition-problem.js';

/** Paths of every page and item in the parsed definition, for messages. */
function pathsOf(definition: FormDefinition): Map<string, string> {
  const paths = new Map<string, string>();
  const walk = (items: readonly FormItem[], prefix: string) =>
    items.forEach((item, position) => {
      const path = `${prefix}.items.${position}`;
      if (!paths.has(item.id)) paths.set(item.id, path);
      if (item.type === 'section' || item.type === 'group') walk(item.items, path);
    });
  definition.pages.forEach((page, position) => {
    paths.set(pageNodeId(page.id), `pages.${position}`);
    walk(page.items, `pages.${position}`);
  });
  return paths;
}

const describeNode = (node: NodeId) => (node.startsWith('page:') ? `page "${node.slice(5)}"` : `"${node}"`);

function checkConditions(index: FormIndex, paths: Map<string, string>, problems: DefinitionProblem[]): void {
  const check = (owner: NodeId, field: 'visibleWhen' | 'requiredWhen', condition: Condition | undefined) => {
    if (!condition) return;
    const ownerGroups = index.items.get(owner)?.groups ?? [];
    const path = `${paths.get(owner)}.${field}`;
    const ownerId = owner.startsWith('page:') ? owner.slice(5) : owner;
    const report = (code: DefinitionProblemCode, message: string) => problems.push({ code, path, itemId: ownerId, message: `${describeNode(owner)} ${field}: ${message}` });
    const visit = (part: Condition) => {
      if (!isRule(part)) {
        for (const inner of 'all' in part ? part.all : part.any) visit(inner);
        return;
      }
      const target = index.items.get(part.item);
      if (!target) return report('unknown_reference', `refers to "${part.item}", which is not an item of this form.`);
      const item = target.item;
      if (isAnswerless(item)) return report('unanswerable_reference', `refers to "${part.item}", a ${item.type} that takes no answer.`);
      const prefix = target.groups.every((group, depth) => ownerGroups[depth] === group);
      if (!prefix) {
        return report('scope_reference', `refers to "${part.item}" inside repeating group "${target.groups[target.groups.length - 1]}" from outside that group; conditions may only read items of the same group instance or outside it.`);
      }
      if (part.op === 'exists' || part.op === 'notExists') return;
      if (part.value === undefined) return report('missing_value', `the "${part.op}" rule on "${part.item}" needs a value.`);
      const ordering = part.op !== 'equals' && part.op !== 'notEquals';
      const value = part.value;
      switch (item.type) {
        case 'yes-no':
        case 'consent':
          if (ordering) return report('operator_type', `"${part.op}" cannot compare the yes/no answer of "${part.item}".`);
          if (typeof value !== 'boolean') return report('value_type', `"${part.item}" is answered yes or no; compare it with true or false.`);
          return;
        case 'number':
        case 'scale':
          if (typeof value !== 'number') return report('value_type', `"${part.item}" holds a number; compare it with a number, not ${JSON.stringify(value)}.`);
          return;
        case 'date':
          if (typeof value !== 'string' || !isLocalDate(value)) return report('value_type', `"${part.item}" holds a date; compare it with a YYYY-MM-DD date.`);
          return;
        case 'single-choice':
        case 'multiple-choice':
          if (ordering) return report('operator_type', `"${part.op}" cannot order the choices of "${part.item}"; use equals or notEquals.`);
          if (!item.options.some((option) => option.value === String(value))) {
            return report('unknown_option', `"${JSON.stringify(value)}" is not an option of "${part.item}" (options: ${item.options.map((o) => o.value).join(', ')}).`);
          }
          return;
        case 'text':
        case 'long-text':
        case 'phone':
        case 'email':
          if (typeof value !== 'string') return report('value_type', `"${part.item}" holds text; compare it with text.`);
          return;
        default:
          return report('operator_type', `a ${item.type} answer can only be tested with exists or notExists.`);
      }
    };
    visit(condition);
  };

  for (const page of index.pages.values()) check(pageNodeId(page.id), 'visibleWhen', page.visibleWhen);
  for (const id of index.itemIds) {
    const { item } = index.items.get(id)!;
    check(id, 'visibleWhen', item.visibleWhen);
    check(id, 'requiredWhen', item.requiredWhen);
  }
}

function checkItems(index: FormIndex, paths: Map<string, string>, problems: DefinitionProblem[]): void {
  for (const id of index.itemIds) {
    const { item } = index.items.get(id)!;
    const path = paths.get(id)!;
    const report = (code: DefinitionProblemCode, message: string) => problems.push({ code, path, itemId: id, message: `"${id}": ${message}` });
    switch (item.type) {
      case 'number':
        if (item.min !== undefined && item.max !== undefined && item.min > item.max) report('bad_range', `min ${item.min} is above max ${item.max}.`);
        break;
      case 'scale':
        if (item.min >= item.max) report('bad_range', `a scale needs min below max (got ${item.min} to ${item.max}).`);
        else if (item.max - item.min > 100) report('bad_range', 'a scale may span at most 100 steps; use a number item for wider ranges.');
        break;
      case 'date':
        for (const bound of [item.min, item.max]) {
          if (bound !== undefined && bound !== 'today' && !isLocalDate(bound)) report('bad_range', `date bound "${bound}" is neither YYYY-MM-DD nor "today".`);
        }
        if (item.min && item.max && isLocalDate(item.min) && isLocalDate(item.max) && item.min > item.max) report('bad_range', `min ${item.min} is after max ${item.max}.`);
        break;
      case 'text':
        if (item.pattern !== undefined) {
          try {
            new RegExp(item.pattern, 'u');
          } catch {
            report('bad_pattern', `pattern ${JSON.stringify(item.pattern)} is not a valid regular expression.`);
          }
        }
        break;
      case 'single-choice':
      case 'multiple-choice': {
        const seen = new Set<string>();
        for (const option of item.options) {
          if (seen.has(option.value)) report('duplicate_option', `the option value "${option.value}" appears twice.`);
          seen.add(option.value);
        }
        if (item.type === 'multiple-choice') {
          if (item.minSelected !== undefined && item.maxSelected !== undefined && item.minSelected > item.maxSelected) {
            report('bad_range', `minSelected ${item.minSelected} is above maxSelected ${item.maxSelected}.`);
          }
          if (item.minSelected !== undefined && item.minSelected > item.options.length) report('bad_range', `minSelected ${item.minSelected} exceeds the ${item.options.length} options.`);
        }
        break;
      }
      case 'group':
        if (item.minInstances !== undefined && item.maxInstances !== undefined && item.minInstances > item.maxInstances) {
          report('bad_range', `minInstances ${item.minInstances} is above maxInstances ${item.maxInstances}.`);
        }
        if (item.items.length === 0) report('empty_container', 'a repeating group needs at least one item.');
        break;
      case 'section':
        if (item.items.length === 0) report('empty_container', 'a section needs at least one item.');
        break;
      case 'signature':
        if (item.consentItemId !== undefined && index.items.get(item.consentItemId)?.item.type !== 'consent') {
          report('unknown_consent', `consentItemId "${item.consentItemId}" is not a consent item of this form.`);
        }
        break;
      default:
        break;
    }
  }
}

function checkScoring(definition: FormDefinition, index: FormIndex, problems: DefinitionProblem[]): void {
  const seen = new Set<string>();
  (definition.scoring ?? []).forEach((rule, position) => {
    const path = `scoring.${position}`;
    const report = (message: string, itemId?: string) =>
      problems.push({ code: 'scoring', path, ...(itemId ? { itemId } : {}), message: `Scoring "${rule.id}": ${message}` });
    if (seen.has(rule.id)) report('the id appears twice.');
    seen.add(rule.id);
    let repeating = false;
    for (const id of rule.items) {
      const target = index.items.get(id);
      if (!target) {
        report(`reads "${id}", which is not an item of this form.`, id);
        continue;
      }
      if (target.groups.length > 0) repeating = true;
      if (scorableRange(target.item) === null) report(`"${id}" (${target.item.type}) gives no number; score scales, numbers or choices with scores.`, id);
    }
    for (const id of rule.reverse ?? []) {
      if (!rule.items.includes(id)) report(`reverse-scores "${id}", which is not one of its items.`, id);
    }
    if (!repeating && rule.minAnswered !== undefined && rule.minAnswered > rule.items.length) {
      report(`minAnswered ${rule.minAnswered} exceeds its ${rule.items.length} items.`);
    }
    if (rule.itemRange && rule.itemRange.min >= rule.itemRange.max) report('itemRange needs min below max.');
    if (rule.table && rule.method !== 'sum') report('a conversion table needs method "sum".');
    if (rule.table && rule.missing === 'prorate') report('a conversion table reads whole sums, so it cannot prorate.');
  });
}

/**
 * What the schema cannot say, checked on a definition the schema already accepted (an adapter's
 * reply is parsed once, at the element boundary; this does not parse it again).
 */
export function definitionRuleProblems(definition: FormDefinition): DefinitionProblem[] {
  const index = indexForm(definition);
  const paths = pathsOf(definition);
  const problems: DefinitionProblem[] = index.duplicates.map(({ id, path }) => ({
    code: 'duplicate_id' as const,
    path,
    itemId: id,
    message: `The id "${id}" is used more than once; every page and item needs its own id.`,
  }));
  checkItems(index, paths, problems);
  checkConditions(index, paths, problems);
  checkScoring(definition, index, problems);
  for (const cycle of buildDependencyGraph(index).cycles) {
    const first = cycle[0]!;
    const named = [...new Set(cycle.map((node) => (node.startsWith('page:') ? node.slice(5) : node)))];
    problems.push({
      code: 'condition_cycle',
      path: paths.get(first) ?? '',
      itemId: named[0]!,
      ...(named.length > 1 ? { itemIds: named } : {}),
      message: `Conditions form a cycle, so these items could never be shown or hidden consistently: ${cycle.map(describeNode).join(' depends on ')}.`,
    });
  }
  return problems;
}

/**
 * Parses a definition given as a value (not an adapter reply) with `FormDefinitionSchema`, once,
 * and checks its rules; `definition` is set only when nothing is wrong.
 */
export function checkFormDefinition(input: unknown): DefinitionCheck {
  hideEnumerablePrototypeKeys();
  const parsed = FormDefinitionSchema.safeParse(input);
  if (!parsed.success) return { definition: undefined, problems: schemaProblems(input, parsed.error.issues) };
  const problems = definitionRuleProblems(parsed.data);
  return { definition: problems.length === 0 ? parsed.data : undefined, problems };
}
