/**
 * Structural readers for browser code that cannot carry a schema library: each reader checks a
 * value, returns a fresh copy (unknown keys dropped from lenient objects) or `undefined`, and
 * records every problem with its dotted path, so a developer sees all of them at once. The intake
 * readers built on these mirror the zod schemas in `schemas/intake.ts`, which stay the reference;
 * a test holds the two to the same verdict on many valid and broken values.
 */

export interface ReadIssue {
  /** Dotted path, e.g. `pages.0.items.3.label`. */
  path: string;
  message: string;
}

export type Reader<T> = (value: unknown, path: string, issues: ReadIssue[]) => T | undefined;

export const at = (path: string, key: string | number): string => (path ? `${path}.${key}` : String(key));

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value === 'string' ? 'text' : typeof value;

function fail<T>(issues: ReadIssue[], path: string, message: string): T | undefined {
  issues.push({ path, message });
  return undefined;
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function text(min = 0, max = Infinity, pattern?: RegExp, message?: string): Reader<string> {
  return (value, path, issues) => {
    if (typeof value !== 'string') return fail(issues, path, `expected text, got ${describe(value)}`);
    if (value.length < min) return fail(issues, path, min === 1 ? 'must not be empty' : `must be at least ${min} characters`);
    if (value.length > max) return fail(issues, path, `must be at most ${max} characters`);
    if (pattern && !pattern.test(value)) return fail(issues, path, message ?? 'has the wrong format');
    return value;
  };
}

export function number(options: { int?: boolean; min?: number; max?: number; above?: number } = {}): Reader<number> {
  return (value, path, issues) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return fail(issues, path, `expected a number, got ${describe(value)}`);
    if (options.int && !Number.isSafeInteger(value)) return fail(issues, path, 'expected a whole number');
    if (options.min !== undefined && value < options.min) return fail(issues, path, `must be ${options.min} or more`);
    if (options.max !== undefined && value > options.max) return fail(issues, path, `must be ${options.max} or less`);
    if (options.above !== undefined && value <= options.above) return fail(issues, path, `must be more than ${options.above}`);
    return value;
  };
}

export const boolean: Reader<boolean> = (value, path, issues) => (typeof value === 'boolean' ? value : fail(issues, path, `expected true or false, got ${describe(value)}`));

export const nullValue: Reader<null> = (value, path, issues) => (value === null ? null : fail(issues, path, 'expected null'));

export const unknownValue: Reader<unknown> = (value) => value;

export function literal<T extends string>(expected: T): Reader<T> {
  return (value, path, issues) => (value === expected ? expected : fail(issues, path, `expected "${expected}"`));
}

export function oneOf<T extends string>(values: readonly T[]): Reader<T> {
  return (value, path, issues) => ((values as readonly unknown[]).includes(value) ? (value as T) : fail(issues, path, `expected one of ${values.join(', ')}`));
}

export function list<T>(reader: Reader<T>, min = 0, max = Infinity): Reader<T[]> {
  return (value, path, issues) => {
    if (!Array.isArray(value)) return fail(issues, path, `expected a list, got ${describe(value)}`);
    const before = issues.length;
    // Array.from, not map: a hole of a sparse array is read (and refused) as undefined, never kept.
    const out = Array.from(value, (entry, index) => reader(entry, at(path, index), issues));
    if (value.length < min) return fail(issues, path, `needs at least ${min} entr${min === 1 ? 'y' : 'ies'}`);
    if (value.length > max) return fail(issues, path, `may have at most ${max} entries`);
    return issues.length === before ? (out as T[]) : undefined;
  };
}

/** An object as JSON makes it (what a zod record takes): not a Date, a Map or a class instance. */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  const maker = (value as { constructor?: unknown }).constructor;
  if (maker === undefined) return true;
  const prototype = typeof maker === 'function' ? (maker as { prototype?: unknown }).prototype : undefined;
  return typeof prototype === 'object' && prototype !== null && Object.hasOwn(prototype, 'isPrototypeOf');
}

