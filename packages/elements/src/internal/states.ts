import { html, type TemplateResult } from 'lit';

/** The pending state: a spinner with a text alternative, announced politely. */
export function renderLoading(label: string): TemplateResult {
  return html`<div class="state loading" part="loading" role="status">
    <span class="spinner" aria-hidden="true"></span>
    <span>${label}</span>
  </div>`;
}

/** The failure state: what happened, and a way forward when trying again can help. */
export function renderFailure(options: {
  message: string;
  retryLabel?: string;
  onRetry?: () => void;
}): TemplateResult {
  return html`<div class="state notice error" part="error" role="alert">
    <p>${options.message}</p>
    ${options.onRetry
      ? html`<button type="button" class="button" part="retry" @click=${options.onRetry}>${options.retryLabel}</button>`
      : null}
  </div>`;
}
