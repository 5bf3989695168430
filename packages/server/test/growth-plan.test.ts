/**
 * The growth benchmark's deployment (bench/growth.bench.ts): the plan's practices add up to what
 * the server README says, the catalogue it seeds passes core's schemas, and the pool settings
 * the benchmark relies on are read from the environment.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LocationSchema, PracticeSchema, ProviderSchema, WorkingHoursSchema } from '@pxm/core/booking';
import { configFromEnv, PracticeRequestSchema } from '../src/index.js';
import { GROWTH_PLAN, GROWTH_TIME_ZONES, growthCatalogue, growthPracticeRequest, growthPractices } from '../src/seed/growth-plan.js';
import { isNextDayVisit } from '../src/seed/growth-seed.js';

describe('growth plan', () => {
  const practices = growthPractices(GROWTH_PLAN);

  it('is 50 practices of uneven size with 1,000 providers between them', () => {
    assert.equal(practices.length, 50);
    assert.equal(practices.reduce((sum, practice) => sum + practice.providerIds.length, 0), 1000);
    const sizes = practices.map((practice) => practice.providerIds.length).sort((a, b) => b - a);
    assert.ok(sizes.slice(0, 3).every((size) => size >= 100), `three large groups: ${sizes.slice(0, 3).join(', ')}`);
    assert.ok(sizes.filter((size) => size <= 10).length >= 40, 'forty small clinics');
    assert.equal(new Set(practices.map((practice) => practice.id)).size, 50);
    assert.deepEqual(growthPractices(GROWTH_PLAN), practices, 'the same plan on every run');
  });

  it('asks the operator API for valid practices and seeds a catalogue core accepts', () => {
    for (const practice of practices) {
      PracticeRequestSchema.parse(growthPracticeRequest(practice));
      assert.ok(practice.locations.every((location) => (GROWTH_TIME_ZONES as readonly string[]).includes(location.timeZone)));
    }
    const catalogue = growthCatalogue(practices[0]!);
    PracticeSchema.parse(catalogue.practice);
    for (const location of catalogue.locations) LocationSchema.parse(location);
    for (const provider of catalogue.providers) ProviderSchema.parse(provider);
    for (const hours of catalogue.workingHours) WorkingHoursSchema.parse(hours);
  });

  it("tomorrow is the next date in the visit's own zone", () => {
    const now = Date.parse('2027-03-01T16:00:00Z');
    assert.equal(isNextDayVisit(Date.parse('2027-03-02T15:00:00Z'), 'America/Denver', now), true);
    assert.equal(isNextDayVisit(Date.parse('2027-03-02T06:00:00Z'), 'America/Los_Angeles', now), false, 'still Monday 22:00 in Los Angeles');
    assert.equal(isNextDayVisit(Date.parse('2027-03-03T15:00:00Z'), 'America/Denver', now), false);
  });

  it('reads the pool size and idle time, and refuses a pool of one (migrations need two connections)', () => {
    const database = configFromEnv({ DATABASE_URL: 'postgres://x@127.0.0.1/db', PXM_PG_POOL_SIZE: '4', PXM_PG_IDLE_MS: '1000' }).options.database as { maxConnections?: number; idleTimeoutMs?: number };
    assert.equal(database.maxConnections, 4);
    assert.equal(database.idleTimeoutMs, 1000);
    assert.throws(() => configFromEnv({ DATABASE_URL: 'postgres://x@127.0.0.1/db', PXM_PG_POOL_SIZE: '1' }), /PXM_PG_POOL_SIZE/);
  });
});
