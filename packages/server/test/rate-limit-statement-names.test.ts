/**
 * The counters' prepared statements on PostgreSQL: one name per practice schema and statement,
 * short enough that PostgreSQL (which cuts names at 63 bytes) keeps every one apart.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statementsNamedFor } from '../src/http/limits.js';

/** The names a store would send through a client made for `schema`. */
async function namesFor(schema: string | undefined, statements: readonly string[]): Promise<string[]> {
  const sent: string[] = [];
  const client = statementsNamedFor({ query: async (query) => void sent.push(query.name ?? '') }, schema);
  for (const name of statements) await client.query({ name, text: 'SELECT 1' });
  return sent;
}

const STORE_STATEMENTS = ['rate_limits:rlflx-upsert', 'rate_limits:rlflx-upsert-force', 'rate_limits:rlflx-get', 'rate_limits:rlflx-delete'];
// As long as PostgreSQL lets a schema be: a base schema of 30 characters, `_p_` and a 24-character practice id.
const LONG_SCHEMA = `${'a'.repeat(30)}_p_${'b'.repeat(24)}`;

describe('rate-limit statement names', () => {
  it('stay under 63 bytes and apart for the longest schema', async () => {
    const names = await namesFor(LONG_SCHEMA, STORE_STATEMENTS);
    assert.ok(names.every((name) => Buffer.byteLength(name) <= 63), names.join(' '));
    assert.equal(new Set(names.map((name) => name.slice(0, 63))).size, STORE_STATEMENTS.length);
  });

  it('are the same for the same schema, and the store\'s own without one', async () => {
    assert.deepEqual(await namesFor('public_p_cedar_ridge', STORE_STATEMENTS), await namesFor('public_p_cedar_ridge', STORE_STATEMENTS));
    assert.deepEqual(await namesFor(undefined, STORE_STATEMENTS), STORE_STATEMENTS);
  });
});
