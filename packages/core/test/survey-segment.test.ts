import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NPS_SEGMENTS, isNpsScore, npsScoreOf, npsSegment, segmentOfAnswers, segmentedText } from '@pxm/core/survey';
import { demoSurvey } from '@pxm/core/demo';

describe('survey segments', () => {
  it('puts 0-6 in detractors, 7-8 in passives and 9-10 in promoters', () => {
    const expected = ['detractor', 'detractor', 'detractor', 'detractor', 'detractor', 'detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter'];
    assert.deepEqual(Array.from({ length: 11 }, (_, score) => npsSegment(score)), expected);
    for (const { segment, min, max } of NPS_SEGMENTS) {
      for (let score = min; score <= max; score += 1) assert.equal(npsSegment(score), segment);
    }
  });

  it('recognises only whole scores from 0 to 10', () => {
    assert.equal(isNpsScore(0), true);
    assert.equal(isNpsScore(10), true);
    for (const bad of [-1, 11, 6.5, Number.NaN, '7', null, undefined]) assert.equal(isNpsScore(bad), false, String(bad));
  });

  it('reads the score and segment from answers', () => {
    assert.equal(npsScoreOf(demoSurvey, {}), undefined);
    assert.equal(segmentOfAnswers(demoSurvey, {}), undefined);
    assert.equal(npsScoreOf(demoSurvey, { nps: 8 }), 8);
    assert.equal(segmentOfAnswers(demoSurvey, { nps: 8 }), 'passive');
    assert.equal(segmentOfAnswers(demoSurvey, { nps: 'ten' }), undefined);
  });

  it('chooses segment wording, falling back to the default', () => {
    const text = { default: 'Why?', detractor: 'What went wrong?' };
    assert.equal(segmentedText(text, 'detractor'), 'What went wrong?');
    assert.equal(segmentedText(text, 'promoter'), 'Why?');
    assert.equal(segmentedText(text, undefined), 'Why?');
    assert.equal(segmentedText('Plain', 'promoter'), 'Plain');
    assert.equal(segmentedText(undefined, 'promoter'), undefined);
  });
});
