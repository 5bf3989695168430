/** Home exercise programs on the memory backend; logging is idempotent on the client-made id. */
import { ActivityLogEntrySchema, ActivityQuerySchema, type ActivityLogEntry, type HepRevision } from '@pxm/core/hep';
import { AdapterError, parseRequest, type CallOptions, type HepApi } from '@pxm/core';
import * as z from 'zod/mini';
import type { MemoryContext } from './context.js';
import { simulateLatency } from './latency.js';
import type { HepSeed } from './seed.js';
import { openToken } from './tokens.js';

const EntriesSchema = z.array(ActivityLogEntrySchema).check(z.minLength(1), z.maxLength(200));

export interface HepRecord extends Omit<HepSeed, 'logs'> {
  logs: Map<string, ActivityLogEntry>;
}

export interface MemoryHepApi extends HepApi {
  /**
   * Test and demo helper: the therapist edits the program. The version goes up and the previous
   * version's schedule is kept in `revisions`.
   */
  updateProgram(token: string, edit: (program: HepSeed['program']) => HepSeed['program']): void;
  /** Backend helper: the program and its logs, unchecked and uncopied (progress reads adherence). */
  peekProgram(token: string): { program: HepSeed['program']; logs: ActivityLogEntry[] } | undefined;
}

/** The programs of a memory backend, by token: what its HEP calls and test helper read. */
export function newHepRecords(ctx: MemoryContext): Map<string, HepRecord> {
  return new Map(
    ctx.seed.hepPrograms.map((seed) => [
      seed.token,
      { ...seed, program: structuredClone(seed.program), logs: new Map((seed.logs ?? []).map((entry) => [entry.clientId, structuredClone(entry)])) },
    ]),
  );
}

/** The helper only tests and demos call: `createMemoryAdapter` has it, the script-tag adapter does not. */
type HepHelpers = Pick<MemoryHepApi, 'updateProgram'>;

export function createMemoryHep(ctx: MemoryContext, records: Map<string, HepRecord>): Omit<MemoryHepApi, keyof HepHelpers> {
  const nowMs = () => ctx.now().getTime();

  return {
    async loadProgram(token, options?: CallOptions) {
      await simulateLatency(ctx, options);
      return structuredClone(openToken(records, token, nowMs(), 'hep.loadProgram').program);
    },

    async logActivity(token, entries, options?: CallOptions) {
      const operation = 'hep.logActivity';
      const list = parseRequest(EntriesSchema, entries, operation);
      await simulateLatency(ctx, options);
      const record = openToken(records, token, nowMs(), operation);
      for (const entry of list) {
        if (!record.program.exercises.some((e) => e.id === entry.exerciseId)) {
          throw new AdapterError('validation', 'Unknown exercise.', { operation, issues: [{ path: 'exerciseId', message: 'Not in this program.' }] });
        }
      }
      return list.map((entry) => {
        const stored = record.logs.get(entry.clientId);
        // A repeat is a no-op, except that voiding (undo) is applied once.
        const next = stored ? (entry.voided && !stored.voided ? { ...stored, voided: true } : stored) : entry;
        record.logs.set(entry.clientId, next);
        return structuredClone(next);
      });
    },

    async listActivity(token, query = {}, options?: CallOptions) {
      const operation = 'hep.listActivity';
      const q = parseRequest(ActivityQuerySchema, query, operation);
      await simulateLatency(ctx, options);
      const record = openToken(records, token, nowMs(), operation);
      const from = q.from ? Date.parse(q.from) : -Infinity;
      const to = q.to ? Date.parse(q.to) : Infinity;
      // Parse each time once: months of logs are sorted on every call.
      return [...record.logs.values()]
        .map((entry) => ({ entry, at: Date.parse(entry.completedAt) }))
        .filter(({ at }) => at >= from && at < to)
        .sort((a, b) => a.at - b.at)
        .map(({ entry }) => structuredClone(entry));
    },

    peekProgram(token) {
      const record = records.get(token);
      return record ? { program: record.program, logs: [...record.logs.values()] } : undefined;
    },
  };
}

export function hepHelpers(ctx: MemoryContext, records: Map<string, HepRecord>): HepHelpers {
  return {
    updateProgram(token, edit) {
      const record = records.get(token);
      if (!record) throw new AdapterError('token_invalid', 'Unknown token.');
      const previous = record.program;
      const next = edit(structuredClone(previous));
      // Keep the schedule each earlier version had, so adherence counts past days against it.
      const revision: HepRevision = {
        version: previous.version,
        effectiveFrom: previous.updatedAt,
        exercises: previous.exercises.map((exercise) => ({
          id: exercise.id,
          name: exercise.name,
          frequency: exercise.frequency,
          ...(exercise.dosage.sets === undefined ? {} : { sets: exercise.dosage.sets }),
        })),
      };
      record.program = {
        ...next,
        version: previous.version + 1,
        updatedAt: ctx.now().toISOString(),
        revisions: [...(previous.revisions ?? []), revision],
      };
    },
  };
}
