/**
 * The HEP adherence shown beside outcome measures: the whole program so far, as a percent, from
 * the start of the program (start of its first day in the patient's zone).
 */
import type { ActivityLogEntry, HepProgram } from '../schemas/hep.js';
import { startOfLocalDay } from '../time/zoned-time.js';
import { summarizeAdherence } from './adherence.js';

export interface AdherencePercent {
  percent: number;
  since: string;
}

/** Undefined before anything was prescribed: 0 % of nothing would read as failure. */
export function adherencePercent(program: HepProgram, logs: readonly ActivityLogEntry[], now: Date | string): AdherencePercent | undefined {
  const { rate } = summarizeAdherence(program, logs, now).wholeProgram;
  if (rate === null) return undefined;
  return { percent: Math.max(0, Math.min(100, Math.round(rate * 100))), since: startOfLocalDay(program.startDate, program.timeZone).toISOString() };
}
