/** The states where no progress shows: a link that is not valid or has expired, and a load that failed. */
import { html, type TemplateResult } from 'lit';
import { AdapterError } from '@pxm/core';
import { renderFailure } from '../internal/states.js';
import type { ProgressText } from './progress-format.js';

export interface LoadFailureView {
  msg: ProgressText;
  error: unknown;
  /** The common texts: an expired link, and "Try again". */
  expiredText: string;
  retryText: string;
  errorMessage(error: AdapterError | undefined): string;
  onRetry(): void;
}

function closed(title: string, text: string): TemplateResult {
  return html`<section class="state-closed" part="closed">
    <h2>${title}</h2>
    <p>${text}</p>
  </section>`;
}

/** A bad or expired link is closed; a reply that could not be read, or any other failure, says why and offers a retry. */
export function renderLoadFailure(view: LoadFailureView): TemplateResult {
  const { msg } = view;
  const error = AdapterError.is(view.error) ? view.error : undefined;
  if (error?.code === 'token_invalid') return closed(msg.text('invalidTitle'), msg.text('invalidText'));
  if (error?.code === 'token_expired') return closed(msg.text('expiredTitle'), view.expiredText);
  return renderFailure({
    message: `${msg.text('loadFailed')} ${error?.code === 'server' ? msg.text('badReply') : view.errorMessage(error)}`,
    retryLabel: view.retryText,
    onRetry: error?.code === 'unsupported' ? undefined : view.onRetry,
  });
}
