/** The therapy disciplines a practice offers, benefits are counted in, and referrals ask for. */
// A polluted Object.prototype must be tamed before zod builds its schemas (it enumerates with for...in).
import '../util/enumerable-prototype.js';
import * as z from 'zod/mini';

export const DisciplineSchema = z.enum(['physical-therapy', 'occupational-therapy', 'speech-therapy']);
export type Discipline = z.infer<typeof DisciplineSchema>;
