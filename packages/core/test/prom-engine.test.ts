import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FormEngine, type FormDefinition, type ScoringRule } from '@pxm/core/forms';
import { roundScore, scoreForm, scoreRule } from '@pxm/core/prom';

/** A made-up five-item disability index, the shape a practice would supply for a licensed one. */
const options = [0, 1, 2, 3, 4, 5].map((points) => ({ value: `o${points}`, label: `Option ${points}`, score: points }));
const definition: FormDefinition = {
  id: 'custom',
  version: '1',
  title: 'Custom index',
  pages: [
    {
      id: 'p',
      title: 'P',
      items: [
        { id: 'hasPain', type: 'yes-no' },
        ...[1, 2, 3, 4, 5].map((n) => ({ id: `s${n}`, type: 'single-choice' as const, options })),
        { id: 'extra', type: 'scale', min: 1, max: 5, visibleWhen: { item: 'hasPain', op: 'equals', value: true } },
      ],
    },
  ],
};
const percent: ScoringRule = { id: 'pct', label: 'Percent', method: 'percentage', items: ['s1', 's2', 's3', 's4', 's5'], minAnswered: 3, direction: 'higher-worse' };

describe('scoring engine', () => {
  it('percentage: sum / (max x answered) x 100, a skipped section lowers the denominator', () => {
    assert.equal(scoreRule(percent, definition, { s1: 'o5', s2: 'o5', s3: 'o5', s4: 'o5', s5: 'o5' }).score, 100);
    assert.equal(scoreRule(percent, definition, { s1: 'o1', s2: 'o2', s3: 'o3', s4: 'o4', s5: 'o0' }).score, 40);
    assert.equal(scoreRule(percent, definition, { s1: 'o1', s2: 'o2', s3: 'o3', s4: 'o4' }).score, 50, '10 / 20');
    const short = scoreRule(percent, definition, { s1: 'o1', s2: 'o2' });
    assert.equal(short.score, null);
    assert.equal(short.reason, 'not_enough_answers');
  });

  it('reverse-scores items with the item range', () => {
    const rule: ScoringRule = { id: 'rev', label: 'Rev', method: 'sum', items: ['s1', 's2'], reverse: ['s2'], direction: 'higher-better' };
    assert.equal(scoreRule(rule, definition, { s1: 'o5', s2: 'o5' }).score, 5, '5 + (0 + 5 - 5)');
    assert.equal(scoreRule(rule, definition, { s1: 'o1', s2: 'o0' }).score, 6, '1 + 5');
    const scale: ScoringRule = { id: 'rs', label: 'RS', method: 'sum', items: ['extra'], reverse: ['extra'], direction: 'higher-better' };
    assert.equal(scoreRule(scale, definition, { hasPain: true, extra: 2 }).score, 4, 'on a 1-5 scale, 2 reverses to 4');
  });

  it('mean with exclusion, prorated sums, and rounding half away from zero', () => {
    const mean: ScoringRule = { id: 'm', label: 'M', method: 'mean', items: ['s1', 's2', 's3'], minAnswered: 2, direction: 'higher-worse', decimals: 2 };
    assert.equal(scoreRule(mean, definition, { s1: 'o1', s2: 'o2' }).score, 1.5);
    assert.equal(scoreRule(mean, definition, { s1: 'o1', s2: 'o1', s3: 'o2' }).score, 1.33);
    const prorate: ScoringRule = { id: 'p', label: 'P', method: 'sum', items: ['s1', 's2', 's3'], minAnswered: 2, missing: 'prorate', direction: 'higher-worse', decimals: 1 };
    assert.equal(scoreRule(prorate, definition, { s1: 'o1', s2: 'o2' }).score, 4.5, '3 x 3 / 2');
    assert.equal(roundScore(2.675, 2), 2.68);
    assert.equal(roundScore(-2.5, 0), -3);
    assert.equal(roundScore(0.05, 1), 0.1);
  });

  it('treats hidden items as missing once the answers are the response answers', () => {
    const rule: ScoringRule = { id: 'x', label: 'X', method: 'sum', items: ['extra'], direction: 'higher-worse' };
    const engine = new FormEngine(definition, { hasPain: true, extra: 4 });
    assert.equal(scoreRule(rule, definition, engine.responseAnswers()).score, 4);
    engine.setAnswer('hasPain', false);
    const hidden = scoreRule(rule, definition, engine.responseAnswers());
    assert.equal(hidden.score, null);
    assert.equal(hidden.reason, 'not_enough_answers');
  });

  it('reports invalid answers by item id and scores every rule of a form', () => {
    const rule: ScoringRule = { id: 'x', label: 'X', method: 'sum', items: ['s1', 's2'], direction: 'higher-worse' };
    const result = scoreRule(rule, definition, { s1: 'o9', s2: 'o1' });
    assert.equal(result.reason, 'invalid_answer');
    assert.deepEqual(result.invalidItems, ['s1']);
    const results = scoreForm({ ...definition, scoring: [rule, percent] }, { s1: 'o1', s2: 'o1', s3: 'o1' });
    assert.deepEqual(results.map((r) => [r.instrument, r.score]), [['x', 2], ['pct', 20]]);
  });

  it('has nothing to score when a repeating group has no instances', () => {
    const grouped: FormDefinition = {
      id: 'g',
      version: '1',
      title: 'G',
      pages: [{ id: 'p', title: 'P', items: [{ id: 'acts', type: 'group', items: [{ id: 'r', type: 'scale', min: 0, max: 10 }] }] }],
    };
    const rule: ScoringRule = { id: 'g', label: 'G', method: 'mean', items: ['r'], minAnswered: 1, direction: 'higher-better' };
    assert.equal(scoreRule(rule, grouped, {}).reason, 'no_items');
  });
});
