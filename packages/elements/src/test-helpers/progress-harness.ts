/** Mounting and reading `<pxm-progress>` in tests, with an episode in a zone of the test's choosing. */
import { fixture, html } from '@open-wc/testing';
import type { PxmAdapter } from '@pxm/core';
import type { Goal, GoalRatingInput, ProgressView } from '@pxm/core/progress';
import '../define/pxm-progress.js';
import type { PxmProgress } from '../progress/progress.js';
import { until } from './events.js';

/**
 * One episode whose instants sit near midnight UTC, so a date read in the wrong zone shows the
 * wrong day: in Pacific/Auckland (UTC+13 in summer) 2026-01-10T20:00Z is January 11.
 */
export function progressFixture(timeZone = 'Pacific/Auckland'): ProgressView {
  return {
    episode: {
      id: 'episode-1',
      title: 'Right knee after surgery',
      status: 'active',
      startedAt: '2026-01-10T20:00:00Z',
      timeZone,
      practiceName: 'Harbor Physical Therapy',
      practicePhone: '+64 9 555 0100',
      therapistName: 'Sam Rivera',
      referringPhysician: 'Dr. Morgan Lee',
    },
    goals: [
      {
        id: 'goal-stairs',
        text: 'Carry my granddaughter up the stairs by June',
        targetDate: '2026-06-01',
        status: 'active',
        scale: [
          { value: -2, description: 'Cannot climb stairs carrying anything' },
          { value: -1, description: 'Climbs stairs with a light bag' },
          { value: 0, description: 'Climbs one flight carrying her' },
          { value: 1, description: 'Climbs two flights carrying her' },
          { value: 2, description: 'Climbs stairs carrying her without thinking about it' },
        ],
        ratings: [{ id: 'rating-t1', author: 'therapist', authorName: 'Sam Rivera', level: -1, ratedAt: '2026-02-21T20:00:00Z' }],
      },
      { id: 'goal-walk', text: 'Walk the dog around the bay', targetDate: '2026-04-15', status: 'active', ratings: [] },
    ],
    measures: [
      {
        instrumentId: 'lefs',
        title: 'Lower Extremity Functional Scale',
        range: { min: 0, max: 80 },
        higherIsBetter: true,
        mcid: 9,
        results: [
          { id: 'lefs-1', instrumentId: 'lefs', score: 30, takenAt: '2026-01-10T20:00:00Z', source: 'intake' },
          { id: 'lefs-2', instrumentId: 'lefs', score: 38, takenAt: '2026-01-31T20:00:00Z', source: 'clinic' },
          { id: 'lefs-3', instrumentId: 'lefs', score: 44, takenAt: '2026-02-21T20:00:00Z', source: 'clinic' },
        ],
      },
      {
        instrumentId: 'nprs',
        title: 'Numeric Pain Rating Scale',
        range: { min: 0, max: 10 },
        higherIsBetter: false,
        mcid: 2,
        results: [
          { id: 'nprs-1', instrumentId: 'nprs', score: 6, takenAt: '2026-01-10T20:00:00Z' },
          { id: 'nprs-2', instrumentId: 'nprs', score: 5, takenAt: '2026-01-31T20:00:00Z' },
          { id: 'nprs-3', instrumentId: 'nprs', score: 5, takenAt: '2026-02-21T20:00:00Z' },
        ],
      },
    ],
    due: [{ instrumentId: 'lefs', reason: 'interval-days', dueAt: '2026-03-13T20:00:00Z', formToken: 'form-lefs' }],
    adherence: { percent: 82, since: '2026-01-10T20:00:00Z' },
  };
}

/** A backend holding one episode: `rateGoal` appends the patient's rating (once per client id). */
export function fakeProgressAdapter(view: ProgressView = progressFixture()): PxmAdapter & { ratings: GoalRatingInput[] } {
  const ratings: GoalRatingInput[] = [];
  const goals = new Map(view.goals.map((goal) => [goal.id, structuredClone(goal)]));
  return {
    name: 'fake',
    ratings,
    progress: {
      loadProgress: async () => structuredClone({ ...view, goals: [...goals.values()] }),
      rateGoal: async (_token: string, input: GoalRatingInput): Promise<Goal> => {
        ratings.push(input);
        const goal = goals.get(input.goalId)!;
        if (!goal.ratings.some((rating) => rating.id === input.clientId)) {
          goal.ratings.push({ id: input.clientId, author: 'patient', level: input.level, note: input.note, ratedAt: '2026-02-28T20:00:00Z' });
        }
        return structuredClone(goal);
      },
    },
  };
}

export async function mountProgress(options: { adapter: PxmAdapter; token?: string; locale?: string }): Promise<PxmProgress> {
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <pxm-progress .adapter=${options.adapter} token=${options.token ?? 'progress-token'} locale=${options.locale ?? 'en'}></pxm-progress>
  </div>`);
  const element = wrapper.querySelector('pxm-progress')!;
  await until(() => element.shadowRoot && !element.shadowRoot.querySelector('[part="loading"]'), 'progress loaded', 8_000);
  await element.updateComplete;
  return element;
}

export const $ = <E extends Element = HTMLElement>(element: PxmProgress, selector: string) => element.shadowRoot!.querySelector<E>(selector);
export const $$ = <E extends Element = HTMLElement>(element: PxmProgress, selector: string) => [...element.shadowRoot!.querySelectorAll<E>(selector)];
export const textOf = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
