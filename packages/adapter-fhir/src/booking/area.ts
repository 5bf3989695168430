/**
 * `@pxm/adapter-fhir/booking`: the booking area (Organization, Slots or the server's scheduler,
 * Appointments, benefits). Offered when the options name a practice.
 */
import { practiceScope } from '../adapter-options.js';
import type { FhirArea } from '../compose.js';
import { createFhirBooking } from './fhir-booking.js';

export const fhirBooking: FhirArea<'booking'> = {
  capability: 'booking',
  create: (context, options) => (practiceScope(options) ? createFhirBooking(context, { eligibility: options.eligibility }) : undefined),
};
