import type { AppointmentType } from '../schemas/practice.js';
import type { Discipline } from '../schemas/referral.js';

/**
 * The visit type a referred patient books: the first type of the referral's discipline that a
 * new patient may book (an evaluation, in a practice's usual list order). Undefined when the
 * practice offers none, so staff pick one by hand.
 */
export function visitTypeForReferral(types: readonly AppointmentType[], discipline: Discipline): AppointmentType | undefined {
  return types.find((type) => type.discipline === discipline && type.patientEligibility !== 'returning');
}
