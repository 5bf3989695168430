/**
 * Loading a program for its link: the program and its history at once (each reply validated
 * once, by the element's adapter calls), with the patient's language, so the first paint is
 * complete. A history that cannot be read is no failure: the program still works.
 */
import { AdapterError, isAbortError, type hepReplySchemas } from '@pxm/core';
import type { ActivityLogEntry, HepProgram } from '@pxm/core/hep';
import type { AdapterCalls } from '../controllers/adapter-calls.js';

/** A program as loaded for one link. */
export interface LoadedProgram {
  token: string;
  program: HepProgram;
  logs: ActivityLogEntry[];
  /** The history could not be read: the program still works, progress may be incomplete. */
  historyFailed: boolean;
}

export interface LoadProgramOptions {
  calls: AdapterCalls<'hep', typeof hepReplySchemas>;
  token: string | undefined;
  signal: AbortSignal;
  /** Resolves once the patient's language is usable. */
  languageReady: Promise<void>;
  /** Fires `pxm-error` (nothing for an abort). */
  report(error: unknown, operation: string): void;
}

export async function loadProgram(options: LoadProgramOptions): Promise<LoadedProgram> {
  const { calls, token, signal } = options;
  try {
    if (!token) throw new AdapterError('token_invalid', 'No program token.', { operation: 'hep.loadProgram' });
    const [programResult, logsResult] = await Promise.allSettled([
      calls.run('loadProgram', (api, callSignal) => api.loadProgram(token, { signal: callSignal }), { signal, report: false }),
      calls.run('listActivity', (api, callSignal) => api.listActivity(token, {}, { signal: callSignal }), { signal, report: false }),
      options.languageReady,
    ]);
    if (programResult.status === 'rejected') throw programResult.reason;
    if (logsResult.status === 'rejected') {
      if (isAbortError(logsResult.reason)) throw logsResult.reason;
      options.report(logsResult.reason, 'hep.listActivity');
    }
    const logs = logsResult.status === 'fulfilled' ? logsResult.value : [];
    return { token, program: programResult.value, logs, historyFailed: logsResult.status === 'rejected' };
  } catch (error) {
    if (!isAbortError(error)) options.report(error, 'hep.loadProgram');
    throw error;
  }
}
