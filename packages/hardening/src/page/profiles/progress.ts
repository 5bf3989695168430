/**
 * `<pxm-progress>`: the patient reads their goals, rates the one on a Goal Attainment Scale (a
 * level and a note), switches a measure's chart to its table, and takes the measure due again in
 * the questionnaire the progress opens.
 */
import { GoalSchema, ProgressViewSchema, requireRatedGoal, type Goal, type ProgressView } from '@pxm/core/progress';
import { DEMO_PROGRESS_TOKEN, demoProgressEpisodes } from '@pxm/core/demo';
import { createMemoryAdapter, type MemoryAdapter } from '@pxm/adapter-memory';
import { createFaultyAdapter } from '@pxm/adapter-testkit/faults';
import type { PxmAdapter } from '@pxm/core';
import { mapTexts, type TextRewrite } from '../../corpus/map-texts.js';
import { fill, settle, shadow, until } from '../dom.js';
import { SECRETS, type LaterReply, type Mounted, type Profile } from './profile.js';
import { mountElement } from './mount-element.js';
import { acceptedBy, acceptedValue } from './accepted.js';

/** The goal with Goal Attainment Scaling levels (the one a patient rates with a level and a note). */
export const RATED_GOAL = 'demo-goal-stairs';
const SECOND_TOKEN = 'hardening-progress-second-patient';

/** The level each backend's flow gave: 0 for usual answers, +2 for the alternate ones. */
const ratedLevel = new WeakMap<object, number>();

function seeds() {
  const episodes = demoProgressEpisodes(new Date()); // the test clock, not the machine's
  return [...episodes, { ...episodes[0]!, token: SECOND_TOKEN }];
}

/**
 * Progress texts are what the backend sends, not only what it was seeded with (a measure's title
 * and unit come from the instrument): with a rewrite, every reply's texts go through it, the same
 * path always getting the same text, so a goal reads the same after its rating as before.
 */
function rewritingReplies(store: MemoryAdapter, rewrite: TextRewrite): PxmAdapter {
  const chosen = new Map<string, string>();
  const once: TextRewrite = (original, path) => {
    if (!chosen.has(path)) chosen.set(path, rewrite(original, path));
    return chosen.get(path)!;
  };
  let goalPaths = new Map<string, string>();
  const progress = store.progress;
  return {
    ...store,
    progress: {
      async loadProgress(token, options) {
        const view: ProgressView = mapTexts(await progress.loadProgress(token, options), once, 'progress');
        goalPaths = new Map(view.goals.map((goal, index) => [goal.id, `progress.goals[${index}]`]));
        return view;
      },
      async rateGoal(token, rating, options) {
        const goal: Goal = await progress.rateGoal(token, rating, options);
        return mapTexts(goal, once, goalPaths.get(goal.id) ?? `progress.goal-${goal.id}`);
      },
    },
  };
}

const goalForm = (root: ShadowRoot) => root.querySelector<HTMLFormElement>(`[part~="rate"][data-goal="${RATED_GOAL}"]`);

/** Picks a level and types a note on the rated goal, as the patient does. */
export async function rateGoal(element: HTMLElement, level: number, note: string): Promise<HTMLFormElement> {
  const root = shadow(element);
  const form = await until(() => goalForm(root), 'the goal’s rating form');
  form.querySelector<HTMLInputElement>(`input[type="radio"][value="${level}"]`)!.click();
  await settle(element);
  fill(form.querySelector<HTMLTextAreaElement>('textarea')!, note);
  await settle(element);
  return form;
}

/**
 * Opens the LEFS due again in the `<pxm-intake-form>` the progress shows, answers every question
 * with the answer at `choice` (another choice is another score, for the events proof) and goes to
 * its review. Returns the questionnaire's shadow root, ready to send.
 */
export async function answerDueMeasure(element: HTMLElement, choice: number, onState?: (state: string) => Promise<void> | void): Promise<ShadowRoot> {
  const root = shadow(element);
  (await until(() => dueLefs(root)?.querySelector<HTMLElement>('[part~="take-now"]'), 'the LEFS due again')).click();
  const intake = await until(() => root.querySelector<HTMLElement>('pxm-intake-form'), 'the questionnaire to open');
  const form = await until(() => intake.shadowRoot?.querySelector('[data-item^="lefs."] input[type="radio"]') && intake.shadowRoot, 'the questionnaire’s questions');
  await settle(intake);
  await onState?.('measure-open');
  for (const question of form.querySelectorAll<HTMLElement>('[data-item^="lefs."]')) {
    const options = question.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    if (options[choice] && !options[choice].checked) options[choice].click();
  }
  await settle(intake);
  await onState?.('measure-answered');
  form.querySelector<HTMLElement>('[part~="next"]')!.click();
  await until(() => form.querySelector('[part~="review"]'), 'the questionnaire’s review', 10_000);
  await settle(intake);
  return form;
}

const dueLefs = (root: ShadowRoot) => root.querySelector('[part~="due-item"][data-instrument="lefs"]');

/** Until the progress shows the measure taken: the questionnaire closed and the LEFS no longer due. */
export async function untilMeasureTaken(element: HTMLElement): Promise<void> {
  const root = shadow(element);
  await until(() => !root.querySelector('pxm-intake-form') && !dueLefs(root) && root.querySelector('[part="header"]'), 'the measure to be taken', 10_000);
  await settle(element);
}

