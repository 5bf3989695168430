import type { ReactiveControllerHost } from 'lit';
import { createId, createToken, isAbortError, toAdapterError, type AdapterError } from '@pxm/core';
import type { Answers, FormDefinition, IntakeResponse } from '@pxm/core/forms';
import type { IntakeCalls } from './intake-load.js';

const SUBMIT_TIMEOUT_MS = 30_000;

/**
 * The submit of one loaded form, a call with a life of its own: sending, then the response, a
 * failure to show (and retry with the same idempotency key), or "already sent" (another tab or
 * device sent it first). A form run from `.definition` is "sent" at once, to the page. It asks
 * its host to render as its state changes.
 */
export class IntakeSubmission {
  sending = false;
  error: AdapterError | undefined;
  response: IntakeResponse | undefined;
  alreadySubmitted = false;
  /** One key per form loaded: a retry after a lost reply is the same submission. */
  private idempotencyKey: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly calls: IntakeCalls,
  ) {}

  /** A newly loaded form: nothing sent yet. */
  reset(): void {
    Object.assign(this, { sending: false, error: undefined, response: undefined, alreadySubmitted: false, idempotencyKey: undefined });
    this.host.requestUpdate();
  }

  /** The form was sent elsewhere: it is closed. */
  closeAsSubmitted(): void {
    this.alreadySubmitted = true;
    this.host.requestUpdate();
  }

  /** Sends the answers (a failure is reported as `pxm-error` by the call); resolves with the response, if any. */
  async send(token: string | undefined, definition: FormDefinition, answers: Answers): Promise<IntakeResponse | undefined> {
    if (this.sending) return undefined;
    if (!token) return this.settle({ id: `local-${createId()}`, formId: definition.id, formVersion: definition.version, submittedAt: new Date().toISOString() });
    this.sending = true;
    this.error = undefined;
    this.idempotencyKey ??= createToken(16);
    const request = { answers, idempotencyKey: this.idempotencyKey };
    this.host.requestUpdate();
    try {
      return this.settle(await this.calls.run('submit', (api, signal) => api.submit(token, request, { signal }), { timeout: SUBMIT_TIMEOUT_MS }));
    } catch (error) {
      const failure = isAbortError(error) ? undefined : toAdapterError(error, 'intake.submit');
      if (failure?.code === 'already_submitted') this.alreadySubmitted = true;
      else this.error = failure;
      return undefined;
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }

  private settle(response: IntakeResponse): IntakeResponse {
    this.response = response;
    this.host.requestUpdate();
    return response;
  }
}
