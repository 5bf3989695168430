/** What the booking element reads from a referral booking link (the rest of the referral inbox is the practice's). */
// A polluted Object.prototype must be tamed before zod builds its schemas (it enumerates with for...in).
import '../util/enumerable-prototype.js';
import * as z from 'zod/mini';
import { IdSchema, InstantSchema } from './common.js';
import { DisciplineSchema } from './discipline.js';

/** What the booking element learns from a referral booking link: the visit type to book, nothing about the patient. */
export const ReferralBookingContextSchema = z.object({
  appointmentTypeId: IdSchema,
  discipline: DisciplineSchema,
  expiresAt: InstantSchema,
});
export type ReferralBookingContext = z.infer<typeof ReferralBookingContextSchema>;
