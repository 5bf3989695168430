import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Moves keyboard focus once the next render is on screen: a new page's heading, the first
 * problem, a new group entry, the confirmation. The move waits for the update to settle, since
 * moving focus blurs a field, which may validate and render again.
 */
export class FocusAfterRender implements ReactiveController {
  private pending: (() => void) | undefined;

  constructor(private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment }) {
    host.addController(this);
  }

  /** Runs `action` after the next render (and asks for one: the render it waits for). */
  after(action: () => void): void {
    this.pending = action;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const action = this.pending;
    this.pending = undefined;
    if (action) queueMicrotask(action);
  }

  /** Focuses the control of an answer: the checked radio of a group, else its first control. */
  focusKey(key: string): void {
    const targets = [...this.host.renderRoot.querySelectorAll<HTMLElement>('[data-focus]')].filter((element) => element.dataset.focus === key);
    const target = targets.find((element) => (element as HTMLInputElement).checked) ?? targets[0];
    target?.focus();
  }

  focusSelector(selector: string): void {
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
