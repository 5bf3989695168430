import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFormDefinition, type Answers } from '@pxm/core/forms';
import { compareWithBaseline } from '@pxm/core/prom';
import { psfsInstrument } from '@pxm/core/prom';
import { formWith, score } from './prom-helpers.js';

const psfs = psfsInstrument();
const activities = (...ratings: Array<number | undefined>): Answers => ({
  'psfs.activities': ratings.map((rating, index): Answers => (rating === undefined ? { 'psfs.activity': `Activity ${index + 1}` } : { 'psfs.activity': `Activity ${index + 1}`, 'psfs.rating': rating })),
});

describe('PSFS (mean of 0-10 activity ratings, higher is better)', () => {
  it('ships a valid definition', () => {
    assert.deepEqual(checkFormDefinition(formWith(psfs)).problems, []);
  });

  // Score = sum of the activity ratings / number of activities rated (Stratford et al. 1995).
  const vectors: Array<[ratings: Array<number | undefined>, expected: number | null, reason?: string]> = [
    [[3, 5, 7], 5],
    [[2], 2],
    [[4, 6], 5],
    [[0, 0, 10], 3.3], // 10 / 3 = 3.33
    [[10, 10, 10, 10, 10], 10],
    [[1, 2, 2], 1.7], // 5 / 3 = 1.67
    [[3, 4, 5, 6, 8], 5.2], // 26 / 5
    [[2, 3, 3], 2.7], // 8 / 3 = 2.67
    [[7, 8, 9], 8],
    [[5, undefined, 7], 6], // an activity named but not rated is left out
    [[undefined, undefined], null, 'not_enough_answers'],
    [[4, 11], null, 'invalid_answer'],
  ];
  for (const [ratings, expected, reason] of vectors) {
    it(`ratings ${JSON.stringify(ratings)} score ${expected}`, () => {
      const result = score(psfs, activities(...ratings));
      assert.equal(result.score, expected);
      assert.equal(result.reason, reason);
    });
  }

  it('counts activities as items', () => {
    const result = score(psfs, activities(5, undefined, 7));
    assert.equal(result.answered, 2);
    assert.equal(result.total, 3);
  });

  it('compares with baseline upwards, MCID 2', () => {
    const prior = [{ instrument: 'psfs', score: 3, recordedAt: '2027-01-05T15:00:00Z' }];
    const result = compareWithBaseline(psfs.scoring, 5.7, prior)!;
    assert.equal(result.change, 2.7);
    assert.equal(result.trend, 'better');
    assert.equal(result.meetsMcid, true);
    assert.equal(compareWithBaseline(psfs.scoring, 4.5, prior)!.meetsMcid, false);
  });
});
