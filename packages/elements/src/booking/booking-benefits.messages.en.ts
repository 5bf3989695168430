/** English wording of the coverage check's findings and a series beyond what a plan covers (loaded with the later steps). */
import { plural } from './booking-plural.js';

export const bookingBenefitsEn = {
  benefitStatus: 'Coverage',
  benefitActive: 'Active',
  benefitInactive: 'Not active',
  benefitUnknown: 'Unknown: your insurer did not say',
  benefitAsOf: (when: string) => `As of ${when}`,
  benefitCost: 'Estimated cost of this visit',
  costCopay: (amount: string) => `${amount} copay`,
  costCoinsurance: (percent: string) => `${percent}% coinsurance`,
  costCoinsuranceShare: 'Your coinsurance share of the visit',
  costAbout: (amount: string, basis: string) => `About ${amount} (${basis})`,
  costDeductible: (amount: string) => `About ${amount}, until your deductible is met`,
  costDeductibleUnknown: 'The visit’s price, until your deductible is met',
  costSelfPay: (amount: string) => `${amount} (self-pay price)`,
  deductibleLeft: (amount: string) => `Deductible left to meet: ${amount}`,
  deductibleMet: 'Your deductible is met',
  benefitVisits: 'Visits left this year',
  benefitVisitsPlanYear: 'Visits left this plan year',
  visitsShared: (disciplines: string) => `Shared with ${disciplines}`,
  'discipline_physical-therapy': 'physical therapy',
  'discipline_occupational-therapy': 'occupational therapy',
  'discipline_speech-therapy': 'speech therapy',
  benefitPriorAuth: 'Prior authorization',
  priorAuthNeeded: 'Prior authorization needed: the clinic will request it.',
  priorAuthNotNeeded: 'Not needed',
  estimateNote: 'This is an estimate, not a guarantee. Your insurer decides what it pays after the visit.',
  coverageChecked: 'We checked your coverage.',
  confirmLater: 'We’ll confirm your coverage before your visit. You can book now.',
  confirmLaterBooked: 'We’ll confirm your coverage before your visit.',
  selfPayPrice: (amount: string) => `Self-pay price: ${amount} a visit.`,
  seriesCovered: (covered: number, total: number) => (covered ? `Your plan covers ${covered} of these ${total} visits` : `Your plan covers none of these ${total} visits`),
  seriesCoveredText: (covered: number, rest: number) =>
    covered
      ? `We’ll book ${plural(covered, 'the first one', `the first ${covered}`)} and leave ${plural(rest, 'the last one', `the other ${rest}`)} out, unless you agree to pay for ${plural(rest, 'it', 'them')} yourself.`
      : `We can book ${plural(rest, 'it', 'them')} only if you agree to pay for ${plural(rest, 'it', 'them')} yourself.`,
  seriesSelfPayAgree: (rest: number, price: string) => `I agree to pay the self-pay price of ${price} a visit for the ${rest} ${plural(rest, 'visit', 'visits')} my plan does not cover.`,
  seriesSelfPayAgreeUnpriced: (rest: number) => `I agree to pay the practice’s self-pay price for the ${rest} ${plural(rest, 'visit', 'visits')} my plan does not cover (the front desk will tell you the price).`,
  errSelfPayAgree: 'Agree to pay for the visits your plan does not cover, or choose fewer visits.',
  confirmCovered: (count: number) => `Confirm ${count} covered ${plural(count, 'visit', 'visits')}`,
  seriesLeftOut: (count: number) => `${count} ${plural(count, 'visit', 'visits')} beyond what your plan covers ${plural(count, 'was', 'were')} not booked.`,
};

export type BookingBenefitsMessages = typeof bookingBenefitsEn;
