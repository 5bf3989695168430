/**
 * The form engine: answers in, what is visible, required, valid and done out. No DOM.
 *
 * Visibility is kept per node instance (an item inside a repeating group has one state per
 * instance) and updated incrementally: changing one answer re-evaluates only the nodes that read
 * it, in dependency order, and goes further only where a visibility actually flipped. The
 * `evaluations` counter makes that measurable.
 *
 * A hidden item keeps its answer (Back never loses anything; showing the item again brings the
 * answer back), but counts as unanswered for conditions, validation, progress and scoring, and
 * is left out of `responseAnswers()`.
 */
import { AdapterError } from '../errors/adapter-error.js';
import type { AnswerValue, Answers, FormDefinition, FormItem, FormPage } from '../schemas/intake.js';
import { isAnswered } from './answered.js';
import { answersAt, childScope, instancesOf, itemKey, parseItemKey, parseScope, readAnswer, scopeDepth, truncateScope, updateAt, writeAnswer, type ScopeKey } from './answer-key.js';
import { evaluateCondition } from './condition.js';
import { buildDependencyGraph, visibleWhenOf, type DependencyGraph, type DependencyKind } from './dependency-graph.js';
import { indexForm, isAnswerless, pageNodeId, type FormIndex, type IndexedItem, type NodeId } from './form-index.js';
import { RankQueue } from './rank-queue.js';
import { isEmptyInstance, storedAnswer, validateAnswer, type FieldIssue } from './validation.js';

export interface RequiredProgress {
  /** Required questions currently shown. */
  required: number;
  /** Of those, how many have an answer. */
  answered: number;
}

export interface ValidateOptions {
  /** The patient's today, `YYYY-MM-DD`. */
  today: string;
  /**
   * Check only the answers given (their type, range, scale points, pattern), not whether required
   * questions were answered: what a backend checks before it stores answers.
   */
  answeredOnly?: boolean;
}

interface Work {
  node: NodeId;
  scope: ScopeKey;
  kind: DependencyKind;
}

export class FormEngine {
  readonly definition: FormDefinition;
  readonly index: FormIndex;
  readonly graph: DependencyGraph;
  /** Condition evaluations since construction (visibility and requiredWhen); for tests and benchmarks. */
  evaluations = 0;

  private current: Answers;
  /** Visibility per node instance key (`page:<id>`, `phone`, `meds[0]/dose`). */
  private readonly visible = new Map<string, boolean>();
  /** Whether `requiredWhen` holds, per item instance key. */
  private readonly requiredWhen = new Map<string, boolean>();
  /** Items inside each repeating group (at any depth), in rank order. */
  private readonly groupMembers = new Map<string, string[]>();

  /** Expects a definition that passed `checkFormDefinition`; throws on a condition cycle. */
  constructor(definition: FormDefinition, answers: Answers = {}) {
    this.definition = definition;
    this.index = indexForm(definition);
    this.graph = buildDependencyGraph(this.index);
    if (this.graph.cycles.length > 0) {
      throw new Error(`Form "${definition.id}" has a condition cycle: ${this.graph.cycles[0]!.join(' -> ')}`);
    }
    for (const id of this.rankedItems()) {
      for (const group of this.index.items.get(id)!.groups) {
        const members = this.groupMembers.get(group) ?? [];
        members.push(id);
        this.groupMembers.set(group, members);
      }
    }
    this.current = this.withMinimumInstances(answers, this.allItems());
    this.evaluateEverything();
  }

  // ------------------------------------------------------------------ reading

  get answers(): Answers {
    return this.current;
  }

  getAnswer(key: string): AnswerValue | undefined {
    return readAnswer(this.current, key);
  }

  itemOf(key: string): FormItem | undefined {
    return this.index.items.get(parseItemKey(key).id)?.item;
  }

  isVisible(key: string): boolean {
    return this.visible.get(key) === true;
  }

  isPageVisible(pageId: string): boolean {
    return this.visible.get(pageNodeId(pageId)) === true;
  }

  isRequired(key: string): boolean {
    if (!this.isVisible(key)) return false;
    const item = this.itemOf(key);
    if (!item || isAnswerless(item)) return false;
    if (item.required !== true && this.requiredWhen.get(key) !== true) return false;
    return !this.inUntouchedOptionalEntry(key);
  }

