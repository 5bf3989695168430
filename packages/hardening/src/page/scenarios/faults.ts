/**
 * 3. Fault injection: a scripted scenario per element through the faulty wrapper (latency, 5xx,
 * timeouts, replies lost after the backend did the work, offline periods). Each ends with the
 * backend holding exactly the right thing, and at every failure what the patient typed is still
 * there.
 */
import { profile } from '../profiles/index.js';
import { untilStep, firstTime } from '../profiles/booking.js';
import { LATER_PAGES, chooseCardPhoto, fillAboutYou, fillInsurance, input, intakeProfile, next, untilCardUploaded, untilPage } from '../profiles/intake-form.js';
import { SECRETS, type Mounted } from '../profiles/profile.js';
import { fill, settle, shadow, sleep, squash, until } from '../dom.js';
import { attempt, count, newResult, type ScenarioResult } from '../result.js';
import { expectKept, failing, retryFromNotice, untilAlert, type Scenario } from './fault-steps.js';
import { progressFaults } from './faults-progress.js';
import { referralFaults } from './faults-referral.js';

const booking: Scenario = async ({ element, faults }, result) => {
  const root = shadow(element);
  (element as HTMLElement & { timeout: number }).timeout = 1_500;
  // The catalogue failed on the first try (the mount planned it): the patient retries.
  await untilAlert(element, 'a 5xx on the practice');
  await retryFromNotice(element, 'a 5xx on the practice');
  await untilStep(element, 'Book a visit');
  root.querySelector<HTMLInputElement>('input[name="kind"][value="new"]')!.click();
  await settle(element);
  root.querySelector<HTMLInputElement>('input[name="locationId"][value="denver-highlands"]')!.click();
  await settle(element);
  root.querySelector<HTMLInputElement>('input[name="typeId"][value="initial-evaluation"]')!.click();
  await settle(element);
  // A dropped search for times, then a slow one.
  faults.plan('booking.findSlots', { error: 'network' }, { delayMs: 600 });
  await failing(element, 'a dropped search for times', 'booking.findSlots', () => root.querySelector<HTMLElement>('[part~="next-button"]')!.click());
  await retryFromNotice(element, 'a dropped search for times');
  // The hold is made but its reply is lost: the patient tries again and gets another time.
  faults.plan('booking.holdSlot', { dropAfter: true });
  const time = await firstTime(element);
  await failing(element, 'a lost hold reply', 'booking.holdSlot', () => time.click());
  await retryFromNotice(element, 'a lost hold reply');
  if (squash(root.querySelector('#step-title')?.textContent) !== 'Your details') {
    (await firstTime(element)).click();
  }
  await untilStep(element, 'Your details');
  fill(root.querySelector<HTMLInputElement>('#firstName')!, SECRETS.first);
  fill(root.querySelector<HTMLInputElement>('#lastName')!, SECRETS.last);
  fill(root.querySelector<HTMLInputElement>('#dateOfBirth')!, SECRETS.dob);
  fill(root.querySelector<HTMLInputElement>('#phone')!, SECRETS.phone);
  fill(root.querySelector<HTMLInputElement>('#email')!, SECRETS.email);
  root.querySelector<HTMLInputElement>('input[name="coverage"][value="self-pay"]')!.click();
  await settle(element);
  root.querySelector<HTMLElement>('[part~="next-button"]')!.click();
  await untilStep(element, 'Review and confirm');
  // Confirm through a 5xx, a lost reply (booked!), a hang past the timeout, and an offline period.
  faults.plan('booking.book', { error: 'server' }, { dropAfter: true }, { hang: true });
  const summary = () => squash([...root.querySelectorAll('.summary')].map((node) => node.textContent).join(' '));
  const confirm = async (what: string) => {
    await failing(element, what, 'booking.book', () => root.querySelector<HTMLElement>('[part~="confirm-button"]')!.click());
    expectKept(result, what, summary().includes(SECRETS.last) ? SECRETS.last : summary().slice(0, 80), SECRETS.last);
  };
  await confirm('a 5xx on booking');
  await confirm('a lost booking reply');
  await confirm('a booking that never answered');
  faults.setOffline(true);
  await confirm('booking while offline');
  faults.setOffline(false);
  // Every field as typed, after five failures.
  [...root.querySelectorAll<HTMLElement>('button')].find((b) => squash(b.textContent) === 'Edit your details')!.click();
  await untilStep(element, 'Your details');
  for (const [id, typed] of [['firstName', SECRETS.first], ['lastName', SECRETS.last], ['dateOfBirth', SECRETS.dob], ['phone', SECRETS.phone], ['email', SECRETS.email]] as const) {
    expectKept(result, 'five failed confirms', root.querySelector<HTMLInputElement>(`#${id}`)?.value, typed);
  }
  root.querySelector<HTMLElement>('[part~="next-button"]')!.click();
  await untilStep(element, 'Review and confirm');
  root.querySelector<HTMLElement>('[part~="confirm-button"]')!.click();
  await untilStep(element, 'You’re booked');
};

