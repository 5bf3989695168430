import type { ReactiveController } from 'lit';
import { AdapterError, parseResponse, requireCapability, type Capability, type PxmAdapter, type ReplyOf, type ReplySchema } from '@pxm/core';
import type { PxmElement } from '../base/pxm-element.js';

type CapabilityApi = Required<Pick<PxmAdapter, Capability>>;

/** What a call needs from its element: the adapter in use and the deadline. */
export interface AdapterCallHost extends Pick<PxmElement, 'addController' | 'resolvedAdapter'> {
  /** Milliseconds an adapter call may take before it is abandoned with `timeout`. */
  readonly timeout?: number;
}

/** Fires `pxm-error` and returns the normalized error (undefined when the call was aborted). */
export type ReportFailure = (error: unknown, operation: string) => AdapterError | undefined;

export interface CallOptions {
  /** The caller's signal: a newer load, or the element's removal, aborts the call. */
  signal?: AbortSignal;
  /** Report failures as `pxm-error` (default). A call the element retries quietly passes false. */
  report?: boolean;
  /** This call's deadline in milliseconds, when it needs longer than the element's (a submit). */
  timeout?: number;
}

/** Default deadline of an adapter call when the element sets none. */
export const DEFAULT_CALL_TIMEOUT_MS = 20_000;

/**
 * The one way an element calls its adapter. Each call: checks the adapter has the capability
 * (`unsupported` otherwise), runs with a deadline that aborts the request (`timeout`), validates
 * the reply once, with the contract's zod/mini schema (`server` when it does not match: any
 * adapter may be third-party, so this is the boundary), and reports a failure as `pxm-error`.
 * Built-in adapters do not validate their replies again.
 */
export class AdapterCalls<C extends Capability, R extends Record<string, ReplySchema>> implements ReactiveController {
  /** Aborted when the element is really removed (not moved): ends every call in flight. */
  private lifetime = new AbortController();

  constructor(
    private readonly host: AdapterCallHost,
    private readonly capability: C,
    private readonly replySchemas: R,
    private readonly report: ReportFailure,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.lifetime.signal.aborted) this.lifetime = new AbortController();
  }

  /** Ends every call in flight; the removal watcher calls it on a real removal. */
  abortAll(): void {
    this.lifetime.abort();
  }

  /** The capability's API, or `unsupported`. Prefer `run`, which also validates the reply. */
  api(): CapabilityApi[C] {
    return requireCapability(this.host.resolvedAdapter, this.capability) as CapabilityApi[C];
  }

  /**
   * Runs one adapter call and returns its reply, validated with the contract's schema for that
   * method (`replySchemas`, e.g. core's `bookingReplySchemas`). The operation is `capability.method`.
   */
  async run<M extends keyof R & string>(
    method: M,
    invoke: (api: CapabilityApi[C], signal: AbortSignal) => Promise<unknown>,
    options: CallOptions = {},
  ): Promise<ReplyOf<R[M]>> {
    const operation = `${this.capability}.${method}`;
    try {
      const reply = await this.withDeadline(operation, (signal) => invoke(this.api(), signal), options);
      return parseResponse(this.replySchemas[method] as ReplySchema, reply, operation) as ReplyOf<R[M]>;
    } catch (error) {
      if (options.report === false) throw error;
      throw this.report(error, operation) ?? error;
    }
  }

  /** Runs a call whose reply carries nothing to validate (a void write). */
  async send(method: string, invoke: (api: CapabilityApi[C], signal: AbortSignal) => Promise<unknown>, options: CallOptions = {}): Promise<void> {
    const operation = `${this.capability}.${method}`;
    try {
      await this.withDeadline(operation, (signal) => invoke(this.api(), signal), options);
    } catch (error) {
      if (options.report === false) throw error;
      throw this.report(error, operation) ?? error;
    }
  }

  private async withDeadline<T>(operation: string, start: (signal: AbortSignal) => Promise<T>, options: CallOptions): Promise<T> {
    const controller = new AbortController();
    const signals = [options.signal, this.lifetime.signal].filter((signal): signal is AbortSignal => signal !== undefined);
    const onAbort = (event: Event) => controller.abort((event.target as AbortSignal).reason);
    for (const signal of signals) {
      if (signal.aborted) controller.abort(signal.reason);
      else signal.addEventListener('abort', onAbort, { once: true });
    }
    const timeout = options.timeout ?? this.host.timeout ?? DEFAULT_CALL_TIMEOUT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      controller.signal.throwIfAborted();
      return await Promise.race([
        start(controller.signal),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            reject(new AdapterError('timeout', `No answer within ${timeout} ms.`, { operation }));
            controller.abort();
          }, timeout);
        }),
        // An adapter that ignores its signal must not keep the element waiting after an abort.
        new Promise<never>((_, reject) => {
          controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
        }),
      ]);
    } finally {
      clearTimeout(timer);
      for (const signal of signals) signal.removeEventListener('abort', onAbort);
    }
  }
}
