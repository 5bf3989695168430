/**
 * Manage mode: a booked visit opened by its token (`manage-token`, a `#pxm-manage=` link, or a
 * manage link on this element's confirmation), loaded with the later steps' part, and left for
 * a new booking.
 */
import { Task } from '@lit/task';
import { AdapterError, type PxmAdapter } from '@pxm/core';
import type { ManagedAppointment } from '@pxm/core/booking';
import type { BookingCalls } from './booking-flow-host.js';
import { clearManageHash, leftToBrowser, manageLinkFor, ManageLinkWatch, type ManageLinkHost } from './booking-manage-link.js';
import { initialState } from './booking-state.js';
import type { BookingSteps } from './booking-steps.js';

export interface ManageModeHost extends ManageLinkHost {
  readonly manageUrl: string | undefined;
  readonly resolvedAdapter: PxmAdapter | undefined;
}

export interface ManageModeOptions {
  steps: BookingSteps;
  calls: BookingCalls;
  /** The later steps' part, which draws the manage views. */
  loadFlow(): Promise<unknown>;
  /** A new booking from the first step, once the visit is left. */
  startBooking(): void;
  report(error: unknown, operation: string): AdapterError | undefined;
}

export class ManageMode {
  readonly task: Task<readonly [PxmAdapter | undefined, string | undefined], ManagedAppointment | undefined>;

  constructor(
    private readonly host: ManageModeHost,
    private readonly options: ManageModeOptions,
  ) {
    const { steps, calls } = options;
    this.task = new Task(host, {
      task: async ([adapter, token], { signal }) => {
        if (!adapter || !token) return undefined;
        try {
          const [managed] = await Promise.all([calls.run('getAppointment', (api, callSignal) => api.getAppointment(token, { signal: callSignal }), { signal }), options.loadFlow()]);
          const appointment = managed.appointment;
          const draft = steps.state.draft;
          steps.set({ ...initialState(), step: 'manage', managed, locationId: appointment.locationId, typeId: appointment.appointmentTypeId, providerId: appointment.providerId, draft });
          return managed;
        } catch (error) {
          // The adapter call reported its own failure; a part that failed to download is reported here.
          throw AdapterError.is(error) ? error : (options.report(error, 'booking.getAppointment') ?? error);
        }
      },
      args: () => [host.resolvedAdapter, host.manageToken] as const,
    });
    // Another element moved or cancelled the visit shown here: show it as it is now.
    new ManageLinkWatch(
      host,
      () => steps.state.managed?.appointment.id,
      () => this.reload(),
    );
  }

  /** The visit's own failure (an invalid or expired link), as opposed to one worth retrying. */
  get error(): AdapterError | undefined {
    return AdapterError.is(this.task.error) ? this.task.error : undefined;
  }

  /** Loads the visit shown again. */
  reload(): void {
    this.options.steps.releaseHolds();
    this.options.steps.set({ managed: undefined });
    void this.task.run();
  }

  /** A click on a manage link of this element's confirmation: opens it here (no hash change needed). */
  open(token: string, event: MouseEvent): void {
    // A link to another page (`manage-url`) or opened in a new tab is left to the browser.
    if (leftToBrowser(event, this.host.manageUrl)) return;
    event.preventDefault();
    const { steps } = this.options;
    const href = manageLinkFor(token, this.host.manageUrl);
    if (this.host.mode !== 'dialog' && globalThis.location.href !== href) history.replaceState(null, '', href);
    steps.releaseHolds();
    steps.revokeIcs();
    const same = this.host.manageToken === token;
    this.host.manageToken = token;
    steps.set({ managed: undefined });
    steps.focus('#step-title');
    if (same) void this.task.run();
  }

  /** Leaves the visit (or the confirmation) for a new booking, keeping what the patient typed. */
  bookAnother(): void {
    const { steps } = this.options;
    steps.releaseHolds();
    steps.revokeIcs();
    if (this.host.manageToken) {
      this.host.manageToken = undefined;
      clearManageHash();
    }
    const draft = steps.state.draft;
    this.options.startBooking();
    steps.set({ draft });
    steps.focus('#step-title');
  }
}