const survey: Scenario = async ({ element, faults }, result) => {
  const root = shadow(element);
  await untilAlert(element, 'a 5xx on loading the survey');
  await retryFromNotice(element, 'a 5xx on loading the survey');
  await until(() => root.querySelector('[part="form"]'), 'the survey form');
  faults.always('survey.savePartial', { delayMs: 300 });
  faults.plan('survey.savePartial', { error: 'server' }, { dropAfter: true });
  root.querySelector<HTMLElement>('[data-question="nps"] [role="radio"][data-index="9"]')!.click();
  await settle(element);
  const why = root.querySelector<HTMLTextAreaElement>('#q-why')!;
  fill(why, SECRETS.free);
  why.dispatchEvent(new FocusEvent('blur'));
  await new Promise((resolve) => setTimeout(resolve, 800));
  faults.setOffline(true);
  const comments = root.querySelector<HTMLTextAreaElement>('#q-comments')!;
  fill(comments, `${SECRETS.first} ${SECRETS.last}`);
  comments.dispatchEvent(new FocusEvent('blur'));
  await failing(element, 'sending while offline', 'survey.submit', () => root.querySelector<HTMLButtonElement>('[part="submit"]')!.click());
  expectKept(result, 'sending while offline', root.querySelector<HTMLTextAreaElement>('#q-why')?.value, SECRETS.free);
  expectKept(result, 'sending while offline', root.querySelector<HTMLTextAreaElement>('#q-comments')?.value, `${SECRETS.first} ${SECRETS.last}`);
  faults.setOffline(false);
  faults.plan('survey.submit', { dropAfter: true }, { error: 'timeout' });
  await failing(element, 'a lost submit reply', 'survey.submit', () => void retryFromNotice(element, 'sending while offline'));
  expectKept(result, 'a lost submit reply', root.querySelector<HTMLTextAreaElement>('#q-why')?.value, SECRETS.free);
  // The element may now find out by itself that its submit got through (a save is refused as
  // already submitted) and fetch the response again; a timeout is still planned on the way.
  // Whatever it shows until the thanks, the patient's words stay and "Send now" works.
  const started = performance.now();
  while (!root.querySelector('[part="thanks"]') && performance.now() - started < 15_000) {
    const retry = [...root.querySelectorAll<HTMLElement>('[role="alert"] button')].find((b) => b.getClientRects().length > 0);
    if (retry) {
      expectKept(result, 'a failed send', root.querySelector<HTMLTextAreaElement>('#q-comments')?.value, `${SECRETS.first} ${SECRETS.last}`);
      retry.click();
    }
    await settle(element);
  }
  await until(() => root.querySelector('[part="thanks"]'), 'the thank-you state', 10_000);
  // The private note: its reply is lost once, and the retry stores it once.
  faults.plan('survey.sendFeedback', { dropAfter: true });
  const note = `${SECRETS.free} ${SECRETS.member}`;
  fill(root.querySelector<HTMLTextAreaElement>('#private-note')!, note);
  await failing(element, 'a lost note reply', 'survey.sendFeedback', () => root.querySelector<HTMLElement>('[part="feedback-send"]')!.click(), '[part="feedback"] .error-text');
  expectKept(result, 'a lost note reply', root.querySelector<HTMLTextAreaElement>('#private-note')?.value, note);
  root.querySelector<HTMLElement>('[part="feedback-send"]')!.click();
  await until(() => root.querySelector('[part="feedback"] .notice.success'), 'the note to be sent', 10_000);
};

