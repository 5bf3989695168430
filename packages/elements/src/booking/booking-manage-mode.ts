/**
 * Manage mode: a booked visit opened by its token (`manage-token`, a `#pxm-manage=` link, or a
 * manage link on this element's confirmation), loaded with the later steps' part. Opening a link
 * from a confirmation and leaving for a new booking are moves the step views make: they come
 * with the first steps' part (`booking-manage-moves.ts`).
 */
import { Task } from '@lit/task';
import { AdapterError, type PxmAdapter } from '@pxm/core';
import type { ManagedAppointment } from '@pxm/core/booking';
import type { BookingCalls } from './booking-flow-host.js';
import { ManageLinkWatch, type ManageLinkHost } from './booking-manage-link.js';
import type { ManageMoves } from './booking-manage-moves.js';
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

  /** Why the visit cannot be shown: its own link invalid or expired (no retry: book anew), or a failure worth retrying. */
  failure(errorMessage: (error: AdapterError | undefined) => string, retryLabel: string): { message: string; retryLabel: string; onRetry?: () => void } {
    const error = this.error;
    const code = error?.code ?? 'server';
    if (code.startsWith('token_')) return { message: this.options.steps.manageError(code), retryLabel };
    return { message: errorMessage(error), retryLabel, onRetry: () => void this.task.run() };
  }

  /** What the views' manage moves act on. */
  get moves(): ManageMoves {
    const { steps, startBooking } = this.options;
    return { host: this.host, steps, startBooking, rerun: () => void this.task.run() };
  }

  /** Loads the visit shown again. */
  reload(): void {
    this.options.steps.releaseHolds();
    this.options.steps.set({ managed: undefined });
    void this.task.run();
  }
}
