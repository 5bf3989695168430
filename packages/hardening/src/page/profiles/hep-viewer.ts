/** `<pxm-hep-viewer>`: open today's program, log an exercise, rate pain and difficulty. */
import { ActivityLogListSchema, HepProgramSchema } from '@pxm/core/hep';
import { localDateIn } from '@pxm/core/time';
import { DEMO_HEP_TOKEN, demoHepPrograms } from '@pxm/core/demo';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { createFaultyAdapter } from '@pxm/adapter-testkit/faults';
import { mapTexts } from '../../corpus/map-texts.js';
import { settle, shadow, until } from '../dom.js';
import type { Profile } from './profile.js';
import { mountElement } from './mount-element.js';
import { acceptedBy } from './accepted.js';

/**
 * The demo program without its videos and pictures (the suite counts every request the page
 * makes), with its history up to yesterday: whatever the day and hour of the test clock, today
 * has every exercise still to do, so each scenario finds the exercises it logs.
 */
function seeds(rewrite: (text: string, path: string) => string) {
  const now = new Date(); // the test clock (scripts/test-clock.mjs), not the machine's
  const demo = demoHepPrograms(now).map((seed) => {
    const today = localDateIn(now, seed.program.timeZone);
    return {
      ...seed,
      program: mapTexts({ ...seed.program, exercises: seed.program.exercises.map(({ media: _media, ...exercise }) => exercise) }, rewrite, 'program'),
      ...(seed.logs ? { logs: seed.logs.filter((log) => localDateIn(log.completedAt, seed.program.timeZone) < today) } : {}),
    };
  });
  // A second patient's link, for two viewers on one page.
  return [...demo, { ...demo[0]!, token: SECOND_TOKEN, logs: [] }];
}

const SECOND_TOKEN = 'hardening-hep-second-patient';

const seededLogs = new WeakMap<object, Set<string>>();
/** The pain rating each backend's flow gave: 8 (at the demo program's threshold) for `alternate` answers. */
const ratedPain = new WeakMap<object, number>();

export const hepProfile: Profile = {
  tag: 'pxm-hep-viewer',
  name: 'hep-viewer',

  async mount(stage, options = {}) {
    const store = options.store ?? createMemoryAdapter({ seed: { hepPrograms: seeds(options.text ?? ((text) => text)) } });
    const token = options.variant ? SECOND_TOKEN : DEMO_HEP_TOKEN;
    if (!seededLogs.has(store)) seededLogs.set(store, new Set((await store.hep.listActivity(DEMO_HEP_TOKEN)).map((log) => log.clientId)));
    const faults = createFaultyAdapter(store);
    const element = await mountElement(stage, 'pxm-hep-viewer', faults, options, (mounted) => hepProfile.ready(mounted), token);
    return { element, store, faults, token };
  },

  async ready(element) {
    await until(() => element.shadowRoot?.querySelector('[part="header"], [part="error"], .state-card'), 'the program to load');
    await until(() => !element.shadowRoot?.querySelector('.state.loading'), 'loading to end');
    await settle(element);
  },

  async complete({ element, store, token }, { onState, answers } = {}) {
    const root = shadow(element);
    const pain = answers === 'alternate' ? 8 : 2;
    ratedPain.set(store, pain);
    await until(() => root.querySelector('[part="header"]'), 'the program');
    await onState?.('today');
    const done = await until(() => [...root.querySelectorAll<HTMLButtonElement>('[part~="done"]')].find((b) => !b.disabled), 'an exercise to log');
    done.click();
    const rating = await until(() => root.querySelector<HTMLFormElement>('[part~="rating"]'), 'the rating form');
    await settle(element);
    await onState?.('rating');
    rating.querySelector<HTMLInputElement>(`input[name^="pain-"][value="${pain}"]`)!.click();
    rating.querySelector<HTMLInputElement>('input[name^="difficulty-"][value="2"]')!.click();
    await settle(element);
    rating.querySelector<HTMLElement>('[part~="rating-save"]')!.click();
    await until(() => !root.querySelector('[part~="rating"]'), 'the rating to be saved');
    if (pain >= 7) await until(() => root.querySelector('[part~="pain-alert"]'), 'the practice’s guidance after high pain');
    // The log goes out in the background: wait until the backend has the rated one.
    const seeded = seededLogs.get(store) ?? new Set();
    const started = performance.now();
    while (!(await store.hep.listActivity(token!)).some((log) => !seeded.has(log.clientId) && !log.voided && log.pain === pain)) {
      if (performance.now() - started > 10_000) throw new Error('the rated log never reached the backend');
      await settle(element);
    }
    await onState?.('logged');
  },

  async checkOutcome({ store, token }) {
    const seeded = seededLogs.get(store) ?? new Set();
    const fresh = (await store.hep.listActivity(token!)).filter((log) => !seeded.has(log.clientId));
    const live = fresh.filter((log) => !log.voided);
    const pain = ratedPain.get(store) ?? 2;
    const problems: string[] = [];
    if (live.length !== 1) problems.push(`expected exactly 1 new log standing, found ${live.length}`);
    if (live[0] && (live[0].pain !== pain || live[0].difficulty !== 2)) problems.push(`the stored log has pain ${live[0].pain} and difficulty ${live[0].difficulty}, expected ${pain} and 2`);
    if (new Set(fresh.map((log) => log.clientId)).size !== fresh.length) problems.push('a log was stored twice');
    return problems;
  },

  async loadReplies(store, token = DEMO_HEP_TOKEN) {
    return [
      { operation: 'hep.loadProgram', valid: await store.hep.loadProgram(token), accepts: acceptedBy(HepProgramSchema) },
      { operation: 'hep.listActivity', valid: await store.hep.listActivity(token), accepts: acceptedBy(ActivityLogListSchema) },
    ];
  },
};
