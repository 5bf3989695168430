/**
 * Home exercise programs on the database. Logs are keyed by (program, client-made id): a retried
 * log hits the primary key and stores nothing new; undo sets `voided` once.
 */
import { AdapterError } from '@pxm/core';
import {
  ActivityLogEntrySchema,
  HepProgramSchema,
  type ActivityLogEntry,
  type ActivityQuery,
  type HepProgram,
} from '@pxm/core/hep';
import type { ServerContext } from '../context.js';
import { assertOpenLink, tokenHashOf } from './link-token.js';

interface ProgramRow {
  id: string;
  program: string;
  version: number;
  expires_at: number | null;
}

export interface ActivityPage {
  items: ActivityLogEntry[];
  /** Position after the last item: `completedAt` ms and client id. */
  next: { atMs: number; clientId: string } | undefined;
}

export function createHepService(ctx: ServerContext) {
  const { db } = ctx;
  const nowMs = () => ctx.now().getTime();

  async function open(token: string, operation: string): Promise<ProgramRow> {
    const row = await db.get<ProgramRow>('SELECT id, program, version, expires_at FROM hep_programs WHERE token_hash = $1', [tokenHashOf(token, operation)]);
    return assertOpenLink(row, nowMs(), operation);
  }

  const programOf = (row: ProgramRow): HepProgram => HepProgramSchema.parse({ ...JSON.parse(row.program), version: row.version });

  return {
    async loadProgram(token: string): Promise<HepProgram> {
      return programOf(await open(token, 'hep.loadProgram'));
    },

    async logActivity(token: string, entries: ActivityLogEntry[]): Promise<ActivityLogEntry[]> {
      const operation = 'hep.logActivity';
      const row = await open(token, operation);
      const program = programOf(row);
      entries.forEach((entry, index) => {
        if (!program.exercises.some((e) => e.id === entry.exerciseId)) {
          throw new AdapterError('validation', 'Unknown exercise.', { operation, issues: [{ path: `entries.${index}.exerciseId`, message: 'Not in this program.' }] });
        }
      });
      return db.transaction(async (tx) => {
        const now = nowMs();
        const stored: ActivityLogEntry[] = [];
        for (const entry of entries) {
          const { voided: _voided, ...kept } = entry;
          await tx.run(
            `INSERT INTO hep_logs (program_row_id, client_id, exercise_id, program_version, completed_at, entry, voided, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (program_row_id, client_id) DO NOTHING`,
            [row.id, entry.clientId, entry.exerciseId, entry.programVersion, Date.parse(entry.completedAt), JSON.stringify(kept), entry.voided ? 1 : 0, now],
          );
          // Undo applies once; any other repeat changes nothing.
          if (entry.voided) await tx.run('UPDATE hep_logs SET voided = 1 WHERE program_row_id = $1 AND client_id = $2 AND voided = 0', [row.id, entry.clientId]);
          const saved = await tx.get<{ entry: string; voided: number }>('SELECT entry, voided FROM hep_logs WHERE program_row_id = $1 AND client_id = $2', [
            row.id,
            entry.clientId,
          ]);
          stored.push(ActivityLogEntrySchema.parse({ ...JSON.parse(saved!.entry), ...(saved!.voided ? { voided: true } : {}) }));
        }
        return stored;
      });
    },

    async listActivity(token: string, query: ActivityQuery, page: { limit: number; after?: { atMs: number; clientId: string } | undefined }): Promise<ActivityPage> {
      const row = await open(token, 'hep.listActivity');
      const from = query.from ? Date.parse(query.from) : Number.MIN_SAFE_INTEGER;
      const to = query.to ? Date.parse(query.to) : Number.MAX_SAFE_INTEGER;
      const after = page.after ?? { atMs: Number.MIN_SAFE_INTEGER, clientId: '' };
      const rows = await db.all<{ entry: string; voided: number; completed_at: number; client_id: string }>(
        `SELECT entry, voided, completed_at, client_id FROM hep_logs
          WHERE program_row_id = $1 AND completed_at >= $2 AND completed_at < $3
            AND (completed_at > $4 OR (completed_at = $4 AND client_id > $5))
          ORDER BY completed_at, client_id LIMIT $6`,
        [row.id, from, to, after.atMs, after.clientId, page.limit + 1],
      );
      const items = rows.slice(0, page.limit).map((r) => ActivityLogEntrySchema.parse({ ...JSON.parse(r.entry), ...(r.voided ? { voided: true } : {}) }));
      const last = rows[page.limit - 1];
      return { items, next: rows.length > page.limit && last ? { atMs: last.completed_at, clientId: last.client_id } : undefined };
    },
  };
}

export type HepService = ReturnType<typeof createHepService>;
