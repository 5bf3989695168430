/**
 * Demo home exercise program: phase 2 of rehabilitation after an ACL reconstruction of the right
 * knee, opened by fixed demo tokens. It has a history: the therapist edited it at the two-week
 * visit (version 2), and the patient has been logging, with ratings that ease over time, so the
 * adherence, streak and pain views have something true to show.
 */
import type { ActivityLogEntry, Exercise, HepProgram, ScheduledExercise } from '../schemas/hep.js';
import { expandSchedule } from '../hep/schedule.js';
import { programTimeline } from '../hep/timeline.js';
import { addDays, daysBetween, eachDate, minutesOfDay, timeFromMinutes, weekdayOf, type LocalDate } from '../time/local-date.js';
import { localDayClock } from '../time/day-clock.js';
import { localDateIn, toZonedIso, zonedTimeToInstant } from '../time/zoned-time.js';

export const DEMO_HEP_TOKEN = 'demo-hep-acl-recovery';
export const DEMO_HEP_EXPIRED_TOKEN = 'demo-hep-expired';

const ZONE = 'America/Denver';

/** Days the demo program has been running, and the day of the therapist's edit. */
const DAYS_RUNNING = 24;
const EDIT_AFTER_DAYS = 14;

const exercises: Exercise[] = [
  {
    id: 'quad-sets',
    name: 'Quad sets',
    dosage: { sets: 3, reps: 10, holdSeconds: 5, side: 'right' },
    frequency: { timesPerDay: 3 },
    instructions:
      'Sit or lie with your right leg straight. Tighten the muscle on the front of your thigh and press the back of your knee down. Hold, then relax fully between repetitions.',
    note: 'These matter most until your knee straightens fully on its own. Keep them up.',
  },
  {
    id: 'heel-slides',
    name: 'Heel slides',
    dosage: { sets: 2, reps: 15, side: 'right', equipment: ['Towel or plastic bag under the heel'] },
    frequency: { timesPerDay: 1 },
    instructions:
      'Lie on your back. Slide your right heel toward you as far as is comfortable, hold for a moment, then slide it back until the leg is straight.',
  },
  {
    id: 'straight-leg-raise',
    name: 'Straight leg raise',
    dosage: { sets: 3, reps: 10, side: 'right', load: '1 kg (2 lb) ankle weight' },
    frequency: { timesPerDay: 1 },
    instructions:
      'Lie on your back with your left knee bent. Tighten your right thigh first, then lift the straight leg to the height of the bent knee. Lower it slowly.',
    note: 'Use the ankle weight only if your knee stays completely straight during the lift.',
  },
  {
    id: 'mini-squats',
    name: 'Mini squats',
    dosage: { sets: 3, reps: 12, side: 'both', equipment: ['Kitchen counter or sturdy chair for balance'] },
    frequency: { timesPerDay: 1, weekdays: [1, 3, 5] },
    instructions:
      'Stand with feet hip-width apart, holding the counter. Bend both knees a quarter of the way down, keeping your weight even and your knees over your toes. Stand back up.',
  },
  {
    id: 'calf-raises',
    name: 'Standing calf raises',
    dosage: { sets: 3, reps: 15, side: 'both' },
    frequency: { timesPerDay: 1, daysPerWeek: 3 },
    instructions: 'Hold the counter. Rise onto the balls of both feet, pause, and lower slowly.',
  },
  {
    id: 'single-leg-balance',
    name: 'Single-leg balance',
    dosage: { sets: 3, holdSeconds: 30, side: 'alternating', equipment: ['Sturdy chair or counter within reach'] },
    frequency: { timesPerDay: 1 },
    instructions: 'Stand on one leg beside the counter, eyes on a point ahead. Switch legs after each set.',
    note: 'Fingertips on the counter are fine to start with.',
    logPerSet: true,
  },
  {
    id: 'stationary-bike',
    name: 'Stationary bike',
    dosage: { load: 'Low resistance, 10 minutes', equipment: ['Stationary bike'] },
    frequency: { timesPerDay: 1, daysPerWeek: 4 },
    instructions:
      'Set the seat high enough that your knee is almost straight at the bottom of the stroke. Rock back and forth until a full turn is comfortable, then pedal steadily.',
  },
];

