/**
 * `mode="dialog"`: a native modal dialog opened by `show()` or any `[data-pxm-booking-open]` on
 * the page, with Tab kept inside while open and focus returned to the opener on close.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface DialogHost extends ReactiveControllerHost {
  readonly mode: 'inline' | 'dialog';
  open: boolean;
  readonly id: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export class BookingDialog implements ReactiveController {
  private opener: HTMLElement | null = null;

  /** `onTrigger` prepares the element for a page trigger (its `data-*` choices) before it opens. */
  constructor(
    private readonly host: DialogHost,
    private readonly onTrigger: (trigger: HTMLElement) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('click', this.onDocumentClick);
  }

  hostDisconnected(): void {
    document.removeEventListener('click', this.onDocumentClick);
  }

  /** Opens the dialog; focus returns to `opener` (default: the focused element) on close. */
  show(opener?: HTMLElement): void {
    let active = document.activeElement as HTMLElement | null;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
    this.opener = opener ?? active;
    this.host.open = true;
  }

  /**
   * Brings the native dialog in line with `open`; call after an update that changed it. Returns
   * false when the dialog opened before its heading was there to take focus.
   */
  sync(): boolean {
    const dialog = this.host.renderRoot.querySelector('dialog');
    if (!dialog) return true;
    if (this.host.open && !dialog.open) {
      dialog.showModal();
      const title = this.host.renderRoot.querySelector<HTMLElement>('#step-title');
      title?.focus();
      return Boolean(title);
    }
    if (!this.host.open && dialog.open) dialog.close();
    return true;
  }

  readonly onClose = (): void => {
    this.host.open = false;
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
  };

  /** Keeps Tab inside the open dialog, wrapping at both ends. */
  readonly trapFocus = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab') return;
    const root = this.host.renderRoot;
    const dialog = root.querySelector('dialog')!;
    const focusable = [...dialog.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, [tabindex="0"]')].filter(
      (element) => !(element as HTMLButtonElement).disabled && element.getClientRects().length > 0,
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = root instanceof ShadowRoot ? root.activeElement : null;
    if (event.shiftKey && (active === first || !dialog.contains(active))) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  /** Any element with `data-pxm-booking-open` (empty, or this element's id) opens this dialog. */
  private readonly onDocumentClick = (event: MouseEvent): void => {
    if (this.host.mode !== 'dialog') return;
    const trigger = event.composedPath().find((node): node is HTMLElement => node instanceof HTMLElement && node.hasAttribute('data-pxm-booking-open'));
    if (!trigger) return;
    const target = trigger.getAttribute('data-pxm-booking-open');
    if (target ? target !== this.host.id : document.querySelector('pxm-booking[mode="dialog"]') !== (this.host as unknown as Element)) return;
    event.preventDefault();
    this.onTrigger(trigger);
    this.show(trigger);
  };
}

/** The choices a page trigger names (`data-location`, `data-appointment-type`, `data-provider`); absent ones are left as they are. */
export function triggerChoices(trigger: HTMLElement): Partial<Record<'location' | 'appointmentType' | 'provider', string>> {
  const { location, appointmentType, provider } = trigger.dataset;
  return { ...(location ? { location } : {}), ...(appointmentType ? { appointmentType } : {}), ...(provider ? { provider } : {}) };
}
