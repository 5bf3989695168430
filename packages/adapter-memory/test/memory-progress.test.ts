import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_PROGRESS_TOKEN } from '@pxm/core/demo';
import { changeReading, ProgressViewSchema } from '@pxm/core/progress';
import { createManualClock, createMemoryAdapter } from '../src/index.js';

const NOW = new Date('2027-03-01T16:00:00Z');

describe('memory adapter: progress', () => {
  it('seeds the demo episode: goals, LEFS and NPRS histories, the LEFS due, HEP adherence', async () => {
    const adapter = createMemoryAdapter({ now: () => NOW });
    const view = await adapter.progress.loadProgress(DEMO_PROGRESS_TOKEN);
    assert.equal(ProgressViewSchema.safeParse(view).success, true);
    assert.equal(view.goals.length, 3);
    const scaled = view.goals.find((goal) => goal.scale);
    assert.ok(scaled?.ratings.some((rating) => rating.author === 'therapist' && rating.level !== undefined), 'a GAS goal with a therapist rating');
    const lefs = view.measures.find((series) => series.instrumentId === 'lefs')!;
    const nprs = view.measures.find((series) => series.instrumentId === 'nprs')!;
    assert.ok(lefs.results.length >= 3 && nprs.results.length >= 3);
    assert.equal(changeReading(lefs).reading, 'meaningful-better');
    assert.deepEqual(view.due.map((due) => [due.instrumentId, due.reason]), [['lefs', 'interval-days']]);
    assert.ok(view.adherence && view.adherence.percent > 0);
  });

  it('opens the due measure as a form holding only that measure; submitting it adds the result', async () => {
    const clock = createManualClock(NOW);
    const adapter = createMemoryAdapter({ now: clock.now });
    const [due] = (await adapter.progress.loadProgress(DEMO_PROGRESS_TOKEN)).due;
    const session = await adapter.intake.loadForm(due!.formToken);
    assert.deepEqual(session.definition.scoring?.map((rule) => rule.id), ['lefs']);
    assert.equal(session.definition.pages.length, 1);
    assert.equal(session.priorScores.length, 3, 'the episode’s earlier LEFS, for change from baseline');
    const answers = Object.fromEntries(session.definition.scoring![0]!.items.map((id) => [id, '3']));
    clock.advance(60_000);
    const response = await adapter.intake.submit(due!.formToken, { answers, idempotencyKey: 'submit-key-1' });
    assert.equal(response.scores?.[0]?.score, 60);
    const after = await adapter.progress.loadProgress(DEMO_PROGRESS_TOKEN);
    const lefs = after.measures.find((series) => series.instrumentId === 'lefs')!;
    assert.deepEqual(lefs.results.at(-1), { id: response.id, instrumentId: 'lefs', score: 60, takenAt: response.submittedAt, source: 'intake' });
    assert.deepEqual(after.due, [], 'taken: no longer due');
  });

  it('stores a patient rating once per client id, and refuses an unknown goal or an empty rating', async () => {
    const adapter = createMemoryAdapter({ now: () => NOW });
    const input = { clientId: 'c-1', goalId: 'demo-goal-stairs', level: 0, note: ' Carried her halfway! ' };
    const first = await adapter.progress.rateGoal(DEMO_PROGRESS_TOKEN, input);
    const again = await adapter.progress.rateGoal(DEMO_PROGRESS_TOKEN, input);
    assert.deepEqual(again, first);
    const mine = first.ratings.filter((rating) => rating.id === 'rating-c-1');
    assert.deepEqual(mine, [{ id: 'rating-c-1', author: 'patient', level: 0, note: 'Carried her halfway!', ratedAt: NOW.toISOString() }]);
    await assert.rejects(adapter.progress.rateGoal(DEMO_PROGRESS_TOKEN, { clientId: 'c-2', goalId: 'nope', level: 1 }), { code: 'not_found' });
    await assert.rejects(adapter.progress.rateGoal(DEMO_PROGRESS_TOKEN, { clientId: 'c-3', goalId: 'demo-goal-walk' }), { code: 'validation' });
    await assert.rejects(adapter.progress.rateGoal(DEMO_PROGRESS_TOKEN, { ...input, goalId: 'demo-goal-walk' }), { code: 'conflict' });
  });

  it('makes the discharge measures due once discharge is recorded', async () => {
    const clock = createManualClock(NOW);
    const adapter = createMemoryAdapter({ now: clock.now });
    adapter.progress.recordDischarge(DEMO_PROGRESS_TOKEN);
    clock.advance(1000);
    const view = await adapter.progress.loadProgress(DEMO_PROGRESS_TOKEN);
    assert.equal(view.episode.status, 'discharged');
    assert.deepEqual(view.due.map((due) => [due.instrumentId, due.reason]).sort(), [['lefs', 'discharge'], ['nprs', 'discharge']]);
  });
});
