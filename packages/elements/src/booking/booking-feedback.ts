/** What the later steps say back to the patient: the errors that stop a step, and a failure with its retry. */
import type { AdapterError } from '@pxm/core';
import type { FlowHost } from './booking-flow-host.js';
import type { BookingState } from './booking-state.js';

/** Shows `errors`, focuses the first and says how many (at least one: a check that found none still failed). */
export function showErrors(host: FlowHost, errors: BookingState['errors']): void {
  host.set({ errors });
  host.focusErrors(Math.max(Object.keys(errors).length, 1));
}

/** Says why an action failed, with "Try again" when `retry` is given. */
export function notifyFailure(host: FlowHost, error: AdapterError, retry?: () => void): void {
  host.notify(host.errorMessage(error), 'error', retry);
}
