import { AdapterError } from '../errors/adapter-error.js';
import type { BookingApi } from './booking-api.js';
import type { HepApi } from './hep-api.js';
import type { IntakeApi } from './intake-api.js';
import type { ProgressApi } from './progress-api.js';
import type { ReferralApi } from './referral-api.js';
import type { SurveyApi } from './survey-api.js';

export type Capability = 'booking' | 'intake' | 'hep' | 'survey' | 'progress' | 'referral';

export const CAPABILITIES: readonly Capability[] = ['booking', 'intake', 'hep', 'survey', 'progress', 'referral'];

/**
 * A backend for the elements. It implements the capabilities it has; having the property is
 * how it says so (`adapter.booking` present means it can book).
 */
export interface PxmAdapter {
  /** Short name for diagnostics: `memory`, `rest`, `fhir`. */
  readonly name: string;
  readonly booking?: BookingApi;
  readonly intake?: IntakeApi;
  readonly hep?: HepApi;
  readonly survey?: SurveyApi;
  readonly progress?: ProgressApi;
  readonly referral?: ReferralApi;
  /** Releases timers and connections. */
  dispose?(): Promise<void> | void;
}

export function capabilitiesOf(adapter: PxmAdapter): Capability[] {
  return CAPABILITIES.filter((capability) => adapter[capability] !== undefined);
}

/** The API of each capability, by name. */
export type CapabilityApi = { booking: BookingApi; intake: IntakeApi; hep: HepApi; survey: SurveyApi; progress: ProgressApi; referral: ReferralApi };

/** The capability's API, or an `unsupported` error naming what is missing. */
export function requireCapability<C extends Capability>(adapter: PxmAdapter | undefined, capability: C): CapabilityApi[C] {
  const api = adapter?.[capability];
  if (!api) {
    throw new AdapterError(
      'unsupported',
      adapter ? `The ${adapter.name} adapter has no ${capability} capability.` : 'No adapter is configured.',
      { operation: capability },
    );
  }
  return api as CapabilityApi[C];
}
