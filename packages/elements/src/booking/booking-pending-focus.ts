/**
 * Focus that follows a change: a step's heading when it opens, a notice, the first field in
 * error. The target is asked for now and focused once an update has drawn it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class PendingFocus implements ReactiveController {
  private selector = '';

  constructor(private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment }) {
    host.addController(this);
  }

  /** Focuses the first element matching `selector` once it is drawn (a later request wins). */
  request(selector: string): void {
    this.selector = selector;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (!this.selector) return;
    const target = this.host.renderRoot.querySelector<HTMLElement>(this.selector);
    if (!target) return;
    this.selector = '';
    target.focus();
  }
}
