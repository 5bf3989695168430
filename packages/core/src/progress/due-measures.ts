/**
 * Which outcome measures are due again: every N days (the clinic's calendar days), every N
 * visits, and at discharge, as the practice assigned them. A measure never taken is due from the
 * start of the episode (its baseline).
 */
import type { DueReason, MeasureAssignment, MeasureResult, MeasureSchedule } from '../schemas/progress.js';
import { addDays } from '../time/local-date.js';
import { localDateIn, startOfLocalDay } from '../time/zoned-time.js';

/** A due measure before the backend attaches the token that opens its form. */
export interface MeasureDue {
  instrumentId: string;
  reason: DueReason;
  /** When it fell due (ISO instant, UTC). */
  dueAt: string;
}

interface Candidate {
  reason: DueReason;
  at: number;
}

/**
 * The measures due at `now`, earliest first. `results` and `visits` (instants of attended
 * visits) may be in any order; those after `now` are ignored. One entry per instrument: discharge
 * wins over an interval (it is the one the payer asks for), otherwise the earliest reason.
 */
export function dueMeasures(
  schedule: MeasureSchedule,
  results: readonly Pick<MeasureResult, 'instrumentId' | 'takenAt'>[],
  visits: readonly string[],
  now: Date | string | number,
): MeasureDue[] {
  const nowMs = new Date(now).getTime();
  const started = Date.parse(schedule.startedAt);
  const visitTimes = visits
    .map((visit) => Date.parse(visit))
    .filter((time) => time <= nowMs)
    .sort((left, right) => left - right);
  const due: MeasureDue[] = [];
  for (const assignment of schedule.assignments) {
    const taken = results
      .filter((result) => result.instrumentId === assignment.instrumentId)
      .map((result) => Date.parse(result.takenAt))
      .filter((time) => time <= nowMs);
    const last = taken.length > 0 ? Math.max(...taken) : undefined;
    const found = candidateFor(assignment, schedule, last, started, visitTimes, nowMs);
    if (found) due.push({ instrumentId: assignment.instrumentId, reason: found.reason, dueAt: new Date(found.at).toISOString() });
  }
  return due.sort((left, right) => Date.parse(left.dueAt) - Date.parse(right.dueAt));
}

function candidateFor(
  assignment: MeasureAssignment,
  schedule: MeasureSchedule,
  last: number | undefined,
  started: number,
  visitTimes: readonly number[],
  nowMs: number,
): Candidate | undefined {
  if (assignment.atDischarge && schedule.dischargeFrom !== undefined) {
    const from = Date.parse(schedule.dischargeFrom);
    if (from <= nowMs && (last === undefined || last < from)) return { reason: 'discharge', at: from };
  }
  const candidates: Candidate[] = [];
  if (last === undefined) {
    // Never taken: the baseline is due from the start, under whichever interval was assigned.
    if (started <= nowMs) {
      const reason: DueReason = assignment.everyDays !== undefined || assignment.everyVisits === undefined ? 'interval-days' : 'interval-visits';
      candidates.push({ reason, at: started });
    }
  } else {
    if (assignment.everyDays !== undefined) {
      // Calendar days in the clinic's zone: taken on the 3rd, every 14 days, due from the 17th's start.
      const dueDate = addDays(localDateIn(last, schedule.timeZone), assignment.everyDays);
      const at = startOfLocalDay(dueDate, schedule.timeZone).getTime();
      if (at <= nowMs) candidates.push({ reason: 'interval-days', at });
    }
    if (assignment.everyVisits !== undefined) {
      const since = visitTimes.filter((time) => time > last);
      const nth = since[assignment.everyVisits - 1];
      if (nth !== undefined) candidates.push({ reason: 'interval-visits', at: nth });
    }
  }
  candidates.sort((left, right) => left.at - right.at);
  return candidates[0];
}
