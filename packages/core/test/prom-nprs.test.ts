import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFormDefinition } from '@pxm/core/forms';
import { compareWithBaseline } from '@pxm/core/prom';
import { nprs24hInstrument, nprsInstrument } from '@pxm/core/prom';
import { formWith, score } from './prom-helpers.js';

const nprs = nprsInstrument();
const nprs24h = nprs24hInstrument();

describe('NPRS (0-10, higher is worse)', () => {
  it('ships a valid definition', () => {
    assert.deepEqual(checkFormDefinition(formWith(nprs)).problems, []);
    assert.deepEqual(checkFormDefinition(formWith(nprs24h)).problems, []);
  });

  // The score is the rating itself: an integer from 0 to 10.
  const vectors: Array<[answer: unknown, expected: number | null, reason?: string]> = [
    [0, 0],
    [1, 1],
    [3, 3],
    [5, 5],
    [7, 7],
    [9, 9],
    [10, 10],
    [undefined, null, 'not_enough_answers'],
    [11, null, 'invalid_answer'],
    [-1, null, 'invalid_answer'],
    ['5', null, 'invalid_answer'],
  ];
  for (const [answer, expected, reason] of vectors) {
    it(`pain ${JSON.stringify(answer)} scores ${expected}`, () => {
      const result = score(nprs, answer === undefined ? {} : { 'nprs.current': answer as number });
      assert.equal(result.score, expected);
      assert.equal(result.reason, reason);
      assert.equal(result.algorithm, 'pxm:nprs@1');
    });
  }

  // Three-item version: mean of now, best and worst over 24 h, one decimal (Childs et al. 2005).
  const mean: Array<[now: number | undefined, best: number, worst: number, expected: number | null]> = [
    [4, 2, 7, 4.3], // 13 / 3 = 4.33
    [5, 5, 5, 5],
    [0, 0, 1, 0.3], // 1 / 3 = 0.33
    [10, 9, 10, 9.7], // 29 / 3 = 9.67
    [2, 1, 3, 2],
    [3, 4, 8, 5],
    [7, 5, 8, 6.7], // 20 / 3 = 6.67
    [1, 0, 2, 1],
    [6, 3, 9, 6],
    [8, 6, 9, 7.7], // 23 / 3 = 7.67
    [undefined, 3, 6, null], // every item is needed
  ];
  for (const [now, best, worst, expected] of mean) {
    it(`24 h: now ${now}, best ${best}, worst ${worst} scores ${expected}`, () => {
      const answers: Record<string, number> = { 'nprs24h.best': best, 'nprs24h.worst': worst };
      if (now !== undefined) answers['nprs24h.current'] = now;
      assert.equal(score(nprs24h, answers).score, expected);
    });
  }

  it('reads change from baseline downwards: less pain is better, MCID 2 points', () => {
    const prior = [
      { instrument: 'nprs', score: 8, recordedAt: '2027-01-10T16:00:00Z' },
      { instrument: 'nprs', score: 6, recordedAt: '2027-02-10T16:00:00Z' },
      { instrument: 'lefs', score: 30, recordedAt: '2027-01-01T16:00:00Z' },
    ];
    const better = compareWithBaseline(nprs.scoring, 5, prior)!;
    assert.equal(better.baseline.score, 8, 'the baseline is the earliest score');
    assert.equal(better.change, -3);
    assert.equal(better.improvement, 3);
    assert.equal(better.trend, 'better');
    assert.equal(better.meetsMcid, true);
    const small = compareWithBaseline(nprs.scoring, 7, prior)!;
    assert.equal(small.improvement, 1);
    assert.equal(small.meetsMcid, false);
    const exactly = compareWithBaseline(nprs.scoring, 6, prior)!;
    assert.equal(exactly.meetsMcid, true, 'a change of exactly the MCID counts');
    const worse = compareWithBaseline(nprs.scoring, 10, prior)!;
    assert.equal(worse.trend, 'worse');
    assert.equal(worse.meetsMcid, true);
    assert.equal(compareWithBaseline(nprs.scoring, 5, []), undefined);
  });
});
