/**
 * Malformed and boundary payloads for property-based tests, shared by the Node (adapter parsing)
 * and browser (elements) suites. Most are a valid reply broken in one to three places (so the
 * damage sits deep, where a shallow check would miss it); the rest are any value at all.
 */
import fc from 'fast-check';

/** Values that break assumptions: wrong types, empty and huge, odd numbers, hostile strings. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    -1,
    0,
    1.5,
    2 ** 53 + 2,
    1e308,
    '',
    ' ',
    '\u0000',
    '\u202Eevil',
    '\uD800',
    '<img src=x onerror=alert(1)>',
    '__proto__',
    'constructor',
    '2027-02-30T25:61:00Z',
    '9999-12-31T23:59:59.999Z',
    '0000-01-01T00:00:00Z',
    'Mars/Olympus_Mons',
    'javascript:alert(1)',
    'x'.repeat(501),
    'x'.repeat(20_001),
    true,
    false,
    [],
    {},
    [null],
    { length: 3 },
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.date({ noInvalidDate: false }),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
);

type Mutation = { kind: 'replace' | 'delete' | 'wrap' | 'grow' | 'empty' | 'cycle' | 'prototype'; at: number; value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('replace', 'replace', 'replace', 'delete', 'delete', 'wrap', 'grow', 'empty', 'cycle', 'prototype'),
  at: fc.nat(),
  value: hostileValue,
});

/** Every place in a value (as parent and key), the root first. */
function places(root: unknown): Array<{ parent: Record<string | number, unknown> | undefined; key: string | number }> {
  const found: Array<{ parent: Record<string | number, unknown> | undefined; key: string | number }> = [{ parent: undefined, key: '' }];
  const seen = new Set<unknown>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    for (const key of Object.keys(node)) {
      found.push({ parent: node as Record<string, unknown>, key: Array.isArray(node) ? Number(key) : key });
      walk((node as Record<string, unknown>)[key]);
    }
  };
  walk(root);
  return found;
}

/** A deep copy of `valid` with the mutations applied (may return a non-object root). */
export function applyMutations(valid: unknown, mutations: readonly Mutation[]): unknown {
  let root: unknown = structuredClone(valid);
  for (const m of mutations) {
    const all = places(root);
    const place = all[m.at % all.length]!;
    const current = place.parent ? place.parent[place.key] : root;
    let next: unknown = current;
    switch (m.kind) {
      case 'replace':
        next = m.value;
        break;
      case 'wrap':
        next = [current];
        break;
      case 'grow':
        next = typeof current === 'string' ? current.repeat(600) : Array.isArray(current) ? Array.from({ length: 2_000 }, () => current[0]) : current;
        break;
      case 'empty':
        next = Array.isArray(current) ? [] : typeof current === 'string' ? '' : typeof current === 'object' && current ? {} : 0;
        break;
      case 'cycle':
        if (current && typeof current === 'object') (current as Record<string, unknown>).self = root;
        break;
      case 'prototype':
        if (current && typeof current === 'object') Object.defineProperty(current, '__proto__', { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
        break;
      case 'delete':
        if (place.parent) {
          if (Array.isArray(place.parent)) place.parent.splice(place.key as number, 1);
          else delete place.parent[place.key];
          continue;
        }
        next = undefined;
        break;
    }
    if (place.parent) place.parent[place.key] = next;
    else root = next;
  }
  return root;
}

/** Replies for one operation: mostly a broken valid reply, sometimes anything at all. */
export function malformedReplies(valid: unknown, options: { json?: boolean } = {}): fc.Arbitrary<unknown> {
  const mutated = fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => applyMutations(valid, options.json ? mutations.filter((m) => m.kind !== 'cycle') : mutations));
  const anything = fc.anything({ maxDepth: 3, maxKeys: 5, withNullPrototype: !options.json, withDate: !options.json, withMap: !options.json, withSparseArray: !options.json });
  const payload = fc.oneof({ weight: 8, arbitrary: mutated }, { weight: 2, arbitrary: anything });
  return options.json ? payload.map((value) => toJsonSafe(value)) : payload;
}

/** What survives a trip through JSON (what an HTTP backend can send at most). */
export function toJsonSafe(value: unknown): unknown {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

/** One seed for every run, so a failure reproduces; HARDENING_SEED overrides it. */
export const DEFAULT_SEED = 20_260_401;
