/**
 * The countdown of a held time. Ticks once a second while a hold is live so the remaining time
 * can be shown; the element decides what to do as it runs low (renew, warn, or say it lapsed).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class HoldTimer implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;
  /** Epoch ms on this device's clock; 0 when nothing is held. */
  deadline = 0;
  /** Last time the patient typed or clicked, for renewing only while someone is there. */
  lastActivity = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onTick: (remainingMs: number) => void,
  ) {
    host.addController(this);
  }

  get remaining(): number {
    return this.deadline ? this.deadline - Date.now() : 0;
  }

  start(deadline: number): void {
    this.deadline = deadline;
    this.timer ??= setInterval(() => this.tick(), 1000);
    this.tick();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.deadline = 0;
  }

  private tick(): void {
    this.host.requestUpdate();
    this.onTick(this.remaining);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  hostConnected(): void {
    if (this.deadline && !this.timer) this.timer = setInterval(() => this.tick(), 1000);
  }
}
