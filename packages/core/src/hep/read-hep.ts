/**
 * Boundary checks for what a HEP backend returns, without zod, so the viewer can check every
 * reply (defence in depth) and still fit its size budget. They accept exactly what
 * `HepProgramSchema` and `ActivityLogListSchema` accept (a test compares them), drop unknown keys,
 * and turn anything else into a `server` error naming where it went wrong.
 */
import { AdapterError } from '../errors/adapter-error.js';
import type { ActivityLogEntry, HepProgram } from '../schemas/hep.js';
import { ShapeError, boolean, httpUrl, instant, integer, list, oneOf, optional, shape, text, type Reader } from '../survey/shape-reader.js';
import { isLocalDate } from '../time/local-date.js';
import { isValidTimeZone } from '../time/zoned-time.js';

const id = text(1, 200);
const label = text(1, 500);
const longText = text(0, 20_000);
const short = text(0, 200);

const localDate: Reader<string> = (value, path) => {
  if (typeof value === 'string' && isLocalDate(value)) return value;
  throw new ShapeError(path);
};

const timeZone: Reader<string> = (value, path) => {
  if (typeof value === 'string' && isValidTimeZone(value)) return value;
  throw new ShapeError(path);
};

const phone: Reader<string> = (value, path) => {
  const digits = typeof value === 'string' ? value.replace(/\D/g, '').length : 0;
  if (typeof value === 'string' && /^\+?[\d\s().-]{7,25}$/.test(value) && digits >= 7 && digits <= 15) return value;
  throw new ShapeError(path);
};

/** RFC 9562 ids, as `z.uuid()` takes them: versions 1-8 with the RFC variant, or the nil and max ids. */
const uuid = text(
  36,
  36,
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/,
);

const frequency = shape({
  timesPerDay: integer(1, 12),
  daysPerWeek: optional(integer(1, 7)),
  weekdays: optional(list(integer(1, 7))),
});

const exercise = shape({
  id,
  name: label,
  media: optional(
    shape({
      videoUrl: optional(httpUrl),
      posterUrl: optional(httpUrl),
      captions: optional(list(shape({ src: httpUrl, srclang: text(0, Infinity, /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/), label }))),
      imageUrls: optional(list(httpUrl)),
      imageAlt: optional(longText),
    }),
  ),
  dosage: shape({
    sets: optional(integer(1, 50)),
    reps: optional(integer(1, 500)),
    holdSeconds: optional(integer(1, 3600)),
    side: optional(oneOf(['left', 'right', 'both', 'alternating'])),
    load: optional(short),
    equipment: optional(list(short)),
  }),
  frequency,
  instructions: optional(longText),
  note: optional(longText),
  logPerSet: optional(boolean),
});

const revision = shape({
  version: integer(1, Number.MAX_SAFE_INTEGER),
  effectiveFrom: instant,
  exercises: list(shape({ id, name: optional(label), frequency, sets: optional(integer(1, 50)) })),
});

const program = shape({
  id,
  version: integer(1, Number.MAX_SAFE_INTEGER),
  title: label,
  updatedAt: instant,
  startDate: localDate,
  endDate: optional(localDate),
  timeZone,
  exercises: list(exercise),
  painAlertThreshold: optional(integer(0, 10)),
  painGuidance: optional(longText),
  practiceName: optional(label),
  practicePhone: optional(phone),
  revisions: optional(list(revision)),
});

const logEntry = shape({
  clientId: uuid,
  exerciseId: id,
  programVersion: integer(1, Number.MAX_SAFE_INTEGER),
  completedAt: instant,
  completedSets: optional(integer(0, 50)),
  pain: optional(integer(0, 10)),
  difficulty: optional(integer(1, 5)),
  voided: optional(boolean),
});

function read<T>(reader: Reader, value: unknown, operation: string): T {
  try {
    return reader(value, '') as T;
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    throw new AdapterError('server', `The backend sent a malformed reply to ${operation}.`, {
      operation,
      retryable: false,
      issues: [{ path: error.path, message: error.message }],
    });
  }
}

export function readHepProgram(value: unknown, operation = 'hep.loadProgram'): HepProgram {
  return read<HepProgram>(program, value, operation);
}

export function readActivityLogs(value: unknown, operation = 'hep.listActivity'): ActivityLogEntry[] {
  return read<ActivityLogEntry[]>(list(logEntry), value, operation);
}