  /**
   * Whether the key sits in an entry of an optional repeating group that holds no answer yet:
   * nothing in it is required until the patient starts it (validation skips it as well).
   */
  private inUntouchedOptionalEntry(key: string): boolean {
    const { scope } = parseItemKey(key);
    const steps = parseScope(scope);
    for (let depth = 0; depth < steps.length; depth++) {
      if (this.isRequired(itemKey(truncateScope(scope, depth), steps[depth]!.group))) continue;
      const entry = answersAt(this.current, truncateScope(scope, depth + 1));
      if (entry && isEmptyInstance(entry)) return true;
    }
    return false;
  }

  visiblePages(): FormPage[] {
    return this.definition.pages.filter((page) => this.isPageVisible(page.id));
  }

  /** Number of instances of the repeating group at `groupKey`. */
  instanceCount(groupKey: string): number {
    const { scope, id } = parseItemKey(groupKey);
    return instancesOf(this.current, scope, id).length;
  }

  // ------------------------------------------------------------------ writing

  /**
   * Sets one answer (`undefined` clears it) and re-evaluates what depends on it. Returns the
   * keys whose visibility changed.
   */
  setAnswer(key: string, value: AnswerValue | undefined): string[] {
    const { scope, id } = parseItemKey(key);
    const indexed = this.index.items.get(id);
    if (!indexed || isAnswerless(indexed.item) || indexed.item.type === 'group') {
      throw new Error(`"${id}" does not take an answer of its own.`);
    }
    if (scopeDepth(scope) !== indexed.groups.length) throw new Error(`"${key}" is not a valid address for "${id}".`);
    const before = readAnswer(this.current, key);
    this.current = writeAnswer(this.current, key, value);
    // A hidden item's answer counts as absent, so changing it changes nothing else.
    if (!this.isVisible(key) || before === value) return [];
    return this.propagate([{ item: id, scope }]);
  }

  /** Adds an empty instance to a repeating group; returns its index, or -1 at `maxInstances`. */
  addInstance(groupKey: string): number {
    const { scope, id } = parseItemKey(groupKey);
    const group = this.groupItem(id);
    const index = instancesOf(this.current, scope, id).length;
    if (group.maxInstances !== undefined && index >= group.maxInstances) return -1;
    this.current = updateAt(this.current, scope, (record) => ({
      ...record,
      [id]: [...instancesOf(this.current, scope, id), this.withMinimumInstances({}, group.items)],
    }));
    this.refreshGroup(scope, id);
    return index;
  }

  /** Removes one instance of a repeating group; later instances move up by one. */
  removeInstance(groupKey: string, index: number): void {
    const { scope, id } = parseItemKey(groupKey);
    this.groupItem(id);
    const instances = [...instancesOf(this.current, scope, id)];
    if (index < 0 || index >= instances.length) return;
    instances.splice(index, 1);
    this.current = updateAt(this.current, scope, (record) => ({ ...record, [id]: instances }));
    this.refreshGroup(scope, id);
  }

  /** Replaces every answer (a resumed or reloaded draft) and re-evaluates from scratch. */
  replaceAnswers(answers: Answers): void {
    this.current = this.withMinimumInstances(answers, this.allItems());
    this.visible.clear();
    this.requiredWhen.clear();
    this.evaluateEverything();
  }

  // ------------------------------------------------------------------ validation and progress

  /** Problems with the answers on one page (shown items only). */
  validatePage(pageId: string, options: ValidateOptions): FieldIssue[] {
    const page = this.index.pages.get(pageId);
    if (!page || !this.isPageVisible(pageId)) return [];
    const issues: FieldIssue[] = [];
    this.walkAnswerable(page.items, (item, key) => {
      const result = validateAnswer(item, this.getAnswer(key), {
        required: options.answeredOnly ? false : this.isRequired(key),
        today: options.today,
        consent: item.type === 'signature' && item.consentItemId ? this.consentItem(item.consentItemId) : undefined,
      });
      if (result) issues.push({ key, itemId: item.id, ...result });
    });
    return issues;
  }

