/** `<pxm-progress>` when things go wrong: bad links, unreadable replies, a rating that does not get through. */
import { expect } from '@open-wc/testing';
import { AdapterError, type PxmAdapter } from '@pxm/core';
import type { GoalRatingInput } from '@pxm/core/progress';
import type { PxmErrorEvent } from '../events/pxm-error-event.js';
import type { PxmProgressGoalRatedEvent } from './progress.events.js';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { recordEvents, until } from '../test-helpers/events.js';
import { $, fakeProgressAdapter, mountProgress, progressFixture, textOf } from '../test-helpers/progress-harness.js';

function failingLoad(error: AdapterError): PxmAdapter {
  const adapter = fakeProgressAdapter();
  return { ...adapter, progress: { ...adapter.progress!, loadProgress: async () => Promise.reject(error) } };
}

describe('pxm-progress failures', () => {
  it('closes on a link that is not valid, or has expired, and fires pxm-error with the code only', async () => {
    const errors = recordEvents<PxmErrorEvent>(document, 'pxm-error');
    const invalid = await mountProgress({ adapter: failingLoad(new AdapterError('token_invalid', 'No such link.')) });
    expect(textOf($(invalid, '[part="closed"] h2'))).to.equal('This link is not valid');
    expect(errors.at(-1)!.detail).to.deep.equal({ code: 'token_invalid', operation: 'progress.loadProgress' });
    await expectNoAxeViolations(invalid);

    const expired = await mountProgress({ adapter: failingLoad(new AdapterError('token_expired', 'Old link.')) });
    expect(textOf($(expired, '[part="closed"] h2'))).to.equal('This link has expired');
    expect($(expired, '[part="retry"]')).to.equal(null);
  });

  it('shows a reply it cannot read as a clear state, and loads on Try again', async () => {
    const adapter = fakeProgressAdapter();
    const good = adapter.progress!.loadProgress;
    let calls = 0;
    const flaky: PxmAdapter = {
      ...adapter,
      progress: { ...adapter.progress!, loadProgress: async (token, options) => (++calls === 1 ? ({ ...progressFixture(), goals: 'not a list' } as never) : good(token, options)) },
    };
    const errors = recordEvents<PxmErrorEvent>(document, 'pxm-error');
    const element = await mountProgress({ adapter: flaky });
    const failure = $(element, '[part="error"]')!;
    expect(failure.getAttribute('role')).to.equal('alert');
    expect(textOf(failure)).to.contain('We could not load your progress. The practice’s system sent something we could not read.');
    expect(errors.at(-1)!.detail).to.deep.equal({ code: 'server', operation: 'progress.loadProgress' });
    await expectNoAxeViolations(element);

    $<HTMLButtonElement>(element, '[part="retry"]')!.click();
    await until(() => $(element, '[part="goals"]'), 'loaded on the second try');
    expect(calls).to.equal(2);
  });

  it('says plainly when the backend has no progress, with nothing to retry', async () => {
    const element = await mountProgress({ adapter: { name: 'bare' } });
    expect(textOf($(element, '[part="error"]'))).to.contain('This feature is not available here.');
    expect($(element, '[part="retry"]')).to.equal(null);
  });

  it('keeps what the patient entered when a rating fails, and retries it with the same client id', async () => {
    const adapter = fakeProgressAdapter();
    const sent: GoalRatingInput[] = [];
    let failNext = true;
    const patchy: PxmAdapter = {
      ...adapter,
      progress: {
        ...adapter.progress!,
        rateGoal: async (token, rating, options) => {
          sent.push(rating);
          if (failNext) {
            failNext = false;
            throw new AdapterError('network', 'Offline.', { retryable: true });
          }
          return adapter.progress!.rateGoal(token, rating, options);
        },
      },
    };
    const errors = recordEvents<PxmErrorEvent>(document, 'pxm-error');
    const element = await mountProgress({ adapter: patchy });
    const goal = () => $(element, '[aria-labelledby="goal-goal-stairs"]')!;
    goal().querySelectorAll<HTMLInputElement>('input[type="radio"]')[4]!.click();
    const note = goal().querySelector<HTMLTextAreaElement>('textarea')!;
    note.value = 'Carried her up once';
    note.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    goal().querySelector<HTMLButtonElement>('[part="rate-save"]')!.click();

    await until(() => goal().querySelector('[part="rating-error"]'), 'the failure shows');
    expect(textOf(goal().querySelector('[part="rating-error"]'))).to.contain('Your rating was not saved. What you entered is still here.');
    expect(goal().querySelectorAll<HTMLInputElement>('input[type="radio"]')[4]!.checked).to.equal(true);
    expect(goal().querySelector<HTMLTextAreaElement>('textarea')!.value).to.equal('Carried her up once');
    expect(errors.at(-1)!.detail).to.deep.equal({ code: 'network', operation: 'progress.rateGoal' });
    await expectNoAxeViolations(element);

    goal().querySelector<HTMLButtonElement>('[part="rate-save"]')!.click();
    await until(() => textOf(goal().querySelector('[part="patient-rating"]')).includes('+2'), 'saved on the retry');
    expect(sent).to.have.length(2);
    expect(sent[1]!.clientId, 'the retry is the same rating').to.equal(sent[0]!.clientId);
    expect(goal().querySelector<HTMLTextAreaElement>('textarea')!.value, 'cleared once saved').to.equal('');
  });

  it('refuses a rating reply that is another goal, or holds no rating by the patient: the note stays, no event with an empty time', async () => {
    const adapter = fakeProgressAdapter();
    const replies = [
      // Another goal of the episode, as a backend that mixed up ids would answer.
      async () => structuredClone(progressFixture().goals.find((goal) => goal.id !== 'goal-stairs')!),
      // The rated goal, without the patient's rating.
      async () => ({ ...structuredClone(progressFixture().goals.find((goal) => goal.id === 'goal-stairs')!), ratings: [] }),
    ];
    for (const reply of replies) {
      const wrong: PxmAdapter = { ...adapter, progress: { ...adapter.progress!, rateGoal: reply } };
      const errors = recordEvents<PxmErrorEvent>(document, 'pxm-error');
      const rated = recordEvents<PxmProgressGoalRatedEvent>(document, 'pxm-progress-goal-rated');
      const element = await mountProgress({ adapter: wrong });
      const goal = () => $(element, '[aria-labelledby="goal-goal-stairs"]')!;
      goal().querySelectorAll<HTMLInputElement>('input[type="radio"]')[3]!.click();
      const note = goal().querySelector<HTMLTextAreaElement>('textarea')!;
      note.value = 'Two flights';
      note.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      goal().querySelector<HTMLButtonElement>('[part="rate-save"]')!.click();

      await until(() => goal().querySelector('[part="rating-error"]'), 'the refusal shows');
      expect(goal().querySelector<HTMLTextAreaElement>('textarea')!.value, 'what the patient typed is kept').to.equal('Two flights');
      expect(errors.at(-1)!.detail).to.deep.equal({ code: 'server', operation: 'progress.rateGoal' });
      expect(rated, 'no goal-rated event for a rating not shown as stored').to.have.length(0);
      element.remove();
    }
  });
});
