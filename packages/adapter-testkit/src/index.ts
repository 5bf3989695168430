/**
 * `@pxm/adapter-testkit`: the one contract suite every adapter passes. Call
 * `runAdapterContract` from a `node --test` file with a factory for your backend, loaded with the
 * demo practice (`@pxm/core/demo`). Capabilities your adapter lacks are skipped automatically.
 */
import { bookingSuite } from './booking-suite.js';
import { hepSuite } from './hep-suite.js';
import { intakeSuite } from './intake-suite.js';
import { progressSuite } from './progress-suite.js';
import { referralSuite } from './referral-suite.js';
import type { ContractOptions } from './subject.js';
import { surveySuite } from './survey-suite.js';

export function runAdapterContract(options: ContractOptions): void {
  bookingSuite(options);
  intakeSuite(options);
  hepSuite(options);
  surveySuite(options);
  progressSuite(options);
  referralSuite(options);
}

export { bookingSuite, intakeSuite, hepSuite, surveySuite, progressSuite, referralSuite };
export { referralInput } from './referral-suite.js';
export { expectAdapterError } from './expect-error.js';
export { createFaultyAdapter, type Fault, type FaultyAdapter } from './faults/index.js';
export { scheduleViolation } from './working-hours.js';
export { CONTRACT_NOW, type ContractOptions, type ContractSubject } from './subject.js';
export { assertConforms, conformingApi } from './conforming-replies.js';
