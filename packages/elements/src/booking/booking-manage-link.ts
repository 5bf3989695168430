/** Manage links: the token a page was opened with, and the page watch (what a confirmation offers is `booking-manage-moves.ts`). */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The token in this page's `#pxm-manage=<token>`, if any. */
export function manageTokenInHash(): string | undefined {
  const match = /[#&]pxm-manage=([^&]+)/.exec(globalThis.location?.hash ?? '');
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/** What the page watch needs of its element. */
export interface ManageLinkHost extends ReactiveControllerHost, HTMLElement {
  readonly mode: 'inline' | 'dialog';
  manageToken: string | undefined;
}

/**
 * Keeps an element's manage mode in line with the page: a manage link opened here
 * (`#pxm-manage=<token>`) switches the first inline `<pxm-booking>` to it (a dialog never takes
 * it, so a site-wide "Book now" still books), and a visit moved or cancelled by another element
 * is shown as it is now.
 */
export class ManageLinkWatch implements ReactiveController {
  /** `shownVisit` is the appointment id on screen; `reload` fetches it again. */
  constructor(
    private readonly host: ManageLinkHost,
    private readonly shownVisit: () => string | undefined,
    private readonly reload: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.readHash();
    globalThis.addEventListener('hashchange', this.readHash);
    document.addEventListener('pxm-booking-rescheduled', this.onVisitChanged);
    document.addEventListener('pxm-booking-cancelled', this.onVisitChanged);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener('hashchange', this.readHash);
    document.removeEventListener('pxm-booking-rescheduled', this.onVisitChanged);
    document.removeEventListener('pxm-booking-cancelled', this.onVisitChanged);
  }

  private readonly readHash = (): void => {
    const token = manageTokenInHash();
    if (token && !this.host.hasAttribute('manage-token') && this.ownsManageLink()) this.host.manageToken = token;
  };

  private ownsManageLink(): boolean {
    if (this.host.mode === 'dialog') return false;
    const first = document.querySelector('pxm-booking:not([mode="dialog"])');
    return !first || first === this.host;
  }

  private readonly onVisitChanged = (event: Event): void => {
    const shown = this.shownVisit();
    if (event.target === this.host || !shown || !this.host.manageToken) return;
    const detail = (event as CustomEvent<{ appointmentId: string; previousAppointmentId?: string }>).detail;
    if (detail.appointmentId === shown || detail.previousAppointmentId === shown) this.reload();
  };
}
