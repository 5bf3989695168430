/**
 * Sending the answers, exactly once: one idempotency key for every attempt (a retry after a lost
 * reply gets the stored response back), automatic resends with growing waits while the failure
 * may pass, and, with `offline-queue`, the encrypted queue that survives a reload. A controller:
 * the element reads `submitting` and `notice`, and decides what a sent or stopped survey shows.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createId, type AdapterError } from '@pxm/core';
import type { SubmitSurveyRequest, SurveyAnswers, SurveyResponse } from '@pxm/core/survey';
import type { LocalizeController } from '../l10n/localize-controller.js';
import type { SurveyNotice } from './survey-form-view.js';
import type { SurveyMessages } from './survey.messages.en.js';

/** Waits between automatic resends of a submit that could not get through. */
const RESEND_DELAYS_MS = [3_000, 10_000, 30_000, 60_000];

/** The offline queue is needed only with `offline-queue` and a failed submit: it loads then. */
const pendingSubmits = () => import('./pending-submit.js');

/** Forgets a queued submit of this token (sent, answered elsewhere, or expired). */
export const dropQueuedSubmit = (token: string) => void pendingSubmits().then((queue) => queue.dropPendingSubmit(token));

/** The submit queued on this device before a reload, if any. */
export const queuedSubmitFor = async (token: string) => (await pendingSubmits()).pendingSubmitFor(token);

export interface SurveySubmissionOptions {
  /** Keep a failed submit in the encrypted offline queue. */
  offlineQueue(): boolean;
  /** The adapter call (`survey.submit`), its reply validated; rejects on failure without reporting. */
  send(token: string, request: SubmitSurveyRequest): Promise<SurveyResponse>;
  /** Reports a failure as `pxm-error`; undefined when the call was aborted. */
  report(error: unknown): AdapterError | undefined;
  /** Starts the element's submit again (it checks the answers first). */
  resend(): void;
  onSent(request: SubmitSurveyRequest, response: SurveyResponse): Promise<void>;
  /** Answered elsewhere, expired or no longer valid: nothing more to send. */
  onStopped(error: AdapterError): void;
  pauseSaving(): void;
  resumeSaving(): void;
  msg: LocalizeController<SurveyMessages>;
  /** Any other failure's message, in the patient's language. */
  failureText(error: AdapterError): string;
}

export class SurveySubmission implements ReactiveController {
  submitting = false;
  notice: SurveyNotice | undefined;
  /** The request sent last and not yet stored. */
  private pending: SubmitSurveyRequest | undefined;
  private key: string | undefined;
  private resendTimer: ReturnType<typeof setTimeout> | undefined;
  private resendAttempt = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SurveySubmissionOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** A request is waiting to be stored (its reply lost, or not sent yet). */
  get hasPending(): boolean {
    return this.pending !== undefined;
  }

  /** Forgets everything: another invitation was loaded. */
  reset(): void {
    this.cancelResend();
    this.pending = undefined;
    this.key = undefined;
    this.notice = undefined;
    this.submitting = false;
    this.host.requestUpdate();
  }

  /** A queued submit is resumed with its own key, so the backend can tell it is the same one. */
  useKey(idempotencyKey: string): void {
    this.key = idempotencyKey;
  }

  cancelResend(): void {
    clearTimeout(this.resendTimer);
    this.resendTimer = undefined;
  }

  async send(token: string, answers: SurveyAnswers): Promise<void> {
    this.submitting = true;
    this.notice = undefined;
    this.host.requestUpdate();
    this.cancelResend();
    this.options.pauseSaving();
    this.key ??= createId();
    const request: SubmitSurveyRequest = { answers, idempotencyKey: this.key };
    this.pending = request;
    try {
      const response = await this.options.send(token, request);
      this.pending = undefined;
      if (this.options.offlineQueue()) dropQueuedSubmit(token);
      await this.options.onSent(request, response);
    } catch (caught) {
      await this.failed(caught, token, request);
    } finally {
      this.submitting = false;
      this.host.requestUpdate();
    }
  }

  private async failed(caught: unknown, token: string, request: SubmitSurveyRequest): Promise<void> {
    const error = this.options.report(caught);
    if (!error) return;
    if (error.code === 'already_submitted' || error.code === 'token_expired' || error.code === 'token_invalid') {
      this.pending = undefined;
      if (this.options.offlineQueue()) dropQueuedSubmit(token);
      this.options.onStopped(error);
      return;
    }
    const retry = error.retryable;
    const queued = retry && this.options.offlineQueue() && (await (await pendingSubmits()).keepPendingSubmit({ token, request }));
    this.notice = {
      text: queued ? this.options.msg.text('submitQueued') : retry && error.code === 'network' ? this.options.msg.text('submitOffline') : this.options.failureText(error),
      retry,
    };
    if (retry) {
      const wait = RESEND_DELAYS_MS[Math.min(this.resendAttempt++, RESEND_DELAYS_MS.length - 1)]!;
      this.resendTimer = setTimeout(() => this.options.resend(), wait);
    }
    this.options.resumeSaving();
  }
}
