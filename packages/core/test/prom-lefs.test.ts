import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFormDefinition, type Answers } from '@pxm/core/forms';
import { compareWithBaseline } from '@pxm/core/prom';
import { lefsInstrument } from '@pxm/core/prom';
import { formWith, score } from './prom-helpers.js';

const lefs = lefsInstrument();
const lefsProrated = lefsInstrument({ allowMissing: 4 });

/** Answers for items 1..20 from a list of ratings (undefined = left blank). */
function rated(ratings: Array<number | string | undefined>): Answers {
  const answers: Answers = {};
  ratings.forEach((rating, index) => {
    if (rating !== undefined) answers[`lefs.${index + 1}`] = String(rating);
  });
  return answers;
}
const repeat = (rating: number | undefined, count: number) => Array.from({ length: count }, () => rating);

describe('LEFS (sum of twenty 0-4 items, 0-80, higher is better)', () => {
  it('ships valid definitions, strict and prorated', () => {
    assert.deepEqual(checkFormDefinition(formWith(lefs)).problems, []);
    assert.deepEqual(checkFormDefinition(formWith(lefsProrated)).problems, []);
    assert.equal(lefs.section.items.length, 21, 'an introduction and twenty activities');
  });

  // Score = sum of the twenty item scores (Binkley et al. 1999).
  const vectors: Array<[name: string, ratings: Array<number | string | undefined>, expected: number | null, reason?: string]> = [
    ['no difficulty anywhere', repeat(4, 20), 80],
    ['unable to do anything', repeat(0, 20), 0],
    ['moderate difficulty throughout', repeat(2, 20), 40],
    ['a little difficulty throughout', repeat(3, 20), 60],
    ['first five easy, the rest moderate', [...repeat(4, 5), ...repeat(2, 15)], 50],
    ['daily life fine, running and hopping impossible', [...repeat(4, 15), ...repeat(0, 5)], 60],
    ['each level four times', [4, 3, 2, 1, 0, 4, 3, 2, 1, 0, 4, 3, 2, 1, 0, 4, 3, 2, 1, 0], 40],
    ['quite a bit of difficulty, one item easy', [...repeat(1, 19), 4], 23],
    ['one item left blank (strict)', [...repeat(3, 19), undefined], null, 'not_enough_answers'],
    ['an answer that is not an option', [...repeat(3, 19), '5'], null, 'invalid_answer'],
  ];
  for (const [name, ratings, expected, reason] of vectors) {
    it(`${name}: ${expected}`, () => {
      const result = score(lefs, rated(ratings));
      assert.equal(result.score, expected);
      assert.equal(result.reason, reason);
    });
  }

  // Opt-in proration: sum x 20 / answered, rounded, with at most four items missing.
  const prorated: Array<[name: string, ratings: Array<number | undefined>, expected: number | null]> = [
    ['all twenty answered', repeat(2, 20), 40],
    ['two blank, the rest 3', [...repeat(3, 18), undefined, undefined], 60], // 54 x 20 / 18
    ['four blank, the rest 2', [...repeat(2, 16), ...repeat(undefined, 4)], 40], // 32 x 20 / 16
    ['three blank, mixed', [4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1, 4, 3, 2, 4, 2, undefined, undefined, undefined], 53], // 45 x 20 / 17 = 52.94
    ['five blank: too many', [...repeat(3, 15), ...repeat(undefined, 5)], null],
  ];
  for (const [name, ratings, expected] of prorated) {
    it(`prorated, ${name}: ${expected}`, () => {
      assert.equal(score(lefsProrated, rated(ratings)).score, expected);
    });
  }

  it('compares with baseline, MCID 9 points', () => {
    const prior = [{ instrument: 'lefs', score: 38, recordedAt: '2027-01-12T17:00:00Z' }];
    const gained = compareWithBaseline(lefs.scoring, 52, prior)!;
    assert.equal(gained.change, 14);
    assert.equal(gained.meetsMcid, true);
    assert.equal(compareWithBaseline(lefs.scoring, 45, prior)!.meetsMcid, false, '+7 is below the MCID');
    assert.equal(compareWithBaseline(lefs.scoring, 47, prior)!.meetsMcid, true, '+9 meets it');
  });
});