  /** Problems across every shown page, in page order. */
  validateAll(options: ValidateOptions): FieldIssue[] {
    return this.visiblePages().flatMap((page) => this.validatePage(page.id, options));
  }

  /** Shown required questions and how many are answered, for one page or the whole form. */
  requiredProgress(pageId?: string): RequiredProgress {
    const pages = pageId ? this.visiblePages().filter((page) => page.id === pageId) : this.visiblePages();
    let required = 0;
    let answered = 0;
    for (const page of pages) {
      this.walkAnswerable(page.items, (item, key) => {
        if (!this.isRequired(key)) return;
        required += 1;
        const value = this.getAnswer(key);
        const done = item.type === 'group' ? Array.isArray(value) && (value as Answers[]).some((instance) => !isEmptyInstance(instance)) : isAnswered(value);
        if (done) answered += 1;
      });
    }
    return { required, answered };
  }

  /**
   * The answers to submit: shown items only, empty instances of optional groups dropped, keys
   * the definition does not know left out.
   */
  responseAnswers(): Answers {
    const prune = (items: readonly FormItem[], scope: ScopeKey): Answers => {
      const out: Answers = {};
      for (const item of items) {
        const key = itemKey(scope, item.id);
        if (!this.isVisible(key)) continue;
        if (item.type === 'section') {
          Object.assign(out, prune(item.items, scope));
        } else if (item.type === 'group') {
          const kept = instancesOf(this.current, scope, item.id)
            .map((_, index) => prune(item.items, childScope(scope, item.id, index)))
            .filter((instance) => !isEmptyInstance(instance));
          if (kept.length > 0) out[item.id] = kept;
        } else if (item.type !== 'display') {
          const value = this.getAnswer(key);
          if (value !== undefined && isAnswered(value)) out[item.id] = storedAnswer(item, value);
        }
      }
      return out;
    };
    return prune(
      this.visiblePages().flatMap((page) => page.items),
      '',
    );
  }

  /**
   * Calls `visit` for every shown item under `items` (descending into shown sections and every
   * instance of shown groups), with its answer key.
   */
  walk(items: readonly FormItem[], scope: ScopeKey, visit: (item: FormItem, key: string) => void): void {
    for (const item of items) {
      const key = itemKey(scope, item.id);
      if (!this.isVisible(key)) continue;
      visit(item, key);
      if (item.type === 'section') this.walk(item.items, scope, visit);
      if (item.type === 'group') {
        const count = instancesOf(this.current, scope, item.id).length;
        for (let index = 0; index < count; index++) this.walk(item.items, childScope(scope, item.id, index), visit);
      }
    }
  }

  // ------------------------------------------------------------------ internals

  /**
   * Like `walk`, but skips untouched instances of optional groups: an empty "Medication 1" the
   * patient has no use for is not a missing answer.
   */
  private walkAnswerable(items: readonly FormItem[], visit: (item: FormItem, key: string) => void): void {
    const skipped: string[] = [];
    this.walk(items, '', (item, key) => {
      if (skipped.some((prefix) => key.startsWith(prefix))) return;
      visit(item, key);
      if (item.type !== 'group' || this.isRequired(key)) return;
      const { scope } = parseItemKey(key);
      instancesOf(this.current, scope, item.id).forEach((instance, index) => {
        if (isEmptyInstance(instance)) skipped.push(`${childScope(scope, item.id, index)}/`);
      });
    });
  }

  private groupItem(id: string): Extract<FormItem, { type: 'group' }> {
    const item = this.index.items.get(id)?.item;
    if (item?.type !== 'group') throw new Error(`"${id}" is not a repeating group.`);
    return item;
  }

  private consentItem(id: string): Extract<FormItem, { type: 'consent' }> | undefined {
    const item = this.index.items.get(id)?.item;
    return item?.type === 'consent' ? item : undefined;
  }

  private rankedItems(): string[] {
    return [...this.index.itemIds].sort((a, b) => this.graph.rank.get(a)! - this.graph.rank.get(b)!);
  }

