/**
 * Contract: an episode's progress by token; patient ratings idempotent on their client id; a due
 * measure opens as an intake form holding only that measure, and its submission joins the
 * episode's results.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createId, intakeReplySchemas, requireCapability, type IntakeApi, type ProgressApi } from '@pxm/core';
import { progressReplySchemas } from '@pxm/core/progress';
import { DEMO_PROGRESS_EXPIRED_TOKEN, DEMO_PROGRESS_TOKEN } from '@pxm/core/demo';
import { changeReading } from '@pxm/core/progress';
import { expectAdapterError } from './expect-error.js';
import { freshKey } from './fixtures.js';
import { conformingReplies } from './reply-conformance.js';
import { CONTRACT_NOW, type ContractOptions, type ContractSubject } from './subject.js';
import { withSubject } from './with-subject.js';

export function progressSuite(options: ContractOptions): void {
  const test = (title: string, body: (subject: ContractSubject, api: ProgressApi) => Promise<void>) =>
    it(title, { skip: options.skip?.tests?.[title] ?? false }, () =>
      // Every reply in every test is held to the reply schemas (adapters no longer check their own).
      withSubject(options, CONTRACT_NOW, (subject) =>
        body(subject, conformingReplies(requireCapability(subject.adapter, 'progress'), 'progress', progressReplySchemas)),
      ),
    );
  const intakeOf = (subject: ContractSubject): IntakeApi => conformingReplies(requireCapability(subject.adapter, 'intake'), 'intake', intakeReplySchemas);

  describe(`${options.name}: progress`, { skip: options.skip?.progress ?? false }, () => {
    test('loads the demo episode: goals with GAS levels and ratings, measures from baseline, what is due', async (_s, api) => {
      const view = await api.loadProgress(DEMO_PROGRESS_TOKEN);
      assert.equal(view.episode.status, 'active');
      assert.ok(view.goals.length >= 2);
      const scaled = view.goals.find((goal) => goal.id === 'demo-goal-stairs')!;
      assert.deepEqual(scaled.scale?.map((level) => level.value), [-2, -1, 0, 1, 2]);
      assert.deepEqual(scaled.ratings.map((rating) => [rating.author, rating.level]), [['patient', -2], ['therapist', -1]], 'oldest first');
      const lefs = view.measures.find((series) => series.instrumentId === 'lefs')!;
      assert.deepEqual(lefs.results.map((result) => result.score), [32, 41, 47]);
      assert.deepEqual([lefs.higherIsBetter, lefs.mcid, lefs.range], [true, 9, { min: 0, max: 80 }]);
      assert.equal(changeReading(lefs).reading, 'meaningful-better');
      const nprs = view.measures.find((series) => series.instrumentId === 'nprs')!;
      assert.deepEqual(nprs.results.map((result) => result.score), [7, 5, 4]);
      assert.equal(nprs.higherIsBetter, false);
      assert.deepEqual(view.due.map((due) => [due.instrumentId, due.reason]), [['lefs', 'interval-days']]);
    });

    test('refuses unknown and expired links', async (_s, api) => {
      await expectAdapterError(api.loadProgress('no-such-progress-token'), 'token_invalid');
      await expectAdapterError(api.loadProgress(DEMO_PROGRESS_EXPIRED_TOKEN), 'token_expired');
      await expectAdapterError(api.rateGoal(DEMO_PROGRESS_EXPIRED_TOKEN, { clientId: createId(), goalId: 'demo-goal-walk', level: 0 }), 'token_expired');
    });

    test('a rating retried with the same client id is stored once', async (_s, api) => {
      const rating = { clientId: createId(), goalId: 'demo-goal-walk', level: 1, note: 'Around the lake once!' };
      const [first, second] = await Promise.all([api.rateGoal(DEMO_PROGRESS_TOKEN, rating), api.rateGoal(DEMO_PROGRESS_TOKEN, rating)]);
      const again = await api.rateGoal(DEMO_PROGRESS_TOKEN, rating);
      for (const goal of [first, second, again]) {
        const mine = goal.ratings.filter((entry) => entry.author === 'patient' && entry.note === rating.note);
        assert.equal(mine.length, 1);
        assert.equal(mine[0]!.level, 1);
      }
      const stored = (await api.loadProgress(DEMO_PROGRESS_TOKEN)).goals.find((goal) => goal.id === 'demo-goal-walk')!;
      assert.equal(stored.ratings.filter((entry) => entry.note === rating.note).length, 1);
      assert.equal(stored.ratings.at(-1)!.note, rating.note, 'the newest rating is last');
    });

    test('refuses a rating with nothing in it, an unknown goal, or a client id reused for another goal or other contents', async (_s, api) => {
      await expectAdapterError(api.rateGoal(DEMO_PROGRESS_TOKEN, { clientId: createId(), goalId: 'demo-goal-walk' }), 'validation');
      await expectAdapterError(api.rateGoal(DEMO_PROGRESS_TOKEN, { clientId: createId(), goalId: 'demo-goal-walk', level: 3 }), 'validation');
      await expectAdapterError(api.rateGoal(DEMO_PROGRESS_TOKEN, { clientId: createId(), goalId: 'demo-goal-walk', note: 'x'.repeat(501) }), 'validation');
      await expectAdapterError(api.rateGoal(DEMO_PROGRESS_TOKEN, { clientId: createId(), goalId: 'no-such-goal', level: 0 }), 'not_found');
      const clientId = createId();
      const walkRatings = async () => (await api.loadProgress(DEMO_PROGRESS_TOKEN)).goals.find((goal) => goal.id === 'demo-goal-walk')!.ratings.length;
      const walkBefore = await walkRatings();
      await api.rateGoal(DEMO_PROGRESS_TOKEN, { clientId, goalId: 'demo-goal-walk', level: 0 });
      await expectAdapterError(api.rateGoal(DEMO_PROGRESS_TOKEN, { clientId, goalId: 'demo-goal-stairs', level: 0 }), 'conflict');
      await expectAdapterError(api.rateGoal(DEMO_PROGRESS_TOKEN, { clientId, goalId: 'demo-goal-walk', level: 1 }), 'conflict');
      await expectAdapterError(api.rateGoal(DEMO_PROGRESS_TOKEN, { clientId, goalId: 'demo-goal-walk', level: 0, note: 'Another note' }), 'conflict');
      assert.equal(await walkRatings(), walkBefore + 1, 'only the first rating under the client id is stored');
      const stairs = (await api.loadProgress(DEMO_PROGRESS_TOKEN)).goals.find((goal) => goal.id === 'demo-goal-stairs')!;
      assert.equal(stairs.ratings.length, 2, 'nothing stored for the refused ones');
    });

    test('a due measure opens as a form holding only it; submitting it adds the result and it is no longer due', async (subject, api) => {
      const intake = intakeOf(subject);
      const [due] = (await api.loadProgress(DEMO_PROGRESS_TOKEN)).due;
      assert.equal(due?.instrumentId, 'lefs');
      const session = await intake.loadForm(due!.formToken);
      assert.equal(session.status, 'open');
      assert.deepEqual(session.definition.scoring?.map((rule) => rule.id), ['lefs'], 'only that measure');
      assert.deepEqual(
        session.priorScores
          .filter((score) => score.instrument === 'lefs')
          .map((score) => score.score)
          .sort((a, b) => a - b),
        [32, 41, 47],
        'its earlier scores, for change from baseline',
      );
      const answers = Object.fromEntries(session.definition.scoring![0]!.items.map((item) => [item, '3']));
      const response = await intake.submit(due!.formToken, { answers, idempotencyKey: freshKey('measure') });
      assert.deepEqual(response.scores?.map((score) => [score.instrument, score.score]), [['lefs', 60]]);
      const after = await api.loadProgress(DEMO_PROGRESS_TOKEN);
      const lefs = after.measures.find((series) => series.instrumentId === 'lefs')!;
      assert.deepEqual(lefs.results.map((result) => result.score), [32, 41, 47, 60]);
      assert.equal(Date.parse(lefs.results.at(-1)!.takenAt), Date.parse(response.submittedAt));
      assert.deepEqual(after.due, [], 'taken: nothing is due');
    });
  });
}
