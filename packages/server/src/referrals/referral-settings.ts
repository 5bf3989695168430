import { DEFAULT_DUPLICATE_WINDOW_DAYS } from '@pxm/core/referral';

/** How this practice runs its referral inbox. */
export interface ReferralSettings {
  /** A referral of the same patient from the same referrer within this many days is marked a possible duplicate. */
  duplicateWindowDays: number;
  /** Plain email may carry status messages to a referrer who has no Direct address or fax. */
  emailAllowed: boolean;
  /** The clinic's zone for the 30-day and 90-day dates; default the first location's. */
  timeZone: string | undefined;
}

export const DEFAULT_REFERRAL_SETTINGS: ReferralSettings = {
  duplicateWindowDays: DEFAULT_DUPLICATE_WINDOW_DAYS,
  emailAllowed: false,
  timeZone: undefined,
};