/** Version 1, before the two-week visit: prone hangs, heel slides twice a day, no squats or bike. */
const versionOneSchedule: ScheduledExercise[] = [
  { id: 'quad-sets', name: 'Quad sets', frequency: { timesPerDay: 3 }, sets: 3 },
  { id: 'heel-slides', name: 'Heel slides', frequency: { timesPerDay: 2 }, sets: 2 },
  { id: 'straight-leg-raise', name: 'Straight leg raise', frequency: { timesPerDay: 1 }, sets: 3 },
  { id: 'prone-hangs', name: 'Prone hangs', frequency: { timesPerDay: 2 }, sets: 1 },
  { id: 'calf-raises', name: 'Standing calf raises', frequency: { timesPerDay: 1, daysPerWeek: 3 }, sets: 3 },
  { id: 'single-leg-balance', name: 'Single-leg balance', frequency: { timesPerDay: 1 }, sets: 3 },
];

/** Demo media file names, per exercise, under the page's media folder. */
const MEDIA: Record<string, { video?: boolean; alt: string }> = {
  'quad-sets': { video: true, alt: 'Person sitting with the right leg straight, tightening the thigh.' },
  'heel-slides': { video: true, alt: 'Person lying on their back sliding the right heel toward the buttock.' },
  'straight-leg-raise': { alt: 'Person lying on their back lifting the straight right leg.' },
  'mini-squats': { alt: 'Person holding a counter and bending both knees slightly.' },
  'calf-raises': { alt: 'Person rising onto the balls of both feet.' },
  'single-leg-balance': { alt: 'Person standing on one leg beside a counter.' },
  'stationary-bike': { alt: 'Person pedalling a stationary bike.' },
};

function withMedia(list: Exercise[], url: (file: string) => string): Exercise[] {
  return list.map((exercise) => {
    const media = MEDIA[exercise.id];
    if (!media) return exercise;
    const image = url(`${exercise.id}.svg`);
    return {
      ...exercise,
      media: {
        posterUrl: image,
        imageUrls: [image],
        imageAlt: media.alt,
        ...(media.video
          ? {
              videoUrl: url(`${exercise.id}.webm`),
              captions: [
                { src: url(`${exercise.id}.en.vtt`), srclang: 'en', label: 'English' },
                { src: url(`${exercise.id}.es.vtt`), srclang: 'es', label: 'Español' },
              ],
            }
          : {}),
      },
    };
  });
}

function zonedIso(date: LocalDate, time: string): string {
  // The day clock converts with plain arithmetic on days without a DST change: the history has hundreds of logs.
  const clock = localDayClock(date, ZONE);
  const ms = clock.instantOf(minutesOfDay(time));
  return ms === undefined ? toZonedIso(zonedTimeToInstant(date, time, ZONE), ZONE) : clock.isoOf(ms);
}

export interface DemoHepOptions {
  /** Folder (absolute http(s) URL) holding the demo media; without it the program has no media. */
  mediaBaseUrl?: string;
  /** Or the absolute URL of each demo media file by name (`quad-sets.webm`), for bundlers that hash names. */
  mediaUrl?: (file: string) => string;
}

function mediaResolver(options: DemoHepOptions): ((file: string) => string) | undefined {
  if (options.mediaUrl) return options.mediaUrl;
  if (!options.mediaBaseUrl) return undefined;
  const base = options.mediaBaseUrl.endsWith('/') ? options.mediaBaseUrl : `${options.mediaBaseUrl}/`;
  return (file) => `${base}${file}`;
}

/** The demo media files, by name (pictures for every exercise, videos and captions for two). */
// Pure (as is `demoHepProgram`): bundles that do not read it, such as the memory backend's, leave it out.
export const DEMO_HEP_MEDIA_FILES: readonly string[] = /* @__PURE__ */ Object.entries(MEDIA).flatMap(([id, media]) =>
  media.video ? [`${id}.svg`, `${id}.webm`, `${id}.en.vtt`, `${id}.es.vtt`] : [`${id}.svg`],
);

/** The demo program starting on `startDate`, edited two weeks in. */
function buildProgram(startDate: LocalDate, options: DemoHepOptions = {}): HepProgram {
  const url = mediaResolver(options);
  return {
    id: 'acl-phase-2',
    version: 2,
    title: 'Knee recovery after ACL reconstruction: phase 2',
    updatedAt: zonedIso(addDays(startDate, EDIT_AFTER_DAYS), '10:30'),
    startDate,
    endDate: addDays(startDate, 55),
    timeZone: ZONE,
    painAlertThreshold: 7,
    painGuidance:
      'Stop this exercise for today. Rest, raise your leg and use ice for 15 minutes. If the pain has not eased within an hour, or your knee is swollen, hot or giving way, call the clinic.',
    practiceName: 'Cedar Ridge Physical Therapy',
    practicePhone: '+1 303-555-0142',
    exercises: url ? withMedia(exercises, url) : exercises,
    revisions: [{ version: 1, effectiveFrom: zonedIso(addDays(startDate, -1), '16:00'), exercises: versionOneSchedule }],
  };
}

