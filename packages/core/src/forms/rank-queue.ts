/**
 * A priority queue of work items by rank (a binary min-heap): the engine re-evaluates nodes in
 * dependency order so each is evaluated once, after all of its inputs.
 */
export class RankQueue<T> {
  private readonly heap: Array<{ rank: number; order: number; value: T }> = [];
  private counter = 0;

  get size(): number {
    return this.heap.length;
  }

  push(rank: number, value: T): void {
    const heap = this.heap;
    heap.push({ rank, order: this.counter++, value });
    let child = heap.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.less(child, parent)) break;
      [heap[child], heap[parent]] = [heap[parent]!, heap[child]!];
      child = parent;
    }
  }

  pop(): T | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let parent = 0;
      for (;;) {
        const left = parent * 2 + 1;
        const right = left + 1;
        let smallest = parent;
        if (left < heap.length && this.less(left, smallest)) smallest = left;
        if (right < heap.length && this.less(right, smallest)) smallest = right;
        if (smallest === parent) break;
        [heap[smallest], heap[parent]] = [heap[parent]!, heap[smallest]!];
        parent = smallest;
      }
    }
    return top.value;
  }

  /** Lower rank first; equal ranks in insertion order, so results never depend on heap shape. */
  private less(a: number, b: number): boolean {
    const x = this.heap[a]!;
    const y = this.heap[b]!;
    return x.rank < y.rank || (x.rank === y.rank && x.order < y.order);
  }
}
