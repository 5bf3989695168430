import type { ReactiveController } from 'lit';
import {
  AdapterError,
  parseResponse,
  requireCapability,
  type Capability,
  type CapabilityApi,
  type ContractSchema,
  type ReplyOf,
} from '@pxm/core';
import type { RepairedField } from '@pxm/core/reply-repair';
import type { PxmElement } from '../base/pxm-element.js';
import { PxmErrorEvent } from '../events/pxm-error-event.js';

/** What a call needs from its element: the adapter in use and the deadline. */
export interface AdapterCallHost extends Pick<PxmElement, 'addController' | 'resolvedAdapter' | 'dispatchEvent'> {
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

/** Each repaired field is reported once per page, not on every reload of the data. */
const toldRepairs = new Set<string>();

/** Default deadline of an adapter call when the element sets none. */
export const DEFAULT_CALL_TIMEOUT_MS = 20_000;

/**
 * The one way an element calls its adapter. Each call: checks the adapter has the capability
 * (`unsupported` otherwise), runs with a deadline that aborts the request (`timeout`), validates
 * the reply once, with the contract's zod/mini schema (`server` when it does not match: any
 * adapter may be third-party, so this is the boundary), and reports a failure as `pxm-error`.
 * Built-in adapters do not validate their replies again.
 */
export class AdapterCalls<C extends Capability, R extends Record<string, ContractSchema>> implements ReactiveController {
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
    options: CallOptions & {
      /** A check the schema cannot express, on the parsed reply (throws `server`); failing, it is reported like any failure. */
      check?: (reply: ReplyOf<R[M]>, operation: string) => unknown;
    } = {},
  ): Promise<ReplyOf<R[M]>> {
    const operation = `${this.capability}.${method}`;
    try {
      const reply = await this.withDeadline(operation, (signal) => invoke(this.api(), signal), options);
      const parsed = (await this.parse(this.replySchemas[method] as ContractSchema, reply, operation)) as ReplyOf<R[M]>;
      options.check?.(parsed, operation);
      return parsed;
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

  /**
   * Validates a reply once. Only when it fails is the repair loaded (`@pxm/core/reply-repair`):
   * a bad link or an over-long text is left out or shortened, anything else stays `server`.
   */
  private async parse(schema: ContractSchema, reply: unknown, operation: string): Promise<unknown> {
    try {
      return parseResponse(schema, reply, operation);
    } catch (error) {
      if (!AdapterError.is(error) || error.code !== 'server') throw error;
      const { parseWithRepair } = await import('@pxm/core/reply-repair');
      const { result, repaired } = parseWithRepair(schema, reply);
      // Not saved: the reply's own failure, naming every issue it has.
      if (!result.success) throw error;
      this.tellRepaired(operation, repaired);
      return result.data;
    }
  }

  /**
   * Imperfect practice data (a bad link, an over-long text) was left out or shortened so the
   * patient's flow keeps working: tell the developer once per field, by path, never by value.
   */
  private tellRepaired(operation: string, fields: RepairedField[]): void {
    for (const { path, action } of fields) {
      const key = `${operation}|${path}`;
      if (toldRepairs.has(key)) continue;
      toldRepairs.add(key);
      console.warn(`[pxm] ${operation}: the reply's field "${path}" was ${action === 'dropped' ? 'left out (not an http(s) link)' : 'shortened (over its length limit)'}; fix it in the practice's data.`);
      this.host.dispatchEvent(new PxmErrorEvent({ code: 'server', operation, field: path }));
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