const hep: Scenario = async ({ element, faults, store, token }, result) => {
  const root = shadow(element);
  await untilAlert(element, 'a 5xx on loading the program');
  await retryFromNotice(element, 'a 5xx on loading the program');
  await until(() => root.querySelector('[part="header"]'), 'the program');
  const seeded = new Set((await store.hep.listActivity(token!)).map((log) => log.clientId));
  const doneButtons = () => [...root.querySelectorAll<HTMLButtonElement>('[part~="done"]')].filter((b) => !b.disabled);
  // The first log reaches the backend but its reply is lost; the patient skips rating it.
  faults.always('hep.logActivity', { delayMs: 150 });
  faults.plan('hep.logActivity', { dropAfter: true }, { error: 'server' });
  const first = doneButtons()[0]!;
  first.click();
  (await until(() => root.querySelector<HTMLElement>('[part~="rating-skip"]'), 'the rating form')).click();
  // The outbox stores the log before sending it, which can take a while on a busy machine: the
  // script goes offline only once that first send has been made (and its reply lost).
  await until(() => faults.calls.includes('hep.logActivity'), 'the first log to be sent', 10_000);
  await settle(element);
  // Offline now: the second exercise is logged and rated with no network at all.
  faults.setOffline(true);
  const injectedOnline = faults.injected;
  (await until(() => doneButtons().find((b) => b.closest('li') !== first.closest('li')), 'another exercise to log')).click();
  const rating = await until(() => root.querySelector<HTMLFormElement>('[part~="rating"]'), 'the rating form');
  rating.querySelector<HTMLInputElement>('input[name^="pain-"][value="3"]')!.click();
  rating.querySelector<HTMLInputElement>('input[name^="difficulty-"][value="4"]')!.click();
  await settle(element);
  expectKept(result, 'rating while offline', rating.querySelector<HTMLInputElement>('input[name^="pain-"]:checked')?.value, '3');
  rating.querySelector<HTMLElement>('[part~="rating-save"]')!.click();
  // Back online only once the element has tried to send and met the offline backend (storing the
  // log in the encrypted outbox first can take a while on a busy machine).
  await until(() => faults.injected > injectedOnline, 'a send attempted while offline', 10_000);
  await sleep(400);
  faults.setOffline(false);
  window.dispatchEvent(new Event('online'));
  // Every log exactly once: two exercises, the second rated 3/4, no clientId twice.
  const started = performance.now();
  for (;;) {
    const fresh = (await store.hep.listActivity(token!)).filter((log) => !seeded.has(log.clientId));
    const live = fresh.filter((log) => !log.voided);
    const exercises = new Set(live.map((log) => log.exerciseId));
    if (live.length === 2 && exercises.size === 2 && live.some((log) => log.pain === 3 && log.difficulty === 4)) break;
    if (performance.now() - started > 15_000) throw new Error(`logs never settled: ${JSON.stringify(live.map((l) => [l.exerciseId, l.pain, l.voided]))}`);
    await sleep(100);
  }
  const fresh = (await store.hep.listActivity(token!)).filter((log) => !seeded.has(log.clientId));
  if (new Set(fresh.map((log) => log.clientId)).size !== fresh.length) result.failures.push('a log was stored twice');
  count(result, 'logs stored exactly once', fresh.filter((log) => !log.voided).length);
};

/** JSON with sorted keys: equal answers compare equal whatever their key order. */
const canonical = (value: unknown) =>
  JSON.stringify(value, (_key, entry: unknown) => (entry && typeof entry === 'object' && !Array.isArray(entry) ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => a.localeCompare(b))) : entry));

/** What the intake shows about its draft (`saved`, `error`, `saving`...). */
const saveStatus = (element: HTMLElement) => shadow(element).querySelector('[part~="save-status"]')?.getAttribute('data-status') ?? '';

