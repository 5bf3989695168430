/**
 * Demo episode of care: six weeks of therapy after an ACL reconstruction of the right knee (the
 * demo home program belongs to it), opened by a fixed demo token. Goals in the patient's words
 * (one with Goal Attainment Scaling and a therapist's rating), LEFS and NPRS histories, and the
 * LEFS due again, so every part of the progress view has something true to show.
 */
import type { EpisodeOfCare, Goal, MeasureResult, MeasureSchedule } from '../schemas/progress.js';
import { addDays, type LocalDate } from '../time/local-date.js';
import { localDateIn, toZonedIso, zonedTimeToInstant } from '../time/zoned-time.js';
import { DEMO_HEP_TOKEN } from './hep.js';
import { demoPractice } from './practice.js';

export const DEMO_PROGRESS_TOKEN = 'demo-progress';
export const DEMO_PROGRESS_EXPIRED_TOKEN = 'demo-progress-expired';

const ZONE = 'America/Denver';

/** Days since the episode began, and the visit days (two a week) counted back from today. */
const EPISODE_DAYS = 42;
const VISIT_DAYS_AGO = [42, 39, 35, 32, 28, 25, 21, 18, 14, 11, 7, 4];

export interface DemoProgressSeed {
  token: string;
  expiresAt?: string;
  episode: EpisodeOfCare;
  goals: Goal[];
  /** Results so far, oldest first. */
  results: MeasureResult[];
  schedule: MeasureSchedule;
  /** Visits attended (instants), oldest first: "every N visits" counts them. */
  visits: string[];
  /** The HEP whose adherence shows beside the measures. */
  hepToken?: string;
}

/** The demo episode as of `now`, with dates relative to it in the clinic's zone. */
export function demoProgressEpisode(now: Date): DemoProgressSeed {
  const today = localDateIn(now, ZONE);
  const at = (daysAgo: number, time: string) => toZonedIso(zonedTimeToInstant(addDays(today, -daysAgo), time, ZONE), ZONE);
  const dateIn = (days: number): LocalDate => addDays(today, days);
  const startedAt = at(EPISODE_DAYS, '10:00');
  const result = (instrumentId: string, score: number, daysAgo: number, time: string, source: 'intake' | 'clinic'): MeasureResult => ({
    id: `demo-${instrumentId}-${daysAgo}`,
    instrumentId,
    score,
    takenAt: at(daysAgo, time),
    source,
  });
  return {
    token: DEMO_PROGRESS_TOKEN,
    expiresAt: new Date(now.getTime() + 90 * 86_400_000).toISOString(),
    episode: {
      id: 'demo-episode-right-knee',
      title: 'Right knee after ACL reconstruction',
      status: 'active',
      startedAt,
      timeZone: ZONE,
      practiceName: demoPractice.name,
      ...(demoPractice.phone ? { practicePhone: demoPractice.phone } : {}),
      therapistName: 'Ana Rivera, PT, DPT',
      referringPhysician: 'Dr. Lena Park, orthopedic surgeon',
    },
    goals: [
      {
        id: 'demo-goal-stairs',
        text: 'Carry my granddaughter up the stairs to her room',
        targetDate: dateIn(42),
        status: 'active',
        scale: [
          { value: -2, description: 'Needs help on the stairs, even without carrying anything' },
          { value: -1, description: 'Up one flight alone with the rail, not carrying her' },
          { value: 0, description: 'Carries her up one flight with the rail, resting once' },
          { value: 1, description: 'Carries her up one flight with the rail, without resting' },
          { value: 2, description: 'Carries her up and down without the rail' },
        ],
        ratings: [
          { id: 'demo-rating-stairs-1', author: 'patient', level: -2, note: 'Stairs still scare me.', ratedAt: at(28, '19:30') },
          { id: 'demo-rating-stairs-2', author: 'therapist', authorName: 'Ana Rivera, PT, DPT', level: -1, note: 'Steady on the stairs with the rail; we start carrying a weighted bag next week.', ratedAt: at(7, '11:00') },
        ],
      },
      {
        id: 'demo-goal-walk',
        text: 'Walk the dog around the lake without stopping',
        targetDate: dateIn(28),
        status: 'active',
        ratings: [{ id: 'demo-rating-walk-1', author: 'patient', note: 'Made it halfway on Sunday.', ratedAt: at(3, '18:00') }],
      },
      {
        id: 'demo-goal-car',
        text: 'Get in and out of the car on my own',
        targetDate: dateIn(-7),
        status: 'achieved',
        ratings: [{ id: 'demo-rating-car-1', author: 'therapist', authorName: 'Ana Rivera, PT, DPT', note: 'Done without help since week 3.', ratedAt: at(21, '11:00') }],
      },
    ],
    results: [
      result('lefs', 32, 42, '10:30', 'clinic'),
      result('nprs', 7, 42, '10:30', 'clinic'),
      result('lefs', 41, 28, '10:30', 'clinic'),
      result('nprs', 5, 21, '10:30', 'clinic'),
      result('lefs', 47, 16, '19:00', 'intake'),
      result('nprs', 4, 5, '19:00', 'intake'),
    ],
    schedule: {
      startedAt,
      timeZone: ZONE,
      assignments: [
        // LEFS every two weeks (last taken 16 days ago: due now); NPRS every third visit.
        { instrumentId: 'lefs', everyDays: 14, atDischarge: true },
        { instrumentId: 'nprs', everyVisits: 3, atDischarge: true },
      ],
    },
    visits: VISIT_DAYS_AGO.map((daysAgo) => at(daysAgo, '10:00')),
    hepToken: DEMO_HEP_TOKEN,
  };
}

/** The demo links as of `now`: the running episode, and the same episode behind an expired link. */
export function demoProgressEpisodes(now: Date): DemoProgressSeed[] {
  const episode = demoProgressEpisode(now);
  return [episode, { ...episode, token: DEMO_PROGRESS_EXPIRED_TOKEN, expiresAt: new Date(now.getTime() - 86_400_000).toISOString() }];
}
