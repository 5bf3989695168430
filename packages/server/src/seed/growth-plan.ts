/**
 * The shape of a grown deployment, for the growth benchmark (bench/growth.bench.ts): many
 * practices of uneven size (a few large groups, some mid-sized, many small clinics), each with
 * its locations in US time zones, the three demo visit types and weekday hours. Deterministic:
 * the same plan gives the same practices, ids and sizes on every run.
 */
import { demoAppointmentTypes, demoPractice } from '@pxm/core/demo';
import type { PracticeRequest } from '../tenancy/practice-settings.js';

export interface GrowthPlan {
  practices: number;
  /** Providers across all practices. */
  providers: number;
  /** Visits booked through the server per provider per working day. */
  visitsPerProviderDay: number;
  /** The calendar filled with visits: this many days before and after "now". */
  daysBack: number;
  daysAhead: number;
}

/** 50 practices, 1,000 providers, a year of visits (the figures in the server README). */
export const GROWTH_PLAN: GrowthPlan = { practices: 50, providers: 1000, visitsPerProviderDay: 2, daysBack: 182, daysAhead: 182 };
/** A smoke run: the same shape, small. */
export const QUICK_GROWTH_PLAN: GrowthPlan = { practices: 5, providers: 40, visitsPerProviderDay: 2, daysBack: 14, daysAhead: 21 };

/** Zones whose working days all fit inside one evening's sending window (see the bench's reminder run). */
export const GROWTH_TIME_ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles'] as const;

/** Providers per location. */
const PROVIDERS_PER_LOCATION = 12;

export interface GrowthLocation {
  id: string;
  timeZone: string;
}

export interface GrowthPractice {
  /** Position in the plan (0-based): seeds its random visit times. */
  index: number;
  id: string;
  name: string;
  adminApiKey: string;
  locations: GrowthLocation[];
  /** Provider ids, each working at `locations[position % locations.length]`. */
  providerIds: string[];
}

/** Weights: three large groups, seven mid-sized practices, the rest small clinics. */
function weightOf(index: number): number {
  if (index < 3) return 12;
  if (index < 10) return 4;
  return 1;
}

/** Providers per practice by largest remainder, each practice at least one. */
function sizes(plan: GrowthPlan): number[] {
  const weights = Array.from({ length: plan.practices }, (_, index) => weightOf(index));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const exact = weights.map((weight) => Math.max(1, (plan.providers * weight) / total));
  const counts = exact.map(Math.floor);
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  let left = plan.providers - counts.reduce((sum, count) => sum + count, 0);
  for (const { index } of order) {
    if (left <= 0) break;
    counts[index]!++;
    left--;
  }
  return counts;
}

export function growthPractices(plan: GrowthPlan): GrowthPractice[] {
  return sizes(plan).map((providers, index) => {
    const locationCount = Math.ceil(providers / PROVIDERS_PER_LOCATION);
    const number = String(index + 1).padStart(2, '0');
    return {
      index,
      id: `growth-${number}`,
      name: `Growth Practice ${number}`,
      adminApiKey: `growth-admin-key-${number}-0123456789abcdef`,
      locations: Array.from({ length: locationCount }, (_, position) => ({
        id: `location-${position + 1}`,
        timeZone: GROWTH_TIME_ZONES[(index + position) % GROWTH_TIME_ZONES.length]!,
      })),
      providerIds: Array.from({ length: providers }, (_, position) => `provider-${position + 1}`),
    };
  });
}

/** What the operator API is asked to create (reminders a day before the visit only). */
export function growthPracticeRequest(practice: GrowthPractice): PracticeRequest {
  return {
    id: practice.id,
    name: practice.name,
    adminApiKey: practice.adminApiKey,
    settings: { timeZone: practice.locations[0]!.timeZone, reminderOffsetsMinutes: [24 * 60], seed: 'none' },
  };
}

/** The catalogue documents, in the shapes of core's schemas (the demo practice's, renamed). */
export function growthCatalogue(practice: GrowthPractice) {
  const typeIds = ['follow-up', 'telehealth-check-in'];
  return {
    practice: { ...demoPractice, id: practice.id, name: practice.name, reviewLinks: [] },
    locations: practice.locations.map((location, position) => ({
      id: location.id,
      name: `${practice.name} ${position + 1}`,
      address: { line1: `${100 + position} Main St`, city: 'Springfield', region: 'CO', postalCode: '80202', country: 'US' },
      timeZone: location.timeZone,
    })),
    appointmentTypes: demoAppointmentTypes.filter((type) => typeIds.includes(type.id)),
    providers: practice.providerIds.map((id, position) => ({
      id,
      name: `Provider ${position + 1}`,
      credentials: 'PT, DPT',
      languages: ['en'],
      locationIds: [practice.locations[position % practice.locations.length]!.id],
      appointmentTypeIds: typeIds,
    })),
    workingHours: practice.providerIds.flatMap((providerId, position) =>
      [1, 2, 3, 4, 5].map((weekday) => ({
        providerId,
        locationId: practice.locations[position % practice.locations.length]!.id,
        weekday,
        start: '08:00',
        end: '17:00',
        breaks: [{ start: '12:00', end: '13:00' }],
      })),
    ),
  };
}