  /** Every repeating group below `items` gets at least its `minInstances` (empty) instances. */
  private withMinimumInstances(record: Answers, items: readonly FormItem[]): Answers {
    let out = record;
    for (const item of items) {
      if (item.type === 'section') out = this.withMinimumInstances(out, item.items);
      if (item.type !== 'group') continue;
      const existing = Array.isArray(out[item.id]) ? (out[item.id] as Answers[]) : [];
      const padded = [...existing];
      while (padded.length < (item.minInstances ?? 0)) padded.push({});
      if (padded.length === 0 && out[item.id] === undefined) continue;
      out = { ...out, [item.id]: padded.map((instance) => this.withMinimumInstances(instance, item.items)) };
    }
    return out;
  }

  private allItems(): FormItem[] {
    return this.definition.pages.flatMap((page) => page.items);
  }

  /** Every instance scope of a node within `under` (a prefix of its own scopes). */
  private scopesOf(node: NodeId, under: ScopeKey): ScopeKey[] {
    const groups = this.index.items.get(node)?.groups ?? [];
    let scopes: ScopeKey[] = [under];
    for (let depth = scopeDepth(under); depth < groups.length; depth++) {
      const group = groups[depth]!;
      scopes = scopes.flatMap((scope) => instancesOf(this.current, scope, group).map((_, index) => childScope(scope, group, index)));
    }
    return scopes;
  }

  private keyOf(node: NodeId, scope: ScopeKey): string {
    return node.startsWith('page:') ? node : itemKey(scope, node);
  }

  /** Effective answer of `itemId` as seen from a node instance at `scope`. */
  private lookupFrom(scope: ScopeKey) {
    return (itemId: string): AnswerValue | undefined => {
      const target = this.index.items.get(itemId);
      if (!target) return undefined;
      const key = itemKey(truncateScope(scope, target.groups.length), itemId);
      return this.visible.get(key) === true ? readAnswer(this.current, key) : undefined;
    };
  }

  private parentVisible(indexed: IndexedItem, scope: ScopeKey): boolean {
    if (indexed.parent.startsWith('page:')) return this.visible.get(indexed.parent) === true;
    const parent = this.index.items.get(indexed.parent)!;
    return this.visible.get(itemKey(truncateScope(scope, parent.groups.length), indexed.parent)) === true;
  }

  /** Recomputes one node instance; true when its visibility changed. */
  private evaluate(node: NodeId, scope: ScopeKey, kind: DependencyKind): boolean {
    const key = this.keyOf(node, scope);
    if (kind === 'required') {
      const condition = this.index.items.get(node)?.item.requiredWhen;
      if (!condition) return false;
      this.evaluations += 1;
      this.requiredWhen.set(key, evaluateCondition(condition, this.lookupFrom(scope)));
      return false;
    }
    const indexed = this.index.items.get(node);
    let shown = indexed ? this.parentVisible(indexed, scope) : true;
    const condition = visibleWhenOf(this.index, node);
    if (shown && condition) {
      this.evaluations += 1;
      shown = evaluateCondition(condition, this.lookupFrom(scope));
    }
    const before = this.visible.get(key);
    this.visible.set(key, shown);
    return before !== shown;
  }

  private evaluateEverything(): void {
    const nodes = [...this.graph.rank.keys()].sort((a, b) => this.graph.rank.get(a)! - this.graph.rank.get(b)!);
    for (const node of nodes) for (const scope of this.scopesOf(node, '')) this.evaluate(node, scope, 'visible');
    for (const id of this.index.itemIds) {
      if (!this.index.items.get(id)!.item.requiredWhen) continue;
      for (const scope of this.scopesOf(id, '')) this.evaluate(id, scope, 'required');
    }
  }

