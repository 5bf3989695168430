/**
 * Progress on the reference server: the admin API opens an episode (goals with GAS levels,
 * measures with their schedule), records therapist ratings, visits, clinic results and
 * discharge; the patient's link shows it, and a due measure taken from its intake link lands in
 * the episode.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CONTRACT_NOW, expectAdapterError } from '@pxm/adapter-testkit';
import { DEMO_PROGRESS_TOKEN } from '@pxm/core/demo';
import type { Goal, MeasureResult } from '@pxm/core/progress';
import { hashToken } from '../src/tokens.js';
import { startTestServer, type TestServer } from './harness.js';

const ADMIN_KEY = 'practice-admin-key-123456';
const levels = [-2, -1, 0, 1, 2].map((value) => ({ value, description: `Level ${value}` }));

describe('progress on the reference server', () => {
  let server: TestServer;
  const admin = async (path: string, body: unknown, method = 'POST') => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  before(async () => {
    server = await startTestServer('sqlite', { now: CONTRACT_NOW, serverOptions: { adminApiKey: ADMIN_KEY } });
  });
  after(() => server.dispose());

  it('opens an episode by the admin API: goals, ratings, measures, visits, results and discharge', async () => {
    const created = await admin('/admin/progress-episodes', {
      episode: { id: 'ep-1', title: 'Left hip', status: 'active', startedAt: '2027-02-01T09:00:00-07:00', timeZone: 'America/Denver', practiceName: 'Cedar Ridge Physical Therapy' },
      goals: [{ id: 'g1', text: 'Garden again', targetDate: '2027-05-01', status: 'active', scale: levels }],
      assignments: [{ instrumentId: 'hoos-jr', everyVisits: 2, atDischarge: true }],
    });
    assert.equal(created.status, 201);
    const { id, token } = created.body as { id: string; token: string };
    const stored = await server.server.db.get<{ token_hash: string }>('SELECT token_hash FROM progress_episodes WHERE id = $1', [id]);
    assert.equal(stored?.token_hash, hashToken(token), 'only the hash is kept');

    const progress = server.adapter.progress!;
    const first = await progress.loadProgress(token);
    assert.deepEqual(first.due.map((due) => [due.instrumentId, due.reason]), [['hoos-jr', 'interval-visits']], 'the baseline is due');

    const rated = await admin(`/admin/progress-episodes/${id}/goal-ratings`, { goalId: 'g1', level: -1, authorName: 'Mei Chen, PT' });
    assert.equal(rated.status, 201);
    assert.deepEqual((rated.body as Goal).ratings.map((rating) => [rating.author, rating.level, rating.authorName]), [['therapist', -1, 'Mei Chen, PT']]);

    const result = await admin(`/admin/progress-episodes/${id}/results`, { instrumentId: 'hoos-jr', score: 52.965, takenAt: '2027-02-01T10:00:00-07:00' });
    assert.equal((result.body as MeasureResult).source, 'clinic');
    assert.deepEqual((await progress.loadProgress(token)).due, [], 'baseline taken');
    await admin(`/admin/progress-episodes/${id}/visits`, { attendedAt: '2027-02-10T10:00:00-07:00' });
    await admin(`/admin/progress-episodes/${id}/visits`, { attendedAt: '2027-02-17T10:00:00-07:00' });
    assert.deepEqual((await progress.loadProgress(token)).due.map((due) => [due.reason, due.dueAt]), [['interval-visits', '2027-02-17T17:00:00.000Z']]);

    const discharged = await admin(`/admin/progress-episodes/${id}/discharge`, {});
    assert.equal(discharged.body.status, 'discharged');
    const view = await progress.loadProgress(token);
    assert.deepEqual(view.due.map((due) => due.reason), ['discharge']);
    assert.equal(view.measures[0]!.title, 'Hip disability and Osteoarthritis Outcome Score for Joint Replacement (HOOS JR)');

    const goals = await admin(`/admin/progress-episodes/${id}/goals`, { goals: [{ id: 'g1', text: 'Garden on my knees', targetDate: '2027-05-01', status: 'achieved' }] }, 'PUT');
    assert.equal(goals.status, 200);
    const [goal] = (await progress.loadProgress(token)).goals;
    assert.equal(goal!.text, 'Garden on my knees');
    assert.equal(goal!.ratings.length, 1, 'the goal keeps its ratings');
    assert.equal((await admin('/admin/progress-episodes/nope/discharge', {})).status, 404);
    assert.equal((await admin(`/admin/progress-episodes/${id}/goal-ratings`, { goalId: 'g1' })).status, 400, 'a rating needs a level or a note');
  });

  it('a due measure taken from its link joins the demo episode, once', async () => {
    const progress = server.adapter.progress!;
    const intake = server.adapter.intake!;
    const [due] = (await progress.loadProgress(DEMO_PROGRESS_TOKEN)).due;
    assert.equal(due?.instrumentId, 'lefs');
    assert.equal((await progress.loadProgress(DEMO_PROGRESS_TOKEN)).due[0]?.formToken, due!.formToken, 'the same occurrence keeps its link');
    const session = await intake.loadForm(due!.formToken);
    assert.deepEqual(session.definition.scoring?.map((rule) => rule.id), ['lefs']);
    const answers = Object.fromEntries(session.definition.scoring![0]!.items.map((item) => [item, '2']));
    const request = { answers, idempotencyKey: 'progress-submit-0001' };
    const response = await intake.submit(due!.formToken, request);
    await intake.submit(due!.formToken, request);
    const lefs = (await progress.loadProgress(DEMO_PROGRESS_TOKEN)).measures.find((series) => series.instrumentId === 'lefs')!;
    assert.deepEqual(lefs.results.filter((result) => result.id === response.id).map((result) => [result.score, result.source]), [[40, 'intake']]);
    await expectAdapterError(progress.loadProgress('demo-progress-expired'), 'token_expired');
  });

  it('a patient rating is idempotent over its whole body: the same client id with another level or note is 409', async () => {
    const created = await admin('/admin/progress-episodes', {
      episode: { id: 'ep-idem', title: 'Right knee', status: 'active', startedAt: '2027-02-01T09:00:00-07:00', timeZone: 'America/Denver', practiceName: 'Cedar Ridge Physical Therapy' },
      goals: [{ id: 'g1', text: 'Stairs', targetDate: '2027-05-01', status: 'active', scale: levels }],
    });
    const token = String(created.body.token);
    const rate = async (body: unknown) => {
      const response = await fetch(`${server.url}/progress/${token}/goal-ratings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const rating = { clientId: 'rating-client-0001', goalId: 'g1', level: 0, note: 'Better on stairs' };
    assert.equal((await rate(rating)).status, 200);
    assert.equal((await rate({ ...rating, note: '  Better on stairs ' })).status, 200, 'the same rating as kept: a retry');
    for (const other of [{ ...rating, level: 1 }, { ...rating, note: 'Worse' }, { clientId: rating.clientId, goalId: 'g1', level: 0 }]) {
      const answer = await rate(other);
      assert.deepEqual([answer.status, answer.body.code], [409, 'conflict'], JSON.stringify(other));
    }
    const [goal] = (await server.adapter.progress!.loadProgress(token)).goals;
    assert.deepEqual(goal!.ratings.map((kept) => [kept.level, kept.note]), [[0, 'Better on stairs']], 'one rating, the first');

    // The link, sent to the wrong address, is taken back: it then opens nothing, the episode kept.
    const revoked = await admin('/admin/link-revocations', { kind: 'progress', token });
    assert.deepEqual([revoked.status, revoked.body.id], [200, created.body.id]);
    await expectAdapterError(server.adapter.progress!.loadProgress(token), 'token_invalid');
    assert.equal((await rate({ ...rating, clientId: 'rating-client-0002' })).status, 404);
    assert.ok(await server.server.db.get('SELECT id FROM progress_episodes WHERE id = $1', [String(created.body.id)]));
  });
});
