/** A provider's availability as a backend stores it (never sent to browsers). */
// A polluted Object.prototype must be tamed before zod builds its schemas (it enumerates with for...in).
import '../util/enumerable-prototype.js';
import * as z from 'zod/mini';
import { IdSchema, LocalDateSchema, LocalTimeSchema, WeekdaySchema } from '../schemas/common.js';

export const TimeRangeSchema = z.object({ start: LocalTimeSchema, end: LocalTimeSchema });
export type TimeRange = z.infer<typeof TimeRangeSchema>;

/** A weekly block of work at one location, in that location's zone, minus its breaks. */
export const WorkingHoursSchema = z.object({
  providerId: IdSchema,
  locationId: IdSchema,
  weekday: WeekdaySchema,
  start: LocalTimeSchema,
  end: LocalTimeSchema,
  breaks: z.optional(z.array(TimeRangeSchema)),
});
export type WorkingHours = z.infer<typeof WorkingHoursSchema>;

/** A day with no bookings: the whole practice, one location, or one provider. */
export const ClosureSchema = z.object({
  date: LocalDateSchema,
  locationId: z.optional(IdSchema),
  providerId: z.optional(IdSchema),
  reason: z.optional(z.string()),
});
export type Closure = z.infer<typeof ClosureSchema>;
