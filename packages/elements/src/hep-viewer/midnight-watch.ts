/**
 * "Today" moves at midnight in the program's zone, even with the page left open: once a minute
 * the day is compared with the one last shown, and the element renders again when it changed.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localDateIn } from '@pxm/core/time';

export class MidnightWatch implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;
  private shownDay = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The zone whose calendar day counts (the program's), or undefined before it loads. */
    private readonly zone: () => string | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.timer = setInterval(() => {
      const zone = this.zone();
      if (zone && localDateIn(new Date(), zone) !== this.shownDay) this.host.requestUpdate();
    }, 60_000);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
  }

  // Before each render: the day this render shows.
  hostUpdate(): void {
    const zone = this.zone();
    this.shownDay = zone ? localDateIn(new Date(), zone) : '';
  }
}
