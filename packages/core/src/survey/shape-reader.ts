/**
 * A few bytes of structural checking for browser bundles that cannot afford a schema library:
 * each reader checks one value and returns a fresh copy with unknown keys dropped, or throws a
 * `ShapeError` naming where it went wrong. The survey readers built on it mirror the zod schemas
 * exactly; a test compares the two on many valid and broken values.
 */

export class ShapeError extends Error {
  readonly path: string;
  constructor(path: string) {
    super(`Unexpected value at "${path}".`);
    this.path = path;
  }
}

export type Reader<T = unknown> = (value: unknown, path: string) => T;

function fail(path: string): never {
  throw new ShapeError(path);
}

const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

export const text =
  (min = 0, max = Infinity, pattern?: RegExp): Reader<string> =>
  (value, path) =>
    typeof value === 'string' && value.length >= min && value.length <= max && (!pattern || pattern.test(value)) ? value : fail(path);

export const integer =
  (min: number, max: number): Reader<number> =>
  (value, path) =>
    Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max ? (value as number) : fail(path);

export const finiteNumber: Reader<number> = (value, path) => (Number.isFinite(value) ? (value as number) : fail(path));

export const boolean: Reader<boolean> = (value, path) => (typeof value === 'boolean' ? value : fail(path));

export const nullValue: Reader<null> = (value, path) => (value === null ? null : fail(path));

export const oneOf =
  <T extends string>(values: readonly T[]): Reader<T> =>
  (value, path) =>
    values.includes(value as T) ? (value as T) : fail(path);

/** An ISO-8601 instant with an explicit offset, e.g. `2027-03-15T14:00:00Z`. */
export const instant: Reader<string> = (value, path) =>
  typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value) && !Number.isNaN(Date.parse(value))
    ? value
    : fail(path);

/** An absolute http(s) address: never `javascript:` or anything else a link could run. */
export const httpUrl: Reader<string> = (value, path) => {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return /^https?:\/\//i.test(trimmed) && URL.canParse(trimmed) ? trimmed : fail(path);
};

export const optional =
  <T>(reader: Reader<T>): Reader<T | undefined> =>
  (value, path) =>
    value === undefined ? undefined : reader(value, path);

export const list =
  <T>(reader: Reader<T>, min = 0, max = Infinity): Reader<T[]> =>
  (value, path) => {
    if (!Array.isArray(value) || value.length < min || value.length > max) return fail(path);
    // Array.from, not map: a hole in a sparse array is read as undefined (and refused), never kept.
    return Array.from(value, (item, index) => reader(item, at(path, index)));
  };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object with these keys; keys not listed are dropped, optional ones left out when absent. */
export const shape =
  (fields: Record<string, Reader>): Reader<Record<string, unknown>> =>
  (value, path) => {
    if (!isPlainObject(value)) fail(path);
    const out: Record<string, unknown> = {};
    for (const [key, reader] of Object.entries(fields)) {
      const read = reader(value[key], at(path, key));
      if (read !== undefined || key in value) out[key] = read;
    }
    return out;
  };

/** An object as JSON makes it (what a zod record accepts): not a Date, a Map or a class instance. */
function isRecordObject(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  const maker = (value as { constructor?: unknown }).constructor;
  if (maker === undefined) return true;
  const prototype = typeof maker === 'function' ? (maker as { prototype?: unknown }).prototype : undefined;
  return typeof prototype === 'object' && prototype !== null && Object.prototype.hasOwnProperty.call(prototype, 'isPrototypeOf');
}

/** A string-keyed map of values. */
export const dictionary =
  (keyMax: number, reader: Reader): Reader<Record<string, unknown>> =>
  (value, path) => {
    if (!isRecordObject(value)) fail(path);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key.length > keyMax ? fail(path) : key] = reader(item, at(path, key));
    return out;
  };

/** The first reader that accepts the value. */
export const anyOf =
  (...readers: Reader[]): Reader =>
  (value, path) => {
    for (const reader of readers) {
      try {
        return reader(value, path);
      } catch (error) {
        if (!(error instanceof ShapeError)) throw error;
      }
    }
    return fail(path);
  };

/** Objects told apart by their `type`: each variant reads the other keys. */
export const byType =
  (variants: Record<string, Reader<Record<string, unknown>>>): Reader =>
  (value, path) => {
    const type = isPlainObject(value) ? value.type : undefined;
    return typeof type === 'string' && Object.hasOwn(variants, type) ? { type, ...variants[type]!(value, path) } : fail(at(path, 'type'));
  };
