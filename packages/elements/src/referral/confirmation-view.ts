/** After Send: the reference the office quotes, when it was received, and a way to refer someone else. */
import { html, type TemplateResult } from 'lit';
import type { ReferralReceipt } from '@pxm/core/referral';
import type { LocalizeController } from '../l10n/localize-controller.js';
import type { ReferralMessages } from './referral.messages.en.js';

export function renderConfirmation(options: {
  msg: LocalizeController<ReferralMessages>;
  receipt: ReferralReceipt;
  timeZone: string;
  onAnother(): void;
}): TemplateResult {
  const { msg, receipt } = options;
  const when = msg.dateTime(receipt.receivedAt, options.timeZone, { dateStyle: 'medium', timeStyle: 'short' });
  return html`<section class="confirmation notice success" part="confirmation" aria-labelledby="referral-sent-title">
    <h2 id="referral-sent-title" tabindex="-1">${msg.text('sentTitle')}</h2>
    <p class="reference-line">
      <span>${msg.text('sentReference')}</span>
      <strong class="reference" part="reference">${receipt.reference}</strong>
    </p>
    <p>${msg.text('sentQuote')}</p>
    <p class="muted">${msg.text('sentAt', when)}</p>
    <button type="button" class="button" part="another" @click=${options.onAnother}>${msg.text('sendAnother')}</button>
  </section>`;
}
