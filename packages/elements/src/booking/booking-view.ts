/** What the step views read and call: the element hands them this instead of itself. */
import type { AppointmentType, Location, Provider, Slot } from '@pxm/core/booking';
import type { CommonMessages } from '../l10n/common.en.js';
import type { LocalizeController } from '../l10n/localize-controller.js';
import type { BookingMessages } from './booking.messages.en.js';
import type { BenefitsChoice } from './booking-benefit-choice.js';
import type { BookingState, BookingStep, Catalog, DetailsDraft } from './booking-state.js';
import type { BookingZones } from './booking-zones.js';

export interface BookingActions {
  set(patch: Partial<BookingState>): void;
  draft(patch: Partial<DetailsDraft>): void;
  go(step: BookingStep): void;
  /** Choose step done: on to the times. */
  toTimes(): void;
  pickSlot(slot: Slot): void;
  nextAvailable(): void;
  /** Details step done: validate, then review. */
  toReview(): void;
  checkEligibility(): void;
  /** Self-pay chosen: asks the backend for the practice's self-pay price (once). */
  priceSelfPay(): void;
  confirm(): void;
  renewHold(): void;
  /** Drops the held time(s) and goes back to the times. */
  changeTime(): void;
  startReschedule(): void;
  /** Leaves a reschedule: the held time goes, the booked visit stays. */
  keepCurrent(): void;
  /** A click on a manage link of this element's confirmation: opens it here (no hash change needed). */
  openManage(token: string, event: MouseEvent): void;
  /** Copies a manage link to the clipboard and says so. */
  copyLink(token: string): void;
  cancelAppointment(): void;
  /** "I'll be there" in the manage view. */
  confirmAttendance(): void;
  joinWaitlist(): void;
  planSeries(): void;
  holdSeries(): void;
  bookAnother(): void;
  close(): void;
}

export interface BookingView {
  messages: LocalizeController<BookingMessages>;
  common: LocalizeController<CommonMessages>;
  state: BookingState;
  catalog: Catalog;
  location: Location | undefined;
  type: AppointmentType | undefined;
  provider: Provider | undefined;
  /** Where the visit is, in words: the location's name, or "Video visit" for telehealth. */
  placeName: string;
  /** The zone times are shown in, and the two it can be. */
  zone: string;
  clinicZone: string;
  patientZone: string;
  /** Today in the display zone. */
  today: string;
  /** Attribute-fixed choices are not asked again. */
  fixed: { location: boolean; type: boolean; provider: boolean };
  canCheckEligibility: boolean;
  /** What the coverage check shows, for which discipline (`benefits`, `discipline`). */
  benefits: BenefitsChoice;
  /** The backend can record "I'll be there" (`confirmAppointment` is optional). */
  canConfirmAttendance: boolean;
  manageLink(token: string): string;
  providerName(id: string): string;
  actions: BookingActions;
}

/** What a view is given: the state, the catalogue entries it names, the zones and the actions. */
export function bookingView(
  parts: Pick<BookingView, 'messages' | 'common' | 'state' | 'catalog' | 'fixed' | 'canCheckEligibility' | 'benefits' | 'canConfirmAttendance' | 'manageLink' | 'actions'> & BookingZones,
): BookingView {
  const { catalog, state } = parts;
  const location = catalog.locations.find((candidate) => candidate.id === state.locationId);
  const type = catalog.types.find((candidate) => candidate.id === state.typeId);
  return {
    ...parts,
    location,
    type,
    placeName: type?.modality === 'telehealth' ? parts.messages.text('videoVisit') : (location?.name ?? ''),
    provider: catalog.providers.find((provider) => provider.id === state.providerId),
    providerName: (id) => {
      const provider = catalog.providers.find((candidate) => candidate.id === id);
      return provider ? `${provider.name}${provider.credentials ? `, ${provider.credentials}` : ''}` : '';
    },
  };
}
