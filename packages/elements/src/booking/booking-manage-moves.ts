/**
 * The manage moves a step view makes: the link a confirmation offers, opening it here, and
 * leaving a visit for a new booking. Part of the first steps' part (`booking-pick.ts`): only a
 * step on screen can make them.
 */
import type { ManageModeHost } from './booking-manage-mode.js';
import type { BookingSteps } from './booking-steps.js';

/** What the moves act on: the element, its steps, and manage mode's own reload. */
export interface ManageMoves {
  host: ManageModeHost;
  steps: BookingSteps;
  /** A new booking from the first step. */
  startBooking(): void;
  /** Loads the visit of the current token again. */
  rerun(): void;
}

/** The manage link for a token: `manageUrl` with `{token}`, else this page with `#pxm-manage=<token>`. */
export function manageLinkFor(token: string, manageUrl: string | undefined): string {
  const encoded = encodeURIComponent(token);
  if (manageUrl?.includes('{token}')) return manageUrl.replace('{token}', encoded);
  const here = globalThis.location;
  return `${here.origin}${here.pathname}${here.search}#pxm-manage=${encoded}`;
}

/** Removes `#pxm-manage=` from the address once the visit it named is left. */
function clearManageHash(): void {
  const here = globalThis.location;
  if (here?.hash.includes('pxm-manage=')) history.replaceState(null, '', here.pathname + here.search);
}

/** A click that the browser should handle itself: a modified click, or a link to another page. */
function leftToBrowser(event: MouseEvent, manageUrl: string | undefined): boolean {
  return Boolean(manageUrl?.includes('{token}')) || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
}

/** A click on a manage link of this element's confirmation: opens it here (no hash change needed). */
export function openManageLink({ host, steps, rerun }: ManageMoves, token: string, event: MouseEvent): void {
  // A link to another page (`manage-url`) or opened in a new tab is left to the browser.
  if (leftToBrowser(event, host.manageUrl)) return;
  event.preventDefault();
  const href = manageLinkFor(token, host.manageUrl);
  if (host.mode !== 'dialog' && globalThis.location.href !== href) history.replaceState(null, '', href);
  steps.releaseHolds();
  steps.revokeIcs();
  const same = host.manageToken === token;
  host.manageToken = token;
  steps.set({ managed: undefined });
  steps.focus('#step-title');
  if (same) rerun();
}

/** Leaves the visit (or the confirmation) for a new booking, keeping what the patient typed. */
export function bookAnother({ host, steps, startBooking }: ManageMoves): void {
  steps.releaseHolds();
  steps.revokeIcs();
  if (host.manageToken) {
    host.manageToken = undefined;
    clearManageHash();
  }
  const draft = steps.state.draft;
  startBooking();
  steps.set({ draft });
  steps.focus('#step-title');
}
