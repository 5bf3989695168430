/** The states where no form shows: a link that is not valid or has expired, and a load that failed. */
import { html, type TemplateResult } from 'lit';
import { AdapterError } from '@pxm/core';
import { renderFailure } from '../internal/states.js';
import type { LocalizeController } from '../l10n/localize-controller.js';
import type { SurveyMessages } from './survey.messages.en.js';

export function renderClosed(title: string, text: string): TemplateResult {
  return html`<section class="state" part="closed">
    <h2 class="title" part="title">${title}</h2>
    <p>${text}</p>
  </section>`;
}

export interface LoadFailureView {
  msg: LocalizeController<SurveyMessages>;
  error: unknown;
  /** The common texts: an expired link, and "Try again". */
  expiredText: string;
  retryText: string;
  errorMessage(error: AdapterError | undefined): string;
  onRetry(): void;
}

/** An invitation that could not load: closed for a bad or expired link, else why, with a retry. */
export function renderLoadFailure(view: LoadFailureView): TemplateResult {
  const { msg } = view;
  const error = AdapterError.is(view.error) ? view.error : undefined;
  if (error?.code === 'token_invalid') return renderClosed(msg.text('invalidTitle'), msg.text('invalidText'));
  if (error?.code === 'token_expired') return renderClosed(msg.text('expiredTitle'), view.expiredText);
  return renderFailure({
    message: `${msg.text('loadFailed')} ${view.errorMessage(error)}`,
    retryLabel: view.retryText,
    onRetry: error?.code === 'unsupported' ? undefined : view.onRetry,
  });
}
