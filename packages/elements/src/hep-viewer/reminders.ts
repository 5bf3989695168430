/**
 * Reminders, loaded with the log sync (`hep-extras.ts`): the plan from the program's schedule, the
 * `pxm-hep-reminder-request` event, and the calendar file with one recurring event per time of day.
 */
import type { HepProgram } from '@pxm/core/hep';
import { buildReminderIcs, reminderPlan, type ReminderText } from '@pxm/core/hep-reminders';
import { isLocalTime } from '@pxm/core/time';
import type { HepReminderRequestDetail } from './hep-viewer.events.js';

/** `"08:00, 18:30"` as times; anything that is not a time is ignored. */
function parseTimes(times: string | undefined): string[] | undefined {
  const valid = (times ?? '')
    .split(/[\s,]+/)
    .filter(isLocalTime);
  return valid.length > 0 ? valid : undefined;
}

/** The calendar file's text, or undefined when nothing is left to remind about. */
export function reminderIcs(program: HepProgram, times: string | undefined, text: ReminderText): string | undefined {
  const plan = reminderPlan(program, new Date(), parseTimes(times));
  return plan ? buildReminderIcs(program, plan, text) : undefined;
}

export type ReminderOutcome = 'nothing-to-remind' | 'handled-by-host' | 'downloaded';

/**
 * Asks the host first (`ask` dispatches the cancelable event: the viewer has its class loaded
 * already), then hands the patient the calendar file.
 */
export function requestReminders(
  ask: (detail: HepReminderRequestDetail) => boolean,
  container: ParentNode,
  program: HepProgram,
  times: string | undefined,
  text: ReminderText,
): ReminderOutcome {
  const plan = reminderPlan(program, new Date(), parseTimes(times));
  if (!plan) return 'nothing-to-remind';
  const handOver = ask({
    programId: program.id,
    programVersion: program.version,
    weekdays: plan.weekdays,
    times: plan.times,
    startDate: plan.startDate,
    ...(plan.endDate ? { endDate: plan.endDate } : {}),
    timeZone: program.timeZone,
  });
  if (!handOver) return 'handled-by-host';
  downloadFile(container, buildReminderIcs(program, plan, text), 'exercise-reminders.ics', 'text/calendar;charset=utf-8');
  return 'downloaded';
}

/** Hands the file to the browser's download (no navigation, no request leaves the page). */
function downloadFile(container: ParentNode, content: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  container.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
