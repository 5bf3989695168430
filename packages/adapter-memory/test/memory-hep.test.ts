import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HepProgramSchema } from '@pxm/core/hep';
import { summarizeAdherence } from '@pxm/core/hep-progress';
import { DEMO_HEP_TOKEN } from '@pxm/core/demo';
import { createManualClock, createMemoryAdapter } from '../src/index.js';

describe('memory adapter: home exercise programs', () => {
  it('seeds the demo program with a history of logs that keep their versions', async () => {
    const now = new Date('2027-03-01T16:00:00Z');
    const adapter = createMemoryAdapter({ now: () => now });
    const program = await adapter.hep.loadProgram(DEMO_HEP_TOKEN);
    assert.equal(HepProgramSchema.safeParse(program).success, true);
    assert.ok(program.exercises.length >= 6 && program.exercises.length <= 8);
    const logs = await adapter.hep.listActivity(DEMO_HEP_TOKEN);
    assert.ok(logs.length > 50);
    assert.deepEqual([...new Set(logs.map((l) => l.programVersion))].sort(), [1, 2]);
    const summary = summarizeAdherence(program, logs, now);
    assert.ok(summary.wholeProgram.rate! > 0.6 && summary.wholeProgram.rate! < 1, `adherence ${summary.wholeProgram.rate}`);
  });

  it('keeps the previous schedule as a revision when the therapist edits the program', async () => {
    const clock = createManualClock(new Date('2027-03-01T16:00:00Z'));
    const adapter = createMemoryAdapter({ now: clock.now });
    const before = await adapter.hep.loadProgram(DEMO_HEP_TOKEN);
    clock.advance(86_400_000);
    adapter.hep.updateProgram(DEMO_HEP_TOKEN, (program) => ({ ...program, exercises: program.exercises.slice(1) }));
    const after = await adapter.hep.loadProgram(DEMO_HEP_TOKEN);
    assert.equal(after.version, before.version + 1);
    assert.equal(after.updatedAt, '2027-03-02T16:00:00.000Z');
    const last = after.revisions!.at(-1)!;
    assert.equal(last.version, before.version);
    assert.equal(last.effectiveFrom, before.updatedAt);
    assert.deepEqual(last.exercises.map((e) => e.id), before.exercises.map((e) => e.id));
    assert.equal(HepProgramSchema.safeParse(after).success, true);
  });
});