export function record<T>(key: Reader<string>, reader: Reader<T>): Reader<Record<string, T>> {
  return (value, path, issues) => {
    if (!isPlainRecord(value)) return fail(issues, path, `expected an object, got ${describe(value)}`);
    const before = issues.length;
    const out: Record<string, T> = {};
    for (const [name, entry] of Object.entries(value)) {
      key(name, at(path, name), issues);
      const read = reader(entry, at(path, name), issues);
      if (read !== undefined || entry === undefined) out[name] = read as T;
    }
    return issues.length === before ? out : undefined;
  };
}

type Shape = Record<string, Reader<unknown>>;
type Optional<R> = R & { optional: true };
export type Read<R> = R extends Reader<infer T> ? T : never;

/** A field that may be absent (`undefined`). */
export function optional<T>(reader: Reader<T>): Optional<Reader<T | undefined>> {
  const read = ((value, path, issues) => (value === undefined ? undefined : reader(value, path, issues))) as Optional<Reader<T | undefined>>;
  read.optional = true;
  return read;
}

/** An object of known fields: `strict` refuses unknown keys (requests, definitions), else they are dropped. */
export function object<S extends Shape>(shape: S, strict = false): Reader<{ [K in keyof S]: Read<S[K]> }> {
  return (value, path, issues) => {
    if (!isRecord(value)) return fail(issues, path, `expected an object, got ${describe(value)}`);
    const before = issues.length;
    const out: Record<string, unknown> = {};
    for (const [name, reader] of Object.entries(shape)) {
      const entry = value[name];
      if (entry === undefined && !(reader as Partial<Optional<Reader<unknown>>>).optional) {
        fail(issues, at(path, name), 'is missing');
        continue;
      }
      const read = reader(entry, at(path, name), issues);
      if (read !== undefined) out[name] = read;
    }
    if (strict) {
      const unknown = Object.keys(value).filter((name) => !Object.hasOwn(shape, name));
      if (unknown.length > 0) fail(issues, path, `has unknown field(s) ${unknown.map((name) => `"${name}"`).join(', ')}`);
    }
    return issues.length === before ? (out as { [K in keyof S]: Read<S[K]> }) : undefined;
  };
}

/** The first alternative that reads cleanly; one issue when none does. */
export function union<T>(readers: ReadonlyArray<Reader<T>>, message: string): Reader<T> {
  return (value, path, issues) => {
    for (const reader of readers) {
      const trial: ReadIssue[] = [];
      const read = reader(value, path, trial);
      if (trial.length === 0) return read;
    }
    return fail(issues, path, message);
  };
}

/** An object whose `type` picks its reader; an unknown type is one issue at `type`. */
export function byType<T>(readers: Record<string, Reader<T>>): Reader<T> {
  return (value, path, issues) => {
    if (!isRecord(value)) return fail(issues, path, `expected an object, got ${describe(value)}`);
    const reader = typeof value.type === 'string' && Object.hasOwn(readers, value.type) ? readers[value.type] : undefined;
    if (!reader) return fail(issues, at(path, 'type'), `unknown type ${JSON.stringify(value.type)}; expected one of ${Object.keys(readers).join(', ')}`);
    return reader(value, path, issues);
  };
}

export function nullable<T>(reader: Reader<T>): Reader<T | null> {
  return (value, path, issues) => (value === null ? null : reader(value, path, issues));
}

export function lazy<T>(make: () => Reader<T>): Reader<T> {
  let reader: Reader<T> | undefined;
  return (value, path, issues) => (reader ??= make())(value, path, issues);
}

// ---------------------------------------------------------------- the shared building blocks

const DATE = '(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8])))';
/** RFC 3339 with seconds and an offset, as `z.iso.datetime({ offset: true })` accepts it. */
const INSTANT = new RegExp(`^${DATE}T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)$`);

export const id = text(1, 200);
export const label = text(1, 500);
export const longText = text(0, 20_000);
export const instant = text(0, Infinity, INSTANT, 'expected an ISO-8601 instant with an offset');
export const locale = text(0, Infinity, /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language tag such as en or es-MX');
export const itemId = text(0, Infinity, /^[A-Za-z][\w.-]{0,99}$/, 'item ids start with a letter: letters, digits, _ . -');
