import { DEFAULT_DUPLICATE_WINDOW_DAYS } from '@pxm/core/referral';

/** How this practice runs its referral inbox. */
export interface ReferralSettings {
  /** A referral of the same patient from the same referrer within this many days is marked a possible duplicate. */
  duplicateWindowDays: number;
  /** Plain email may carry status messages to a referrer who has no Direct address or fax. */
  emailAllowed: boolean;
  /**
   * A plan of care sent by plain email goes as an attachment. Off by default: the email then
   * says the plan is ready and asks for a fax number or Direct address (no health information
   * in the mail), the safer choice where email is not the practice's secure channel.
   */
  emailAttachesPlanOfCare: boolean;
  /** The clinic's zone for the 30-day and 90-day dates; default the first location's. */
  timeZone: string | undefined;
}

export const DEFAULT_REFERRAL_SETTINGS: ReferralSettings = {
  duplicateWindowDays: DEFAULT_DUPLICATE_WINDOW_DAYS,
  emailAllowed: false,
  emailAttachesPlanOfCare: false,
  timeZone: undefined,
};