/** The demo program with fixed dates (November 2026), for fixtures and seeding a server. */
export const demoHepProgram: HepProgram = /* @__PURE__ */ buildProgram('2026-11-02');

/** The demo program as of `now`: started 24 days before today, in the patient's zone. */
export function demoHepProgramAt(now: Date, options: DemoHepOptions = {}): HepProgram {
  return buildProgram(addDays(localDateIn(now, ZONE), -DAYS_RUNNING), options);
}

/** A small deterministic generator (mulberry32) so the demo history is the same on every load. */
function random(seedText: string): () => number {
  let seed = 0;
  for (const char of seedText) seed = (Math.imul(seed, 31) + char.charCodeAt(0)) | 0;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(next() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const SESSION_TIMES = ['08:10', '13:20', '19:05'];

/**
 * The patient's logs from the start of the program up to `now`: most sessions done, a few
 * missed (more at weekends) but none in the last few days, a pain flare in the first week, and
 * pain easing from about 5 to 2.
 */
export function demoHepActivity(program: HepProgram, now: Date): ActivityLogEntry[] {
  const timeline = programTimeline(program);
  const today = localDateIn(now, ZONE);
  const minuteNow = minutesOfDay(toZonedIso(now, ZONE).slice(11, 16));
  const logs: ActivityLogEntry[] = [];
  for (const date of eachDate(program.startDate, today)) {
    const next = random(`${program.id}|${date}`);
    const dayIndex = daysBetween(program.startDate, date);
    const weekend = weekdayOf(date) >= 6;
    // The last few days went well: the demo opens on a streak.
    const onTrack = daysBetween(date, today) <= 2;
    const skipDay = !onTrack && next() < (weekend ? 0.15 : 0.04);
    const progress = Math.min(1, dayIndex / DAYS_RUNNING);
    for (const bucket of expandSchedule(timeline, date, date)) {
      if (skipDay) continue;
      if (bucket.kind === 'week') {
        // Flexible exercises: done on the first days of the week until the target is met.
        const position = bucket.dates.indexOf(date);
        const target = bucket.quota / bucket.perDay;
        if (position < 0 || position % 2 === 1 || position / 2 >= target) continue;
      }
      for (let session = 0; session < bucket.perDay; session++) {
        if (!onTrack && next() < (weekend ? 0.12 : 0.03)) continue;
        const time = timeFromMinutes(minutesOfDay(SESSION_TIMES[session % SESSION_TIMES.length]!) + Math.floor(next() * 40));
        if (date === today && minutesOfDay(time) >= minuteNow) continue;
        const rated = next() < 0.55;
        const flare = dayIndex === 4 && bucket.exerciseId === 'prone-hangs';
        const pain = flare ? 7 : Math.max(0, Math.min(10, Math.round(5 - 3 * progress + (next() * 2 - 1))));
        const difficulty = Math.max(1, Math.min(5, Math.round(3.4 - 1.2 * progress + (next() - 0.5))));
        const base = {
          exerciseId: bucket.exerciseId,
          programVersion: bucket.version,
          ...(rated || flare ? { pain, difficulty } : {}),
        };
        const sets = bucket.sets ?? 1;
        const perSet = bucket.exerciseId === 'single-leg-balance';
        const pieces = perSet ? sets : 1;
        for (let piece = 0; piece < pieces; piece++) {
          const at = timeFromMinutes(Math.min(23 * 60 + 59, minutesOfDay(time) + piece * 2));
          logs.push({
            clientId: uuidFrom(next),
            completedAt: zonedIso(date, at),
            ...(perSet ? { completedSets: 1 } : bucket.sets ? { completedSets: bucket.sets } : {}),
            ...base,
          });
        }
      }
    }
  }
  return logs.sort((a, b) => Date.parse(a.completedAt) - Date.parse(b.completedAt));
}

export interface DemoHepSeed {
  token: string;
  program: HepProgram;
  expiresAt?: string;
  logs?: ActivityLogEntry[];
}

/** The demo links as of `now`: the running program with its history, and an expired link. */
export function demoHepPrograms(now: Date, options: DemoHepOptions = {}): DemoHepSeed[] {
  const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
  const program = demoHepProgramAt(now, options);
  return [
    { token: DEMO_HEP_TOKEN, program, expiresAt: inDays(90), logs: demoHepActivity(program, now) },
    { token: DEMO_HEP_EXPIRED_TOKEN, program, expiresAt: inDays(-1) },
  ];
}
