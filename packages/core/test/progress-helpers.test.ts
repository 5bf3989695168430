import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFormDefinition } from '@pxm/core/forms';
import { describeMeasure, goalRatingOf, isSameGoalRating, measureFormToken, measureSeriesList, withRating, type Goal } from '@pxm/core/progress';
import { lefsInstrument, measureFormDefinition, nprsInstrument, SHIPPED_INSTRUMENT_IDS, shippedInstrument } from '@pxm/core/prom';

describe('progress helpers', () => {
  it('a rating sent again is the same only with the same level and the same note as kept', () => {
    const stored = goalRatingOf({ level: 1, note: ' Stairs ' }, { id: 'r1', ratedAt: '2027-03-05T10:00:00Z', author: 'patient' });
    assert.equal(isSameGoalRating(stored, { level: 1, note: 'Stairs' }), true);
    assert.equal(isSameGoalRating(stored, { level: 1, note: 'Stairs  ' }), true);
    assert.equal(isSameGoalRating(stored, { level: 2, note: 'Stairs' }), false);
    assert.equal(isSameGoalRating(stored, { level: 1 }), false);
    assert.equal(isSameGoalRating(stored, { level: 1, note: 'Walking' }), false);
    const noteOnly = goalRatingOf({ note: 'Better' }, { id: 'r2', ratedAt: '2027-03-05T10:00:00Z', author: 'patient' });
    assert.equal(isSameGoalRating(noteOnly, { note: 'Better', level: 0 }), false);
    assert.equal(isSameGoalRating(noteOnly, { note: 'Better' }), true);
  });

  it('describes a measure from its scoring rule', () => {
    assert.deepEqual(describeMeasure(lefsInstrument().scoring), {
      instrumentId: 'lefs',
      title: 'Lower Extremity Functional Scale (LEFS)',
      range: { min: 0, max: 80 },
      higherIsBetter: true,
      mcid: 9,
    });
    assert.equal(describeMeasure(nprsInstrument().scoring).higherIsBetter, false);
  });

  it('groups results into series, oldest first, leaving out measures it cannot describe', () => {
    const at = (day: number) => `2027-03-0${day}T10:00:00-07:00`;
    const series = measureSeriesList(
      [describeMeasure(nprsInstrument().scoring)],
      [
        { id: 'b', instrumentId: 'nprs', score: 5, takenAt: at(3) },
        { id: 'x', instrumentId: 'imported-odi', score: 40, takenAt: at(1) },
        { id: 'a', instrumentId: 'nprs', score: 7, takenAt: at(1) },
      ],
    );
    assert.deepEqual(series.map((entry) => [entry.instrumentId, entry.results.map((result) => result.id)]), [['nprs', ['a', 'b']]]);
  });

  it('adds ratings in time order and drops a blank note', () => {
    const goal: Goal = { id: 'g', text: 'Walk', targetDate: '2027-04-01', status: 'active', ratings: [{ id: 'late', author: 'therapist', level: 1, ratedAt: '2027-03-10T10:00:00Z' }] };
    const early = goalRatingOf({ level: 0, note: '   ' }, { id: 'early', ratedAt: '2027-03-05T10:00:00Z', author: 'patient' });
    assert.deepEqual(early, { id: 'early', author: 'patient', level: 0, ratedAt: '2027-03-05T10:00:00Z' });
    assert.deepEqual(withRating(goal, early).ratings.map((rating) => rating.id), ['early', 'late']);
  });

  it('derives the same due-measure token for the same occurrence, and another for the next', async () => {
    const first = await measureFormToken('demo-progress', 'lefs', 4);
    assert.equal(first, await measureFormToken('demo-progress', 'lefs', 4));
    assert.notEqual(first, await measureFormToken('demo-progress', 'lefs', 5));
    assert.notEqual(first, await measureFormToken('other-progress-token', 'lefs', 4));
    assert.match(first, /^[A-Za-z0-9_-]{43}$/, '256 bits, base64url');
    assert.ok(!first.includes('demo-progress'));
  });

  it('builds a valid one-measure form for every shipped instrument', () => {
    for (const id of SHIPPED_INSTRUMENT_IDS) {
      const definition = measureFormDefinition(shippedInstrument(id)!, `measure-${id}`);
      assert.deepEqual(checkFormDefinition(definition).problems, [], id);
      assert.deepEqual(definition.scoring?.map((rule) => rule.id), [id]);
    }
    assert.equal(shippedInstrument('odi'), undefined);
    assert.equal(shippedInstrument('toString'), undefined, 'own ids only');
  });
});
