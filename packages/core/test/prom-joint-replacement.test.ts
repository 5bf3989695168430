import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFormDefinition, type Answers } from '@pxm/core/forms';
import { HOOS_JR_TABLE, hoosJrInstrument, KOOS_JR_TABLE, koosJrInstrument, type PromInstrument } from '@pxm/core/prom';
import { formWith, score } from './prom-helpers.js';

/** Answers for an instrument's scored items, in order, from ratings (undefined = left blank). */
function rated(instrument: PromInstrument, ratings: Array<number | string | undefined>): Answers {
  const answers: Answers = {};
  instrument.scoring.items.forEach((id, position) => {
    const rating = ratings[position];
    if (rating !== undefined) answers[id] = String(rating);
  });
  return answers;
}

type Vector = [name: string, ratings: Array<number | string | undefined>, expected: number | null, reason?: string];

function runVectors(instrument: PromInstrument, vectors: Vector[]): void {
  for (const [name, ratings, expected, reason] of vectors) {
    it(`${name}: ${expected}`, () => {
      const result = score(instrument, rated(instrument, ratings));
      assert.equal(result.score, expected);
      assert.equal(result.reason, reason);
    });
  }
}

describe('KOOS, JR. (seven 0-4 items; raw sum 0-28 to the published interval score)', () => {
  const koos = koosJrInstrument();

  it('ships a valid definition with seven scored items and a 29-row table', () => {
    assert.deepEqual(checkFormDefinition(formWith(koos)).problems, []);
    assert.equal(koos.scoring.items.length, 7);
    assert.equal(KOOS_JR_TABLE.length, 29);
    assert.equal(koos.scoring.mcid, 14);
    assert.equal(koos.scoring.direction, 'higher-better');
  });

  // Worked by hand: add the seven ratings, then read the row of that sum in the HSS table.
  runVectors(koos, [
    ['no trouble at all (sum 0)', [0, 0, 0, 0, 0, 0, 0], 100],
    ['extreme everywhere (sum 28)', [4, 4, 4, 4, 4, 4, 4], 0],
    ['mild stiffness only (sum 1)', [1, 0, 0, 0, 0, 0, 0], 91.975],
    ['mild throughout (sum 7)', [1, 1, 1, 1, 1, 1, 1], 68.284],
    ['moderate throughout (sum 14)', [2, 2, 2, 2, 2, 2, 2], 52.465],
    ['severe throughout (sum 21)', [3, 3, 3, 3, 3, 3, 3], 34.174],
    ['stairs and bending hard, the rest mild (1+1+1+3+1+1+3 = 11)', [1, 1, 1, 3, 1, 1, 3], 59.381],
    ['one extreme item, the rest none (sum 4)', [0, 4, 0, 0, 0, 0, 0], 76.332],
    ['every level once plus a moderate (0+1+2+3+4+2+2 = 14)', [0, 1, 2, 3, 4, 2, 2], 52.465],
    ['extreme but for one none (sum 24)', [4, 4, 4, 4, 4, 4, 0], 24.875],
    ['near the floor (4+4+4+4+4+4+3 = 27)', [4, 4, 4, 4, 4, 4, 3], 8.291],
    ['one item left blank: no score', [1, 1, 1, 1, 1, 1, undefined], null, 'not_enough_answers'],
    ['an answer that is not an option', [1, 1, 1, 1, 1, 1, '5'], null, 'invalid_answer'],
  ]);
});

describe('HOOS, JR. (six 0-4 items; raw sum 0-24 to the published interval score)', () => {
  const hoos = hoosJrInstrument();

  it('ships a valid definition with six scored items and a 25-row table', () => {
    assert.deepEqual(checkFormDefinition(formWith(hoos)).problems, []);
    assert.equal(hoos.scoring.items.length, 6);
    assert.equal(HOOS_JR_TABLE.length, 25);
    assert.equal(hoos.scoring.mcid, 18);
  });

  runVectors(hoos, [
    ['no trouble at all (sum 0)', [0, 0, 0, 0, 0, 0], 100],
    ['extreme everywhere (sum 24)', [4, 4, 4, 4, 4, 4], 0],
    ['mild stair pain only (sum 1)', [1, 0, 0, 0, 0, 0], 92.34],
    ['mild throughout (sum 6)', [1, 1, 1, 1, 1, 1], 70.426],
    ['moderate throughout (sum 12)', [2, 2, 2, 2, 2, 2], 52.965],
    ['severe throughout (sum 18)', [3, 3, 3, 3, 3, 3], 32.735],
    ['pain moderate, function mild (2+2+1+1+1+1 = 8)', [2, 2, 1, 1, 1, 1], 64.664],
    ['lying in bed extreme, the rest none (sum 4)', [0, 0, 0, 0, 4, 0], 76.776],
    ['every level once plus severe (0+1+2+3+4+3 = 13)', [0, 1, 2, 3, 4, 3], 49.858],
    ['extreme but for one mild (4+4+4+4+4+1 = 21)', [4, 4, 4, 4, 4, 1], 20.805],
    ['near the floor (sum 23)', [4, 4, 4, 4, 4, 3], 8.104],
    ['one item left blank: no score', [2, 2, 2, 2, 2, undefined], null, 'not_enough_answers'],
    ['an answer that is not an option', [2, 2, 2, 2, 2, '-1'], null, 'invalid_answer'],
  ]);
});

describe('conversion tables in a scoring rule', () => {
  it('are refused with a method other than sum, or with proration', () => {
    const koos = koosJrInstrument();
    const meanForm = formWith({ ...koos, scoring: { ...koos.scoring, method: 'mean' } });
    assert.match(checkFormDefinition(meanForm).problems.map((problem) => problem.message).join('\n'), /conversion table needs method "sum"/);
    const proratedForm = formWith({ ...koos, scoring: { ...koos.scoring, minAnswered: 6, missing: 'prorate' } });
    assert.match(checkFormDefinition(proratedForm).problems.map((problem) => problem.message).join('\n'), /cannot prorate/);
  });

  it('give no score for a sum outside the table', () => {
    const koos = koosJrInstrument();
    const short = { ...koos, scoring: { ...koos.scoring, table: [100, 50, 0] } };
    assert.equal(score(short, rated(short, [1, 1, 0, 0, 0, 0, 0])).score, 0);
    assert.equal(score(short, rated(short, [1, 1, 1, 0, 0, 0, 0])).reason, 'invalid_answer');
  });
});