async function untilSaved(element: HTMLElement, what: string): Promise<void> {
  await until(() => saveStatus(element) === 'saved', `the draft to be saved ${what} (status "${saveStatus(element)}")`, 10_000);
}

/** Every typed field of the first page, as the patient left it. */
function aboutYouKept(result: ScenarioResult, element: HTMLElement, what: string): void {
  const root = shadow(element);
  for (const [id, typed] of [['firstName', SECRETS.first], ['lastName', SECRETS.last], ['dateOfBirth', SECRETS.dob], ['phone', SECRETS.phone], ['email', SECRETS.email]] as const) {
    expectKept(result, what, root.getElementById(`f-${id}`) ? (root.getElementById(`f-${id}`) as HTMLInputElement).value : undefined, typed);
  }
}

/**
 * The intake: the form fails to load once; drafts fail (5xx), are lost after landing (the next save
 * must not call that a conflict), slow, and go nowhere while offline; a card photo fails to
 * upload offline and is retried; the patient reopens the link mid-way (everything resumes); the
 * submit fails with a 5xx, offline, and with its reply lost after the backend took it. The backend
 * ends with the latest draft and exactly one submission, and nothing typed is ever lost.
 */
const intake: Scenario = async (m, result) => {
  let { element, faults } = m;
  const { store, token } = m;
  const fast = (el: HTMLElement) => ((el as HTMLElement & { autosaveDelay: number }).autosaveDelay = 40);
  fast(element);
  await untilAlert(element, 'a 5xx on loading the form');
  await retryFromNotice(element, 'a 5xx on loading the form');
  await untilPage(element, 'about-you');
  let root = shadow(element);

  // A save refused with a 5xx: "Not saved" with a retry; then a retry whose reply is lost.
  faults.plan('intake.saveDraft', { error: 'server' }, { dropAfter: true }, { delayMs: 300 });
  await failing(element, 'a 5xx on saving the draft', 'intake.saveDraft', () => fillAboutYou(root, SECRETS), '[part~="save-status"] [role="alert"]');
  aboutYouKept(result, element, 'a 5xx on saving the draft');
  await failing(element, 'a lost draft reply', 'intake.saveDraft', () => root.querySelector<HTMLElement>('[part~="save-status"] button')!.click(), '[part~="save-status"] [role="alert"]');
  aboutYouKept(result, element, 'a lost draft reply');
  // The next (slow) save finds the backend ahead of it: its own lost save, not someone else's.
  fill(input(root, 'preferredName'), 'Zel');
  await untilSaved(element, 'after a lost reply');
  if (root.querySelector('[part~="conflict"]')) result.failures.push('a save whose reply was lost was taken for a conflict');

  // Offline: leaving the page cannot save, the photo cannot upload; then back online.
  faults.setOffline(true);
  next(root);
  await untilPage(element, 'insurance');
  await fillInsurance(element, SECRETS);
  await chooseCardPhoto(element, 'front');
  await until(() => root.querySelector('[data-side="front"] .card-actions button.primary'), 'a retry for the photo that could not upload', 10_000);
  expectKept(result, 'an upload while offline', input(root, 'memberId').value, SECRETS.member);
  faults.setOffline(false);
  window.dispatchEvent(new Event('online'));
  root.querySelector<HTMLElement>('[data-side="front"] .card-actions button.primary')!.click();
  await untilCardUploaded(element, 'front');
  await chooseCardPhoto(element, 'back');
  await untilCardUploaded(element, 'back');
  await untilSaved(element, 'once back online');

  // The patient closes the tab and opens the link again: everything comes back.
  count(result, 'faults injected', faults.injected);
  count(result, 'adapter calls', faults.calls.length);
  element.remove();
  const reopened = await intakeProfile.mount(document.getElementById('stage')!, { store });
  ({ element, faults } = reopened);
  Object.assign(m, { element, faults });
  fast(element);
  root = shadow(element);
  await untilPage(element, 'insurance');
  expectKept(result, 'reopening the link', input(root, 'memberId').value, SECRETS.member);
  for (const side of ['front', 'back']) {
    expectKept(result, 'reopening the link', root.querySelector(`[data-side="${side}"] .card-actions button.link`) ? `${side} photo on file` : `${side} photo missing`, `${side} photo on file`);
  }
  next(root);
  for (const [page, answer] of LATER_PAGES) {
    await untilPage(element, page);
    await answer(element, SECRETS);
    await settle(element);
    next(root);
  }
  await untilPage(element, 'review');
  await untilSaved(element, 'on the review page');
  // The latest draft holds every answer on screen.
  const draft = (await store.intake.loadForm(token!)).draft;
  const answers = (element as HTMLElement & { answers: Record<string, unknown> }).answers;
  const stale = Object.keys(answers).filter((key) => canonical(draft?.answers[key]) !== canonical(answers[key]));
  if (!draft || stale.length > 0) result.failures.push(`the saved draft is not the latest: ${stale.join(', ') || 'no draft'}`);
  if (draft?.pageId !== '@review') result.failures.push(`the draft resumes on ${String(draft?.pageId)}, not the review page`);

  // Submit through a 5xx, an offline period and a lost reply (the backend took it).
  faults.plan('intake.submit', { error: 'server' }, { dropAfter: true });
  const submit = () => root.querySelector<HTMLElement>('[part~="submit"]')!.click();
  const reviewed = () => squash(root.querySelector('[part~="review"]')?.textContent);
  await failing(element, 'a 5xx on submitting', 'intake.submit', submit);
  expectKept(result, 'a 5xx on submitting', reviewed().includes(SECRETS.free) ? SECRETS.free : reviewed().slice(0, 80), SECRETS.free);
  faults.setOffline(true);
  await failing(element, 'submitting offline', 'intake.submit', submit);
  faults.setOffline(false);
  await failing(element, 'a lost submit reply', 'intake.submit', submit);
  expectKept(result, 'a lost submit reply', reviewed().includes(SECRETS.last) ? SECRETS.last : reviewed().slice(0, 80), SECRETS.last);
  submit();
  await untilPage(element, 'done');
  const submits = faults.calls.filter((call) => call === 'intake.submit').length;
  if (submits !== 4) result.failures.push(`expected 4 submit calls (3 failed, 1 answered), saw ${submits}`);
};

