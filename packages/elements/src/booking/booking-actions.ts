/**
 * What the step views can do (`BookingActions`): the element's own moves between steps, and
 * the later steps' actions once their part has loaded.
 */
import { weekdayOf } from '@pxm/core/time';
import type { BookingFlow } from './booking-flow.js';
import type { BookingState, BookingStep, Catalog, DetailsDraft } from './booking-state.js';
import type { TimePicker } from './booking-time-picker.js';
import type { BookingActions } from './booking-view.js';

export interface ActionDependencies {
  state(): BookingState;
  catalog(): Catalog | undefined;
  /** The page fixed the visit type (`appointment-type`): the new/returning question is not asked. */
  fixedType(): boolean;
  picker(): TimePicker | undefined;
  flow(): BookingFlow | undefined;
  set(patch: Partial<BookingState>): void;
  go(step: BookingStep, patch?: Partial<BookingState>): void;
  releaseHolds(): void;
  focusErrors(count: number): void;
  openManage(token: string, event: MouseEvent): void;
  bookAnother(): void;
  close(): void;
}

export function createBookingActions(on: ActionDependencies): BookingActions {
  const laterStep = <Name extends keyof BookingFlow['actions']>(name: Name) => on.flow()?.actions[name];
  return {
    set: (patch) => on.set(patch),
    draft: (patch: Partial<DetailsDraft>) => {
      const state = on.state();
      const draft = { ...state.draft, ...patch };
      const errors = { ...state.errors };
      for (const key of Object.keys(patch)) delete errors[key as keyof typeof errors];
      // A visit type that does not fit the patient's new answer is no longer offered.
      const type = on.catalog()?.types.find((candidate) => candidate.id === state.typeId);
      const misfit = 'kind' in patch && state.step === 'choose' && type && type.patientEligibility !== 'any' && type.patientEligibility !== patch.kind;
      on.set({ draft, errors, ...(misfit ? { typeId: '' } : {}) });
      if (patch.coverage === 'self-pay') laterStep('priceSelfPay')?.();
    },
    go: (step) => {
      const state = on.state();
      if (step === 'series' && !state.series.weekdays.length && state.selectedDate) {
        // The day picked is the plan's first visit day (series days run Monday to Saturday).
        const weekday = weekdayOf(state.selectedDate);
        on.set({ series: { ...state.series, weekdays: weekday === 7 ? [] : [weekday] } });
      }
      if (step === 'time' || step === 'choose') on.releaseHolds();
      on.go(step);
    },
    toTimes: () => {
      const state = on.state();
      const missing = !state.locationId ? 'locationId' : !state.typeId ? 'typeId' : '';
      const kindMissing = !state.rescheduling && !on.fixedType() && !state.draft.kind;
      if (kindMissing || missing) {
        on.set({ errors: kindMissing ? { kind: 'errRequired' } : { choice: missing } });
        return on.focusErrors(1);
      }
      const type = on.catalog()?.types.find((candidate) => candidate.id === state.typeId);
      const draft = type && type.patientEligibility !== 'any' ? { ...state.draft, kind: type.patientEligibility } : state.draft;
      on.picker()?.reset();
      on.go('time', { draft, month: '', selectedDate: '' });
    },
    pickSlot: (slot) => void on.picker()?.pickSlot(slot),
    nextAvailable: () => void on.picker()?.nextAvailable(),
    toReview: () => laterStep('toReview')?.(),
    checkEligibility: () => laterStep('checkEligibility')?.(),
    priceSelfPay: () => laterStep('priceSelfPay')?.(),
    confirm: () => laterStep('confirm')?.(),
    renewHold: () => void on.flow()?.renewHolds(),
    changeTime: () => {
      const series = on.state().holds.length > 1;
      on.releaseHolds();
      on.go(series ? 'series' : 'time');
    },
    startReschedule: () => {
      const appointment = on.state().managed!.appointment;
      on.picker()?.reset();
      on.go('time', { rescheduling: true, locationId: appointment.locationId, typeId: appointment.appointmentTypeId, providerId: appointment.providerId, ackFee: false, month: '', selectedDate: '' });
    },
    keepCurrent: () => {
      on.releaseHolds();
      on.go('manage', { rescheduling: false, ackFee: false });
    },
    openManage: (token, event) => on.openManage(token, event),
    copyLink: (token) => laterStep('copyLink')?.(token),
    cancelAppointment: () => laterStep('cancelAppointment')?.(),
    confirmAttendance: () => laterStep('confirmAttendance')?.(),
    joinWaitlist: () => laterStep('joinWaitlist')?.(),
    planSeries: () => laterStep('planSeries')?.(),
    holdSeries: () => laterStep('holdSeries')?.(),
    bookAnother: () => on.bookAnother(),
    close: () => on.close(),
  };
}
