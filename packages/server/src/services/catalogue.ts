/**
 * The practice's configuration: locations, visit types, providers, working hours, closures.
 * It changes rarely, so each process keeps it for a few seconds rather than reading it on every
 * slot search.
 */
import { AdapterError } from '@pxm/core';
import {
  AppointmentTypeSchema,
  LocationSchema,
  PracticeSchema,
  ProviderSchema,
  WorkingHoursSchema,
  type AppointmentType,
  type Closure,
  type Location,
  type Practice,
  type Provider,
  type WorkingHours,
} from '@pxm/core/booking';
import type { Queryable } from '../db/database.js';
import { assertOutsideTransaction } from '../db/transaction-scope.js';

export interface PracticeConfig {
  practice: Practice;
  locations: Location[];
  appointmentTypes: AppointmentType[];
  providers: Provider[];
  workingHours: WorkingHours[];
  closures: Closure[];
}

export interface Catalogue {
  get(): Promise<PracticeConfig>;
  location(config: PracticeConfig, id: string, operation: string): Location;
  appointmentType(config: PracticeConfig, id: string, operation: string): AppointmentType;
  /** Forget the cached copy (after the configuration changed). */
  invalidate(): void;
}

/** `db`: the primary, or the read routing (a replica when one is configured). */
export function createCatalogue(db: Queryable, ttlMs = 10_000, nowMs: () => number = Date.now): Catalogue {
  let cached: { config: PracticeConfig; at: number } | undefined;
  let loading: Promise<PracticeConfig> | undefined;

  async function load(): Promise<PracticeConfig> {
    const [practiceRow, locations, types, providers, hours, closures] = await Promise.all([
      db.get<{ doc: string }>('SELECT doc FROM practice LIMIT 1'),
      db.all<{ doc: string }>('SELECT doc FROM locations ORDER BY position, id'),
      db.all<{ doc: string }>('SELECT doc FROM appointment_types ORDER BY position, id'),
      db.all<{ doc: string }>('SELECT doc FROM providers ORDER BY position, id'),
      db.all<{ doc: string }>('SELECT doc FROM working_hours'),
      db.all<{ date: string; location_id: string | null; provider_id: string | null; reason: string | null }>(
        'SELECT date, location_id, provider_id, reason FROM closures',
      ),
    ]);
    if (!practiceRow) throw new AdapterError('unsupported', 'This server has no practice configured yet.');
    return {
      practice: PracticeSchema.parse(JSON.parse(practiceRow.doc)),
      locations: locations.map((row) => LocationSchema.parse(JSON.parse(row.doc))),
      appointmentTypes: types.map((row) => AppointmentTypeSchema.parse(JSON.parse(row.doc))),
      providers: providers.map((row) => ProviderSchema.parse(JSON.parse(row.doc))),
      workingHours: hours.map((row) => WorkingHoursSchema.parse(JSON.parse(row.doc))),
      closures: closures.map((row) => ({
        date: row.date,
        ...(row.location_id ? { locationId: row.location_id } : {}),
        ...(row.provider_id ? { providerId: row.provider_id } : {}),
        ...(row.reason ? { reason: row.reason } : {}),
      })),
    };
  }

  return {
    async get() {
      // Cold, this reads through the connection a transaction holds: read it before the transaction.
      assertOutsideTransaction('Reading the practice catalogue');
      if (cached && nowMs() - cached.at < ttlMs) return cached.config;
      loading ??= load()
        .then((config) => {
          cached = { config, at: nowMs() };
          return config;
        })
        .finally(() => {
          loading = undefined;
        });
      return loading;
    },
    location(config, id, operation) {
      const found = config.locations.find((l) => l.id === id);
      if (!found) throw new AdapterError('not_found', 'Unknown location.', { operation, issues: [{ path: 'locationId', message: 'Unknown location.' }] });
      return found;
    },
    appointmentType(config, id, operation) {
      const found = config.appointmentTypes.find((t) => t.id === id);
      if (!found) {
        throw new AdapterError('not_found', 'Unknown appointment type.', { operation, issues: [{ path: 'appointmentTypeId', message: 'Unknown appointment type.' }] });
      }
      return found;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
