import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tells a real removal from a move. Frameworks move an element by disconnecting and reconnecting
 * it in the same task; only when it is still out of the document a task later is it removed, and
 * only then may the element let go of holds, uploads and object URLs.
 */
export class RemovalWatch implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly isConnected: boolean },
    private readonly onRemoved: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.host.isConnected) this.onRemoved();
    });
  }
}
