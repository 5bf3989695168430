import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { requireCapability } from '@pxm/core';
import { DEMO_SURVEY_TOKENS } from '@pxm/core/demo';
import { createFaultyAdapter, expectAdapterError } from '../src/index.js';
import { createFaultyAdapter as fromFaultsEntry } from '../src/faults/index.js';

describe('fault-injecting adapter', () => {
  it('applies planned faults in order, then passes calls through', async () => {
    const faults = createFaultyAdapter(createMemoryAdapter());
    const booking = requireCapability(faults.adapter, 'booking');
    faults.plan('booking.getPractice', { error: 'timeout' }, { reply: { name: 42 } });
    await expectAdapterError(booking.getPractice(), 'timeout');
    assert.deepEqual(await booking.getPractice(), { name: 42 });
    assert.equal((await booking.getPractice()).name, 'Cedar Ridge Physical Therapy');
    assert.equal(faults.injected, 2);
    assert.deepEqual(faults.calls, ['booking.getPractice', 'booking.getPractice', 'booking.getPractice']);
  });

  it('goes offline, hangs until aborted, and drops replies after the work is done', async () => {
    const memory = createMemoryAdapter();
    const faults = fromFaultsEntry(memory);
    const survey = requireCapability(faults.adapter, 'survey');
    faults.setOffline(true);
    await expectAdapterError(survey.loadInvitation(DEMO_SURVEY_TOKENS.open), 'network');
    faults.setOffline(false);
    const controller = new AbortController();
    faults.plan('survey.loadInvitation', { hang: true });
    const pending = survey.loadInvitation(DEMO_SURVEY_TOKENS.open, { signal: controller.signal });
    controller.abort();
    await assert.rejects(pending, (error: Error) => error.name === 'AbortError');
    faults.plan('survey.submit', { dropAfter: true });
    await expectAdapterError(survey.submit(DEMO_SURVEY_TOKENS.open, { answers: { nps: 9 }, idempotencyKey: 'drop-after-1' }), 'network');
    assert.equal(memory.survey.listResponses().length, 1, 'the backend stored it even though the reply was lost');
    const retried = await survey.submit(DEMO_SURVEY_TOKENS.open, { answers: { nps: 9 }, idempotencyKey: 'drop-after-1' });
    assert.equal(retried.id, memory.survey.listResponses()[0]!.id);
  });
});