/** Each scenario: the faults planned before the element's first call, then the script. */
const SCENARIOS: Record<string, { first: [string, ...Array<Parameters<Mounted['faults']['plan']>[1]>]; run: Scenario }> = {
  booking: { first: ['booking.getPractice', { error: 'server' }], run: booking },
  survey: { first: ['survey.loadInvitation', { error: 'server' }], run: survey },
  'hep-viewer': { first: ['hep.loadProgram', { error: 'server' }], run: hep },
  'intake-form': { first: ['intake.loadForm', { error: 'server' }], run: intake },
  progress: { first: ['progress.loadProgress', { error: 'server' }], run: progressFaults },
  referral: { first: ['referral.uploadReferralAttachment', { error: 'network' }], run: referralFaults },
};

export async function faultScenario(name: string): Promise<ScenarioResult> {
  const result = newResult();
  const p = profile(name);
  const scenario = SCENARIOS[name];
  if (!scenario) {
    result.failures.push(`no fault scenario for ${name}`);
    return result;
  }
  const stage = document.getElementById('stage')!;
  await attempt(result, `${name} fault scenario`, async () => {
    const [operation, ...faults] = scenario.first;
    const m = await p.mount(stage, { wait: false, prepare: (wrapper) => wrapper.plan(operation, ...faults) });
    try {
      await scenario.run(m, result);
    } catch (error) {
      // The calls so far say where the script and the element parted ways.
      throw new Error(`${error instanceof Error ? error.message : String(error)} (calls: ${m.faults.calls.slice(-12).join(', ')})`);
    }
    if (name !== 'hep-viewer') result.failures.push(...(await p.checkOutcome(m)));
    count(result, 'faults injected', m.faults.injected);
    count(result, 'adapter calls', m.faults.calls.length);
    count(result, 'scenarios run');
    m.element.remove();
  });
  return result;
}
