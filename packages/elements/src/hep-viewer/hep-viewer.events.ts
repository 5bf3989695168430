/**
 * Events of `<pxm-hep-viewer>`. They bubble and cross shadow roots, so any script on the page can
 * read them: details carry ids, times and codes only, never a rating or anything derived from
 * one (see docs/csp-and-privacy.md, "Events"). A pain alert goes to `painAlertCallback` instead.
 */

export interface HepActivityLoggedDetail {
  programId: string;
  programVersion: number;
  exerciseId: string;
  /** The log's client-made id; an undo carries the id of the log it undoes. */
  clientId: string;
  /** ISO-8601 instant with the program zone's offset. */
  completedAt: string;
  completedSets?: number;
  /** True when the patient undid the log. */
  voided?: boolean;
  /** Adding a rating replaces the log with a rated copy: this is the id of the log it replaces. */
  replaces?: string;
  /** The log was stored on this device first and is sent when the backend can be reached. */
  queued: boolean;
}

/**
 * What `painAlertCallback` receives. This is health information (the patient's pain rating):
 * it is handed to the practice's own code only, never dispatched as an event, so analytics
 * listening on `window` never see it. Keep it out of analytics, logs and URLs.
 */
export interface HepPainAlert {
  programId: string;
  programVersion: number;
  exerciseId: string;
  clientId: string;
  /** 0-10 as the patient rated it. */
  pain: number;
  /** The threshold it reached. */
  threshold: number;
}

export interface HepReminderRequestDetail {
  programId: string;
  programVersion: number;
  /** ISO weekdays (1 = Monday) with exercises. */
  weekdays: number[];
  /** Local times of day, `HH:MM`. */
  times: string[];
  /** First and last day (`YYYY-MM-DD`, the program's zone); no end for an open-ended program. */
  startDate: string;
  endDate?: string;
  timeZone: string;
}

const init = { bubbles: true, composed: true } as const;

/**
 * The patient logged a session or a set, rated one, or undid one. Fired once per action, after
 * the entry is stored on the device and one attempt to send it has run (`queued` says whether it
 * is still waiting).
 */
export class PxmHepActivityLoggedEvent extends CustomEvent<HepActivityLoggedDetail> {
  static readonly eventName = 'pxm-hep-activity-logged';
  constructor(detail: HepActivityLoggedDetail) {
    super(PxmHepActivityLoggedEvent.eventName, { ...init, detail });
  }
}

/**
 * The patient asked for reminders. Cancelable: call `preventDefault()` to handle it yourself
 * (push, SMS) instead of the calendar file the viewer otherwise downloads.
 */
export class PxmHepReminderRequestEvent extends CustomEvent<HepReminderRequestDetail> {
  static readonly eventName = 'pxm-hep-reminder-request';
  constructor(detail: HepReminderRequestDetail) {
    super(PxmHepReminderRequestEvent.eventName, { ...init, cancelable: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pxm-hep-activity-logged': PxmHepActivityLoggedEvent;
    'pxm-hep-reminder-request': PxmHepReminderRequestEvent;
  }
}
