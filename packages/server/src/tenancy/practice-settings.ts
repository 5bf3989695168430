/**
 * What the operator gives when creating a practice: its id (the path segment), name, admin API
 * key and configuration. Defaults are the server's own; nothing here is shared between practices.
 */
import { TimeZoneSchema } from '@pxm/core';
import * as z from 'zod/mini';

/**
 * Lowercase letters, digits and inner dashes, at most 24 characters: the id is a path segment
 * and part of the practice's PostgreSQL schema name (dashes become underscores, and ids have no
 * underscore of their own, so two ids never share a schema).
 */
export const PracticeIdSchema = z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,22}[a-z0-9])?$/, 'Lowercase letters, digits and dashes, at most 24.'));

export const DEFAULT_PRACTICE_ID = 'default';

export const PracticeSettingsSchema = z.strictObject({
  /** Browser origins allowed to call this practice's routes. Default none. */
  corsOrigins: z.optional(z.array(z.string().check(z.regex(/^(?:\*|https?:\/\/[^/\s]+)$/, 'An origin (https://clinic.example) or *.'))).check(z.maxLength(50))),
  /** How long a slot hold lasts, in minutes. */
  holdTtlMinutes: z.optional(z.int().check(z.gte(1), z.lte(120))),
  /** The clinic's zone: local dates of referral deadlines. */
  timeZone: z.optional(TimeZoneSchema),
  /** Reminders, in minutes before the visit. */
  reminderOffsetsMinutes: z.optional(z.array(z.int().check(z.gte(5), z.lte(60 * 24 * 30))).check(z.maxLength(5))),
  /** Referral policies. */
  referralDuplicateWindowDays: z.optional(z.int().check(z.gte(0), z.lte(365))),
  referralEmailAllowed: z.optional(z.boolean()),
  /** `demo` fills the new practice with the demo catalogue (tests, trials); default empty. */
  seed: z.optional(z.enum(['demo', 'none'])),
});
export type PracticeSettings = z.infer<typeof PracticeSettingsSchema>;

export const PracticeRequestSchema = z.strictObject({
  id: PracticeIdSchema,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The practice's admin API key (kept as its SHA-256 digest only). */
  adminApiKey: z.string().check(z.minLength(24), z.maxLength(200)),
  settings: z.optional(PracticeSettingsSchema),
});
export type PracticeRequest = z.infer<typeof PracticeRequestSchema>;

/** What the operator API answers: never the key. */
export interface PracticeRecord {
  id: string;
  name: string;
  settings: PracticeSettings;
  /** Where the practice's API lives: the REST adapter's `baseUrl` is the server's origin plus this. */
  basePath: string;
  createdAt: string;
}