  /** Re-evaluates the dependents of changed answers, in rank order, each instance once. */
  private propagate(changed: Array<{ item: string; scope: ScopeKey }>): string[] {
    const queue = new RankQueue<Work>();
    const queued = new Set<string>();
    const flipped: string[] = [];
    const enqueue = (node: NodeId, under: ScopeKey, kind: DependencyKind) => {
      const rank = this.graph.rank.get(node)!;
      for (const scope of this.scopesOf(node, under)) {
        const id = `${kind}|${this.keyOf(node, scope)}`;
        if (queued.has(id)) continue;
        queued.add(id);
        queue.push(kind === 'required' ? rank + 0.5 : rank, { node, scope, kind });
      }
    };
    const answerChanged = (item: string, scope: ScopeKey) => {
      for (const dependent of this.graph.answerDependents.get(item) ?? []) {
        const depth = Math.min(scopeDepth(scope), this.index.items.get(dependent.node)?.groups.length ?? 0);
        enqueue(dependent.node, truncateScope(scope, depth), dependent.kind);
      }
    };
    for (const { item, scope } of changed) answerChanged(item, scope);

    for (let work = queue.pop(); work; work = queue.pop()) {
      if (!this.evaluate(work.node, work.scope, work.kind)) continue;
      const key = this.keyOf(work.node, work.scope);
      flipped.push(key);
      if (work.node.startsWith('page:')) {
        for (const child of this.index.children.get(work.node) ?? []) enqueue(child, '', 'visible');
        continue;
      }
      const item = this.index.items.get(work.node)!.item;
      // Its effective answer appeared or vanished: whatever reads it is affected.
      if (isAnswered(readAnswer(this.current, key))) answerChanged(work.node, work.scope);
      for (const child of this.index.children.get(work.node) ?? []) {
        if (item.type === 'group') {
          const count = instancesOf(this.current, work.scope, work.node).length;
          for (let index = 0; index < count; index++) enqueue(child, childScope(work.scope, work.node, index), 'visible');
        } else {
          enqueue(child, work.scope, 'visible');
        }
      }
      // requiredWhen of the node itself does not change, but a hidden node is never required:
      // isRequired() reads visibility directly, so nothing more to do.
    }
    return flipped;
  }

  /** After instances were added or removed: rebuild the group's inner states, then its readers. */
  private refreshGroup(scope: ScopeKey, groupId: string): void {
    const prefix = itemKey(scope, `${groupId}[`);
    for (const map of [this.visible, this.requiredWhen]) {
      for (const key of [...map.keys()]) if (key.startsWith(prefix)) map.delete(key);
    }
    const members = this.groupMembers.get(groupId) ?? [];
    const instances = instancesOf(this.current, scope, groupId).length;
    for (let index = 0; index < instances; index++) {
      const instanceScope = childScope(scope, groupId, index);
      for (const member of members) for (const at of this.scopesOf(member, instanceScope)) this.evaluate(member, at, 'visible');
      for (const member of members) {
        if (!this.index.items.get(member)!.item.requiredWhen) continue;
        for (const at of this.scopesOf(member, instanceScope)) this.evaluate(member, at, 'required');
      }
    }
    if (this.isVisible(itemKey(scope, groupId))) this.propagate([{ item: groupId, scope }]);
  }
}

/** The answers to submit for a definition: hidden items and empty optional instances removed. */
export function responseAnswersOf(definition: FormDefinition, answers: Answers): Answers {
  return new FormEngine(definition, answers).responseAnswers();
}

/**
 * The answers a backend may store for a submission (as `responseAnswersOf`), or an `AdapterError`
 * `validation` naming each answer the form's own rules refuse (2.5 on a 0-10 scale, text that
 * breaks its pattern). Issues carry answer keys and codes, never values. A backend does not know
 * the patient's time zone, so a date bound of `today` is refused only when it fails for every
 * zone on Earth (UTC-12 to UTC+14).
 */
export function storableAnswersOf(definition: FormDefinition, answers: Answers, now: Date, operation: string): Answers {
  const engine = new FormEngine(definition, answers);
  const dayAt = (offsetHours: number) => new Date(now.getTime() + offsetHours * 3_600_000).toISOString().slice(0, 10);
  const earliest = engine.validateAll({ today: dayAt(-12), answeredOnly: true });
  const latestKeys = new Set(engine.validateAll({ today: dayAt(14), answeredOnly: true }).map((issue) => issue.key));
  const refused = earliest.filter((issue) => latestKeys.has(issue.key));
  if (refused.length > 0) {
    throw new AdapterError('validation', 'Some answers do not fit their questions.', {
      operation,
      issues: refused.slice(0, 20).map((issue) => ({ path: `answers.${issue.key}`, message: issue.code })),
    });
  }
  return engine.responseAnswers();
}
