/**
 * Shared building blocks. Every schema here uses `zod/mini` so browser bundles stay small.
 *
 * Convention: request schemas (what a caller sends) are strict and reject unknown keys;
 * record schemas (what a backend returns) strip unknown keys so a newer backend can add fields.
 */
// A polluted Object.prototype must be tamed before zod builds its schemas (it enumerates with for...in).
import '../util/enumerable-prototype.js';
import * as z from 'zod/mini';
import { _isoDateTime } from 'zod/v4/core';
import { isValidTimeZone } from '../time/zoned-time.js';
import { isLocalDate, isLocalTime } from '../time/local-date.js';

export const IdSchema = z.string().check(z.minLength(1), z.maxLength(200));

/** Opaque, unguessable token from a link (manage, intake, HEP, survey). */
export const TokenSchema = z.string().check(z.minLength(8), z.maxLength(2000));

/** An instant with an explicit offset (`Z` or `±HH:MM`). */
// Built from its parts: `z.iso.datetime` would bring the whole `z.iso` namespace into every page.
export const InstantSchema = _isoDateTime(z.ZodMiniISODateTime, { offset: true });

export const LocalDateSchema = z.string().check(z.refine(isLocalDate, 'Expected a YYYY-MM-DD date.'));

// Pure: a page that never reads local times (the script-tag files) drops it; `.check` would otherwise keep it.
export const LocalTimeSchema = /* @__PURE__ */ z.string().check(z.refine(isLocalTime, 'Expected an HH:MM time.'));

export const TimeZoneSchema = z.string().check(z.refine(isValidTimeZone, 'Expected an IANA time zone.'));

/** ISO weekday, 1 = Monday ... 7 = Sunday. */
export const WeekdaySchema = z.int().check(z.gte(1), z.lte(7));

/** BCP 47 language tag, e.g. `en`, `es-MX`. */
export const LocaleSchema = z.string().check(z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/));

/** Text for people: short labels and names. */
export const LabelSchema = z.string().check(z.minLength(1), z.maxLength(500));

/** Longer text for people: descriptions, instructions, policies. */
export const TextSchema = z.string().check(z.maxLength(20_000));

export const UrlSchema = z.url({ protocol: /^https?$/ });

export const EmailSchema = z.email();

/** Lenient international phone: digits with common punctuation, 7-15 digits in all. */
export const PhoneSchema = z
  .string()
  .check(
    z.regex(/^\+?[\d\s().-]{7,25}$/, 'Expected a phone number.'),
    z.refine((value) => value.replace(/\D/g, '').length >= 7 && value.replace(/\D/g, '').length <= 15, 'Expected 7 to 15 digits.'),
  );

export const MoneySchema = z.object({
  /** Minor units (cents) so no float rounding ever shows up on a receipt. */
  amountMinor: z.int().check(z.gte(0)),
  currency: z.string().check(z.length(3)),
});
export type Money = z.infer<typeof MoneySchema>;

export const AddressSchema = z.object({
  line1: LabelSchema,
  line2: z.optional(z.string().check(z.maxLength(500))),
  city: LabelSchema,
  region: z.optional(z.string().check(z.maxLength(100))),
  postalCode: z.optional(z.string().check(z.maxLength(20))),
  country: z.optional(z.string().check(z.length(2))),
});
export type Address = z.infer<typeof AddressSchema>;

/** Options every adapter method accepts. */
export interface CallOptions {
  signal?: AbortSignal;
}
