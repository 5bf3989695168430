/**
 * Sending the referral: once however often Send is pressed (one request in flight), with one
 * idempotency key per intended referral. The key is kept while the referral stays the same, so a
 * retry after a failure (or a lost reply) can never file it twice; a changed referral is another
 * intended action and gets a new key.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createToken, type AdapterError } from '@pxm/core';
import type { ReferralInput, ReferralReceipt } from '@pxm/core/referral';

export class ReferralSubmission implements ReactiveController {
  submitting = false;
  /** The last failure, kept on screen with everything typed until the next try. */
  failure: AdapterError | undefined;
  receipt: ReferralReceipt | undefined;

  private key: { value: string; sameAs: string } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly send: (input: ReferralInput) => Promise<ReferralReceipt>,
    private readonly toError: (error: unknown) => AdapterError | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Sends `build(key)`; resolves with the receipt, or undefined when it failed or was already sending. */
  async submit(build: (idempotencyKey: string) => ReferralInput): Promise<ReferralReceipt | undefined> {
    if (this.submitting || this.receipt) return undefined;
    const fingerprint = JSON.stringify(build(''));
    if (!this.key || this.key.sameAs !== fingerprint) this.key = { value: `referral-${createToken(16)}`, sameAs: fingerprint };
    this.submitting = true;
    this.failure = undefined;
    this.host.requestUpdate();
    try {
      this.receipt = await this.send(build(this.key.value));
      return this.receipt;
    } catch (error) {
      this.failure = this.toError(error);
      return undefined;
    } finally {
      this.submitting = false;
      this.host.requestUpdate();
    }
  }

  /** Another referral: a clean slate and, on its Send, a new key. */
  reset(): void {
    this.key = undefined;
    this.failure = undefined;
    this.receipt = undefined;
    this.host.requestUpdate();
  }
}
