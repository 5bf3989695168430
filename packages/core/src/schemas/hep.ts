/** Home exercise programs: the versioned program, each exercise's dosage and schedule, and logs. */
// A polluted Object.prototype must be tamed before zod builds its schemas (it enumerates with for...in).
import '../util/enumerable-prototype.js';
import * as z from 'zod/mini';
import {
  IdSchema,
  InstantSchema,
  LabelSchema,
  LocalDateSchema,
  LocaleSchema,
  PhoneSchema,
  TextSchema,
  TimeZoneSchema,
  UrlSchema,
  WeekdaySchema,
} from './common.js';

export const SideSchema = z.enum(['left', 'right', 'both', 'alternating']);
export type Side = z.infer<typeof SideSchema>;

export const DosageSchema = z.object({
  sets: z.optional(z.int().check(z.gte(1), z.lte(50))),
  reps: z.optional(z.int().check(z.gte(1), z.lte(500))),
  holdSeconds: z.optional(z.int().check(z.gte(1), z.lte(3600))),
  side: z.optional(SideSchema),
  /** Free text the therapist wrote: "2 kg ankle weight", "red band". */
  load: z.optional(z.string().check(z.maxLength(200))),
  equipment: z.optional(z.array(z.string().check(z.maxLength(200)))),
});
export type Dosage = z.infer<typeof DosageSchema>;

/**
 * When an exercise is due: `timesPerDay` on either specific `weekdays`, or any `daysPerWeek`
 * days (the patient picks). With neither, it is due every day.
 */
export const FrequencySchema = z.object({
  timesPerDay: z.int().check(z.gte(1), z.lte(12)),
  daysPerWeek: z.optional(z.int().check(z.gte(1), z.lte(7))),
  weekdays: z.optional(z.array(WeekdaySchema)),
});
export type Frequency = z.infer<typeof FrequencySchema>;

export const CaptionTrackSchema = z.object({
  src: UrlSchema,
  srclang: LocaleSchema,
  label: LabelSchema,
});

export const ExerciseMediaSchema = z.object({
  videoUrl: z.optional(UrlSchema),
  posterUrl: z.optional(UrlSchema),
  captions: z.optional(z.array(CaptionTrackSchema)),
  /** Still images shown when video fails or the patient saves data. */
  imageUrls: z.optional(z.array(UrlSchema)),
  imageAlt: z.optional(TextSchema),
});
export type ExerciseMedia = z.infer<typeof ExerciseMediaSchema>;

export const ExerciseSchema = z.object({
  id: IdSchema,
  name: LabelSchema,
  media: z.optional(ExerciseMediaSchema),
  dosage: DosageSchema,
  frequency: FrequencySchema,
  instructions: z.optional(TextSchema),
  /** A personal note from the therapist. */
  note: z.optional(TextSchema),
  /** Offer logging each set separately. */
  logPerSet: z.optional(z.boolean()),
});
export type Exercise = z.infer<typeof ExerciseSchema>;

/** An exercise's schedule as it stood in an earlier version of the program. */
export const ScheduledExerciseSchema = z.object({
  id: IdSchema,
  name: z.optional(LabelSchema),
  frequency: FrequencySchema,
  /** Prescribed sets, so sets logged one at a time add up to sessions. */
  sets: z.optional(z.int().check(z.gte(1), z.lte(50))),
});
export type ScheduledExercise = z.infer<typeof ScheduledExerciseSchema>;

/**
 * An earlier version of the program's schedule, in effect from `effectiveFrom` until the next
 * version. Adherence counts each day against the schedule in effect that day.
 */
export const HepRevisionSchema = z.object({
  version: z.int().check(z.gte(1)),
  effectiveFrom: InstantSchema,
  exercises: z.array(ScheduledExerciseSchema),
});
export type HepRevision = z.infer<typeof HepRevisionSchema>;

export const HepProgramSchema = z.object({
  id: IdSchema,
  /** Increases each time the therapist edits the program; logs record the version they were made on. */
  version: z.int().check(z.gte(1)),
  title: LabelSchema,
  updatedAt: InstantSchema,
  startDate: LocalDateSchema,
  endDate: z.optional(LocalDateSchema),
  /** The patient's zone: "today" and adherence are counted in it. */
  timeZone: TimeZoneSchema,
  exercises: z.array(ExerciseSchema),
  /** Pain at or above this (0-10) shows the practice's guidance. */
  painAlertThreshold: z.optional(z.int().check(z.gte(0), z.lte(10))),
  painGuidance: z.optional(TextSchema),
  practiceName: z.optional(LabelSchema),
  practicePhone: z.optional(PhoneSchema),
  /**
   * Earlier versions' schedules (optional). Without them, adherence counts the whole program
   * against the current schedule, which is right for a program that was never edited.
   */
  revisions: z.optional(z.array(HepRevisionSchema)),
});
export type HepProgram = z.infer<typeof HepProgramSchema>;

export const ActivityLogEntrySchema = z.object({
  /** Made by the client, so a retried log never duplicates. */
  clientId: z.uuid(),
  exerciseId: IdSchema,
  programVersion: z.int().check(z.gte(1)),
  completedAt: InstantSchema,
  completedSets: z.optional(z.int().check(z.gte(0), z.lte(50))),
  pain: z.optional(z.int().check(z.gte(0), z.lte(10))),
  difficulty: z.optional(z.int().check(z.gte(1), z.lte(5))),
  /** Set when the patient undid the log. */
  voided: z.optional(z.boolean()),
});
export type ActivityLogEntry = z.infer<typeof ActivityLogEntrySchema>;

export const ActivityLogListSchema = z.array(ActivityLogEntrySchema);

export const ActivityQuerySchema = z.strictObject({
  from: z.optional(InstantSchema),
  to: z.optional(InstantSchema),
});
export type ActivityQuery = z.infer<typeof ActivityQuerySchema>;