async function takeDueMeasure(element: HTMLElement, choice: number, onState: ((state: string) => Promise<void> | void) | undefined): Promise<void> {
  const form = await answerDueMeasure(element, choice, onState);
  form.querySelector<HTMLElement>('[part~="submit"]')!.click();
  await untilMeasureTaken(element);
  await onState?.('measure-taken');
}

/** The patient's ratings the flow added (the demo seeds one of its own). */
async function newRatings(store: MemoryAdapter, token: string) {
  const view = await store.progress.loadProgress(token);
  return view.goals.flatMap((goal) => goal.ratings.filter((rating) => rating.author === 'patient' && !rating.id.startsWith('demo-')).map((rating) => ({ goalId: goal.id, rating })));
}

/** A rating reply the element may take: a goal by the schema, and the rated goal with the patient's rating (core's rule). */
function acceptsRatedGoal(value: unknown): boolean {
  const goal = acceptedValue(GoalSchema, value);
  if (!goal) return false;
  try {
    requireRatedGoal(goal, RATED_GOAL);
    return true;
  } catch {
    return false;
  }
}

export const progressProfile: Profile = {
  tag: 'pxm-progress',
  name: 'progress',

  async mount(stage, options = {}) {
    const store = options.store ?? createMemoryAdapter({ seed: { progress: seeds() } });
    const token = options.variant ? SECOND_TOKEN : DEMO_PROGRESS_TOKEN;
    const faults = createFaultyAdapter(options.text ? rewritingReplies(store, options.text) : store);
    const element = await mountElement(stage, 'pxm-progress', faults, options, (mounted) => progressProfile.ready(mounted), token);
    return { element, store, faults, token };
  },

  async ready(element) {
    await until(() => element.shadowRoot?.querySelector('[part="header"], [part="error"], [part="closed"]'), 'the progress to load');
    await settle(element);
  },

  async complete({ element, store }, { secrets = SECRETS, answers, onState } = {}) {
    const root = shadow(element);
    const level = answers === 'alternate' ? 2 : 0;
    ratedLevel.set(store, level);
    await until(() => root.querySelector('[part="header"]'), 'the progress');
    await onState?.('goals');
    const form = await rateGoal(element, level, secrets.free);
    await onState?.('rating');
    form.querySelector<HTMLElement>('[part~="rate-save"]')!.click();
    // Saved: the form is empty again (it keeps what was typed until the backend has it).
    await until(() => goalForm(root)?.querySelector('textarea')?.value === '', 'the rating to be saved', 10_000);
    await settle(element);
    await onState?.('rated');
    const measure = await until(() => root.querySelector<HTMLElement>('[part~="measure"][data-instrument="lefs"]'), 'the LEFS measure');
    measure.querySelector<HTMLElement>('[part~="chart-toggle"]')!.click();
    await until(() => measure.querySelector('.table-box:not(.visually-hidden) table'), 'the LEFS table');
    await settle(element);
    await onState?.('table');
    await takeDueMeasure(element, answers === 'alternate' ? 1 : 3, onState);
  },

  async checkOutcome({ store, token }) {
    const lefs = (await store.progress.loadProgress(token!)).measures.find((series) => series.instrumentId === 'lefs');
    const taken = lefs?.results.filter((result) => !result.id.startsWith('demo-')) ?? [];
    const added = await newRatings(store, token!);
    const level = ratedLevel.get(store) ?? 0;
    const problems: string[] = [];
    if (added.length !== 1) problems.push(`expected exactly 1 new rating by the patient, found ${added.length}`);
    const [first] = added;
    if (first && (first.goalId !== RATED_GOAL || first.rating.level !== level)) problems.push(`the stored rating is level ${first.rating.level} on ${first.goalId}, expected ${level} on ${RATED_GOAL}`);
    if (taken.length !== 1) problems.push(`expected exactly 1 new LEFS result, found ${taken.length}`);
    return problems;
  },

  async loadReplies(store, token = DEMO_PROGRESS_TOKEN) {
    return [{ operation: 'progress.loadProgress', valid: await store.progress.loadProgress(token), accepts: acceptedBy(ProgressViewSchema) }];
  },

  async laterReplies() {
    const probe = createMemoryAdapter({ seed: { progress: seeds() } });
    const valid = await probe.progress.rateGoal(DEMO_PROGRESS_TOKEN, { clientId: 'hardening-probe-rating', goalId: RATED_GOAL, level: 1 });
    const note = (m: Mounted) => goalForm(shadow(m.element))?.querySelector('textarea')?.value;
    const reply: LaterReply = {
      operation: 'progress.rateGoal',
      valid,
      accepts: acceptsRatedGoal,
      mount: (into, prepare) => progressProfile.mount(into, { prepare }),
      trigger: async (m) => {
        const form = await rateGoal(m.element, 1, SECRETS.free);
        form.querySelector<HTMLElement>('[part~="rate-save"]')!.click();
      },
      outcome: (m: Mounted) => {
        const root = shadow(m.element);
        const form = goalForm(root);
        if (form?.querySelector('[part~="rating-error"]')) return 'failed';
        // Saved: the form is empty again (or gone, when the reply says the goal is no longer active).
        return !form || form.querySelector('textarea')?.value === '' ? 'succeeded' : 'pending';
      },
      lost: (m) => (reply.outcome(m) === 'failed' && note(m) !== SECRETS.free ? [`the note reads "${note(m)}" after the failure`] : []),
    };
    return [reply];
  },
};
