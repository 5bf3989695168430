/**
 * Who depends on whom. A node's visibility depends on its container's visibility and on the
 * effective answers its `visibleWhen` reads (a hidden item's answer counts as absent, so that is
 * a dependency on the other item's visibility too). `requiredWhen` reads answers but nothing
 * reads "required", so it can never be part of a cycle.
 *
 * Built once per definition: a rank in dependency order for incremental re-evaluation, and the
 * cycles (each as the item ids around it) so a definition that loops is refused at load.
 */
import type { Condition } from '../schemas/intake.js';
import { conditionRefs } from './condition.js';
import { pageNodeId, type FormIndex, type NodeId } from './form-index.js';

export type DependencyKind = 'visible' | 'required';

export interface Dependent {
  node: NodeId;
  kind: DependencyKind;
}

export interface DependencyGraph {
  /** Nodes whose visibility or requirement reads the answer of a given item. */
  readonly answerDependents: ReadonlyMap<string, readonly Dependent[]>;
  /** Position in dependency order: every input of a node ranks lower. Absent for nodes on a cycle. */
  readonly rank: ReadonlyMap<NodeId, number>;
  /** Each cycle as the node ids along it, starting and ending with the same id. */
  readonly cycles: readonly (readonly NodeId[])[];
}

export function visibleWhenOf(index: FormIndex, node: NodeId): Condition | undefined {
  if (node.startsWith('page:')) return index.pages.get(node.slice(5))?.visibleWhen;
  return index.items.get(node)?.item.visibleWhen;
}

export function buildDependencyGraph(index: FormIndex): DependencyGraph {
  const nodes: NodeId[] = [...[...index.pages.keys()].map(pageNodeId), ...index.itemIds];
  const answerDependents = new Map<string, Dependent[]>();
  /** Visibility inputs of each node: its container and the items its condition reads. */
  const inputs = new Map<NodeId, NodeId[]>();

  const addDependent = (itemId: string, dependent: Dependent) => {
    if (!index.items.has(itemId)) return; // unknown ids are reported by the checks
    const list = answerDependents.get(itemId) ?? [];
    list.push(dependent);
    answerDependents.set(itemId, list);
  };

  for (const node of nodes) {
    const own: NodeId[] = [];
    const indexed = index.items.get(node);
    if (indexed) own.push(indexed.parent);
    for (const ref of conditionRefs(visibleWhenOf(index, node))) {
      addDependent(ref, { node, kind: 'visible' });
      if (index.items.has(ref)) own.push(ref);
    }
    for (const ref of conditionRefs(indexed?.item.requiredWhen)) addDependent(ref, { node, kind: 'required' });
    inputs.set(node, own);
  }

  // Kahn's algorithm over the visibility edges (input -> node), in document order for ties.
  const outgoing = new Map<NodeId, NodeId[]>();
  const pending = new Map<NodeId, number>();
  for (const node of nodes) {
    const own = inputs.get(node)!;
    pending.set(node, own.length);
    for (const input of own) {
      const list = outgoing.get(input) ?? [];
      list.push(node);
      outgoing.set(input, list);
    }
  }
  const rank = new Map<NodeId, number>();
  const ready = nodes.filter((node) => pending.get(node) === 0);
  for (let head = 0; head < ready.length; head++) {
    const node = ready[head]!;
    rank.set(node, head);
    for (const next of outgoing.get(node) ?? []) {
      const left = pending.get(next)! - 1;
      pending.set(next, left);
      if (left === 0) ready.push(next);
    }
  }

  const cycles = rank.size === nodes.length ? [] : findCycles(nodes.filter((node) => !rank.has(node)), inputs);
  return { answerDependents, rank, cycles };
}

/**
 * Strongly connected components (Tarjan, iterative so a huge form cannot overflow the stack)
 * among the unranked nodes; each component with a loop yields one concrete cycle path.
 */
function findCycles(candidates: NodeId[], inputs: ReadonlyMap<NodeId, readonly NodeId[]>): NodeId[][] {
  const inSet = new Set(candidates);
  const edges = (node: NodeId) => (inputs.get(node) ?? []).filter((input) => inSet.has(input));
  const indexOf = new Map<NodeId, number>();
  const low = new Map<NodeId, number>();
  const onStack = new Set<NodeId>();
  const stack: NodeId[] = [];
  const components: NodeId[][] = [];
  let counter = 0;

  for (const start of candidates) {
    if (indexOf.has(start)) continue;
    const work: Array<{ node: NodeId; next: number }> = [{ node: start, next: 0 }];
    indexOf.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const out = edges(frame.node);
      if (frame.next < out.length) {
        const target = out[frame.next++]!;
        if (!indexOf.has(target)) {
          indexOf.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, indexOf.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === indexOf.get(frame.node)) {
        const component: NodeId[] = [];
        let member: NodeId;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = component.length === 1 && edges(component[0]!).includes(component[0]!);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  }

  return components.map((component) => cyclePath(component, edges));
}

/** A walk around one component, reported in the direction "A depends on B depends on ... A". */
function cyclePath(component: NodeId[], edges: (node: NodeId) => NodeId[]): NodeId[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  // Breadth-first from start back to start, following "depends on" edges within the component.
  const previous = new Map<NodeId, NodeId>();
  const queue: NodeId[] = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const next of edges(node)) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path: NodeId[] = [start];
        let cursor: NodeId | undefined = node;
        const back: NodeId[] = [];
        while (cursor !== undefined && cursor !== start) {
          back.push(cursor);
          cursor = previous.get(cursor);
        }
        path.push(...back.reverse(), start);
        return path;
      }
      if (!previous.has(next) && next !== start) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}
