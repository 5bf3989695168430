import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdapterError } from '@pxm/core';
import { scoreForm } from '@pxm/core/prom';
import { storableAnswersOf, type Answers } from '@pxm/core/forms';
import { lefsInstrument, nprsInstrument, psfsInstrument } from '@pxm/core/prom';
import { formWith } from './prom-helpers.js';

const NOW = new Date('2027-03-01T16:00:00Z');

// Called straight through the API (no element in front): a value between two points of the
// scale is not an answer the instrument knows, so no score is made from it.
describe('outcome scores refuse values that are not points on the scale', () => {
  it('NPRS 2.5 gives no score (it was stored as 3)', () => {
    const [result] = scoreForm(formWith(nprsInstrument()), { 'nprs.current': 2.5 });
    assert.equal(result!.score, null);
    assert.equal(result!.reason, 'invalid_answer');
    assert.deepEqual(result!.invalidItems, ['nprs.current']);
  });

  it('a PSFS rating of 6.5 is not averaged in', () => {
    const answers: Answers = { 'psfs.activities': [{ 'psfs.activity': 'Stairs', 'psfs.rating': 6.5 }, { 'psfs.activity': 'Running', 'psfs.rating': 4 }] };
    const [result] = scoreForm(formWith(psfsInstrument()), answers);
    assert.equal(result!.score, null);
    assert.equal(result!.reason, 'invalid_answer');
  });

  it('a LEFS answer that is not one of its options gives no score', () => {
    const lefs = lefsInstrument();
    const answers: Answers = Object.fromEntries(lefs.scoring.items.map((id) => [id, '3']));
    assert.equal(scoreForm(formWith(lefs), answers)[0]!.score, 60);
    answers['lefs.4'] = '2.5';
    assert.equal(scoreForm(formWith(lefs), answers)[0]!.reason, 'invalid_answer');
  });

  it('storableAnswersOf refuses them with validation, naming the answer but not its value', () => {
    const definition = formWith(nprsInstrument());
    assert.throws(
      () => storableAnswersOf(definition, { 'nprs.current': 2.5 }, NOW, 'intake.submit'),
      (error: unknown) => {
        assert.ok(AdapterError.is(error));
        assert.equal(error.code, 'validation');
        assert.deepEqual(error.issues, [{ path: 'answers.nprs.current', message: 'not_on_scale' }]);
        return true;
      },
    );
    assert.deepEqual(storableAnswersOf(definition, { 'nprs.current': 3 }, NOW, 'intake.submit'), { 'nprs.current': 3 });
  });

  it('storableAnswersOf does not ask for unanswered required questions, and allows any zone’s today', () => {
    const definition = {
      id: 'f',
      version: '1',
      title: 'F',
      pages: [{ id: 'p', title: 'P', items: [{ id: 'name', type: 'text' as const, label: 'Name', required: true }, { id: 'seen', type: 'date' as const, label: 'Seen', max: 'today' }] }],
    };
    // 16:00 UTC on 1 March is already 2 March in Kiritimati (UTC+14).
    assert.deepEqual(storableAnswersOf(definition, { seen: '2027-03-02' }, NOW, 'intake.submit'), { seen: '2027-03-02' });
    assert.throws(() => storableAnswersOf(definition, { seen: '2027-03-03' }, NOW, 'intake.submit'), AdapterError);
  });
});
