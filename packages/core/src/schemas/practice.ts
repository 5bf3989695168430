/** The practice catalogue the booking element offers: locations, appointment types, providers. */
// A polluted Object.prototype must be tamed before zod builds its schemas (it enumerates with for...in).
import '../util/enumerable-prototype.js';
import * as z from 'zod/mini';
import { DisciplineSchema } from './discipline.js';
import {
  AddressSchema,
  IdSchema,
  LabelSchema,
  LocaleSchema,
  MoneySchema,
  PhoneSchema,
  TextSchema,
  TimeZoneSchema,
  UrlSchema,
} from './common.js';

export const CancellationPolicySchema = z.object({
  /** Cancel or reschedule at least this many hours ahead to avoid the fee. */
  minimumNoticeHours: z.int().check(z.gte(0), z.lte(24 * 14)),
  lateCancelFee: z.optional(MoneySchema),
  /**
   * Minutes after booking during which a change is free even inside the notice window (a patient
   * who books tomorrow's 9:00 may still fix a mistake). Default 15 (`DEFAULT_CHANGE_GRACE_MINUTES`).
   */
  changeGraceMinutes: z.optional(z.int().check(z.gte(0), z.lte(24 * 60))),
  text: z.optional(TextSchema),
});
export type CancellationPolicy = z.infer<typeof CancellationPolicySchema>;

export const ReviewSiteSchema = z.enum(['google', 'facebook', 'yelp', 'other']);
export type ReviewSite = z.infer<typeof ReviewSiteSchema>;

export const ReviewLinkSchema = z.object({
  site: ReviewSiteSchema,
  url: UrlSchema,
  label: z.optional(LabelSchema),
});
export type ReviewLink = z.infer<typeof ReviewLinkSchema>;

export const PracticeSchema = z.object({
  id: IdSchema,
  name: LabelSchema,
  phone: z.optional(PhoneSchema),
  email: z.optional(z.email()),
  website: z.optional(UrlSchema),
  cancellationPolicy: CancellationPolicySchema,
  /** Shown on the booking confirmation: "bring your insurance card, wear loose clothing". */
  whatToBring: z.optional(TextSchema),
  reviewLinks: z.optional(z.array(ReviewLinkSchema)),
});
export type Practice = z.infer<typeof PracticeSchema>;

export const LocationSchema = z.object({
  id: IdSchema,
  name: LabelSchema,
  address: AddressSchema,
  timeZone: TimeZoneSchema,
  phone: z.optional(PhoneSchema),
  /** A maps link for directions; generated from the address when absent. */
  mapUrl: z.optional(UrlSchema),
});
export type Location = z.infer<typeof LocationSchema>;

export const ModalitySchema = z.enum(['in-clinic', 'telehealth']);
export type Modality = z.infer<typeof ModalitySchema>;

export const PatientEligibilitySchema = z.enum(['new', 'returning', 'any']);
export type PatientEligibility = z.infer<typeof PatientEligibilitySchema>;

export const AppointmentTypeSchema = z.object({
  id: IdSchema,
  name: LabelSchema,
  description: z.optional(TextSchema),
  durationMinutes: z.int().check(z.gte(5), z.lte(480)),
  /** Time kept free after the visit (notes, room turnover). */
  bufferMinutes: z.int().check(z.gte(0), z.lte(120)),
  modality: ModalitySchema,
  patientEligibility: PatientEligibilitySchema,
  /** Locations that offer it; absent means all. */
  locationIds: z.optional(z.array(IdSchema)),
  /** The therapy it is a visit of: how a referral's booking link picks its visit type. */
  discipline: z.optional(DisciplineSchema),
});
export type AppointmentType = z.infer<typeof AppointmentTypeSchema>;

export const ProviderSchema = z.object({
  id: IdSchema,
  name: LabelSchema,
  /** Credentials shown after the name: "PT, DPT", "OTR/L". */
  credentials: z.optional(z.string().check(z.maxLength(100))),
  bio: z.optional(TextSchema),
  photoUrl: z.optional(UrlSchema),
  languages: z.optional(z.array(LocaleSchema)),
  locationIds: z.array(IdSchema),
  appointmentTypeIds: z.array(IdSchema),
});
export type Provider = z.infer<typeof ProviderSchema>;

/** Lists as the catalogue calls return them. */
export const LocationListSchema = z.array(LocationSchema);
export const AppointmentTypeListSchema = z.array(AppointmentTypeSchema);
export const ProviderListSchema = z.array(ProviderSchema);
