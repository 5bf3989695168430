/**
 * `@pxm/adapter-fhir/booking`: the booking area (Organization, Slots or the server's scheduler,
 * Appointments, benefits). Offered when the options name a practice.
 */
import { CONTRACT_METHODS, lazyCapability, type BookingApi } from '@pxm/core';
import { practiceScope } from '../adapter-options.js';
import type { FhirArea } from '../compose.js';

export const fhirBooking: FhirArea<'booking'> = {
  capability: 'booking',
  create(context, options) {
    if (!practiceScope(options)) return undefined;
    return lazyCapability<BookingApi>(
      'booking',
      async () => (await import('./fhir-booking.js')).createFhirBooking(context, { eligibility: options.eligibility }),
      { ...CONTRACT_METHODS.booking, verifyEligibility: options.eligibility === true },
    );
  },
};
