/**
 * `<pxm-progress>` under faults: the load fails once and is retried; the goal's rating goes out
 * through a 5xx, a lost reply (the backend stored it), an offline period and a slow reply pressed
 * twice, and is stored exactly once, with the patient's note kept at every failure. The measure due
 * again is sent from its questionnaire through a lost reply (the backend took it) and stored once.
 */
import { RATED_GOAL, answerDueMeasure, rateGoal, untilMeasureTaken } from '../profiles/progress.js';
import { SECRETS } from '../profiles/profile.js';
import { settle, shadow, until } from '../dom.js';
import { expectKept, failing, retryFromNotice, untilAlert, type Scenario } from './fault-steps.js';

export const progressFaults: Scenario = async ({ element, faults }, result) => {
  const root = shadow(element);
  await untilAlert(element, 'a 5xx on loading the progress');
  await retryFromNotice(element, 'a 5xx on loading the progress');
  await until(() => root.querySelector('[part="header"]'), 'the progress');
  // Level 0, as the usual flow gives (the outcome check expects it).
  const form = await rateGoal(element, 0, SECRETS.free);
  const note = () => form.querySelector<HTMLTextAreaElement>('textarea')?.value;
  const save = () => form.querySelector<HTMLElement>('[part~="rate-save"]')!.click();
  faults.plan('progress.rateGoal', { error: 'server' }, { dropAfter: true });
  await failing(element, 'a 5xx on rating a goal', 'progress.rateGoal', save, '[part~="rating-error"]');
  expectKept(result, 'a 5xx on rating a goal', note(), SECRETS.free);
  await failing(element, 'a lost rating reply', 'progress.rateGoal', save, '[part~="rating-error"]');
  expectKept(result, 'a lost rating reply', note(), SECRETS.free);
  faults.setOffline(true);
  await failing(element, 'rating offline', 'progress.rateGoal', save, '[part~="rating-error"]');
  expectKept(result, 'rating offline', note(), SECRETS.free);
  faults.setOffline(false);
  // A slow reply, and Save pressed again while it is on its way.
  faults.plan('progress.rateGoal', { delayMs: 400 });
  save();
  await settle(element);
  save();
  await until(() => root.querySelector(`[part~="goal"][aria-labelledby="goal-${RATED_GOAL}"] [part~="patient-rating"]`)?.textContent?.includes(SECRETS.free) && note() === '', 'the rating to be saved', 10_000);
  // The measure due again: the questionnaire's send loses its reply once, and the retry is the same response.
  const questionnaire = await answerDueMeasure(element, 3);
  let reported = 0;
  const onError = (event: Event) => void ((event as CustomEvent<{ operation: string }>).detail.operation === 'intake.submit' && (reported += 1));
  element.addEventListener('pxm-error', onError);
  faults.plan('intake.submit', { dropAfter: true });
  questionnaire.querySelector<HTMLElement>('[part~="submit"]')!.click();
  await until(() => reported > 0, 'pxm-error (intake.submit) after a lost reply', 10_000);
  element.removeEventListener('pxm-error', onError);
  await settle(element);
  (await until(() => questionnaire.querySelector<HTMLElement>('[part~="submit"]'), 'Submit again')).click();
  await untilMeasureTaken(element);
};
