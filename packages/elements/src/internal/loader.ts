import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface LoaderViews<T, R> {
  initial?: () => R;
  pending?: () => R;
  complete?: (value: T) => R;
  error?: (error: unknown) => R;
}

/**
 * Loads an element's data whenever its inputs change: the newest load wins and an older one is
 * aborted, then `render()` picks the view for the state. The subset of `@lit/task` the survey
 * uses, written out because the survey has a 20 KB budget and this is a quarter of the size.
 */
export class Loader<A extends readonly unknown[], T> implements ReactiveController {
  status: 'initial' | 'pending' | 'complete' | 'error' = 'initial';
  value: T | undefined;
  error: unknown;
  private args: A | undefined;
  private current: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: { args: () => A; task: (args: A, context: { signal: AbortSignal }) => Promise<T> },
  ) {
    host.addController(this);
  }

  // Before each render, as @lit/task does: a change of inputs starts a new load.
  hostUpdate(): void {
    const args = this.options.args();
    if (this.args && args.length === this.args.length && args.every((arg, index) => arg === this.args![index])) return;
    this.args = args;
    void this.run();
  }

  /** Loads again with the same inputs (a retry). */
  async run(): Promise<void> {
    this.current?.abort();
    const current = (this.current = new AbortController());
    this.status = 'pending';
    this.host.requestUpdate();
    try {
      const value = await this.options.task(this.args!, { signal: current.signal });
      if (current !== this.current) return;
      this.value = value;
      this.status = 'complete';
    } catch (error) {
      if (current !== this.current) return;
      this.error = error;
      this.status = 'error';
    }
    this.host.requestUpdate();
  }

  render<R>(views: LoaderViews<T, R>): R | undefined {
    if (this.status === 'complete') return views.complete?.(this.value as T);
    if (this.status === 'error') return views.error?.(this.error);
    return this.status === 'pending' ? views.pending?.() : views.initial?.();
  }
}
