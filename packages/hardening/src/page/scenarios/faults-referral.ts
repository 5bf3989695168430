/**
 * `<pxm-referral>` under faults: the signed order's upload drops once and is tried again; Send
 * goes through a 5xx, a lost reply (the backend filed it), an offline period and a slow answer
 * pressed twice, and the referral is filed exactly once, with every field kept at each failure.
 */
import { chooseOrder, fillReferral, lostFields } from '../profiles/referral.js';
import { SECRETS } from '../profiles/profile.js';
import { settle, shadow, until } from '../dom.js';
import { count } from '../result.js';
import { failing, type Scenario } from './fault-steps.js';

export const referralFaults: Scenario = async ({ element, faults }, result) => {
  const root = shadow(element);
  await fillReferral(element, SECRETS);
  // The upload's first try drops (the mount planned it): the office tries that file again.
  await failing(element, 'a dropped upload', 'referral.uploadReferralAttachment', () => chooseOrder(element), '[part~="attachment"][data-state="failed"]');
  const retry = await until(() => root.querySelector<HTMLElement>('[part~="attachment"] button:not([part~="remove-attachment"])'), 'the file’s Try again');
  retry.click();
  await until(() => root.querySelector('[part~="attachment"][data-state="uploaded"]'), 'the signed order to be attached', 10_000);
  await settle(element);
  const kept = (what: string) => {
    count(result, 'typed-input checks');
    for (const lost of lostFields(element)) result.failures.push(`after ${what}: ${lost}`);
  };
  const send = () => root.querySelector<HTMLElement>('[part~="submit"]')!.click();
  faults.plan('referral.submitReferral', { error: 'server' }, { dropAfter: true });
  await failing(element, 'a 5xx on sending', 'referral.submitReferral', send, '[part~="submit-error"]');
  kept('a 5xx on sending');
  await failing(element, 'a lost send reply', 'referral.submitReferral', send, '[part~="submit-error"]');
  kept('a lost send reply');
  faults.setOffline(true);
  await failing(element, 'sending offline', 'referral.submitReferral', send, '[part~="submit-error"]');
  kept('sending offline');
  faults.setOffline(false);
  // A slow answer, and Send pressed again while it is on its way: still one referral.
  faults.plan('referral.submitReferral', { delayMs: 400 });
  send();
  await settle(element);
  send();
  await until(() => root.querySelector('[part~="confirmation"]'), 'the confirmation', 10_000);
};
