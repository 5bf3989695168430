/**
 * The practices this deployment serves, each with a server of its own (its own data space,
 * admin key, configuration and background jobs) opened on first use or at start. The register
 * is the `practices` table in the default practice's space, so every process sees the practices
 * any process created.
 */
import { createHash } from 'node:crypto';
import { AdapterError } from '@pxm/core';
import type { Database } from '../db/database.js';
import type { DatabaseConfig } from '../db/open.js';
import { practiceSpace } from './practice-space.js';
import { DEFAULT_PRACTICE_ID, PracticeIdSchema, PracticeSettingsSchema, type PracticeRecord, type PracticeRequest, type PracticeSettings } from './practice-settings.js';

/** What a practice's server is started with. */
export interface PracticeStart {
  id: string;
  settings: PracticeSettings;
  adminKeySha256Hex: string | null;
  /** Its space: open on PostgreSQL (on the deployment's shared connections), a file to open on SQLite. */
  database: Database | DatabaseConfig;
}

export interface PracticeRegistry<Server> {
  /** The practice's server; undefined when no practice has this id (or it is the default's). */
  serverFor(practiceId: string): Promise<Server | undefined>;
  /** Registers a practice and opens it (migrated, seeded when asked). `conflict` when the id is taken. */
  create(request: PracticeRequest): Promise<PracticeRecord>;
  /** Opens every registered practice: from then on their background jobs run here too. One that fails is reported and left. */
  openAll(onFailure: (practiceId: string, error: unknown) => void): Promise<void>;
  /** The servers opened so far. */
  opened(): Promise<Server[]>;
  close(): Promise<void>;
}

interface PracticeRow {
  id: string;
  name: string;
  admin_key_digest: string | null;
  settings: string;
  created_at: number;
}

function recordOf(row: PracticeRow): PracticeRecord {
  return {
    id: row.id,
    name: row.name,
    settings: PracticeSettingsSchema.parse(JSON.parse(row.settings)),
    basePath: `/practices/${row.id}`,
    createdAt: new Date(Number(row.created_at)).toISOString(),
  };
}

export function createPracticeRegistry<Server extends { close(): Promise<void> }>(
  root: Database,
  now: () => Date,
  start: (practice: PracticeStart) => Promise<Server>,
): PracticeRegistry<Server> {
  const servers = new Map<string, Promise<Server | undefined>>();
  let closed = false;

  const open = async (row: PracticeRow): Promise<Server> =>
    start({ id: row.id, settings: recordOf(row).settings, adminKeySha256Hex: row.admin_key_digest, database: await practiceSpace(root, row.id) });

  async function serverFor(practiceId: string): Promise<Server | undefined> {
    if (closed || practiceId === DEFAULT_PRACTICE_ID || !PracticeIdSchema.safeParse(practiceId).success) return undefined;
    let pending = servers.get(practiceId);
    if (!pending) {
      // Another process may have created it: the register decides, not this process's memory.
      pending = root.get<PracticeRow>('SELECT id, name, admin_key_digest, settings, created_at FROM practices WHERE id = $1', [practiceId]).then((row) => (row ? open(row) : undefined));
      servers.set(practiceId, pending);
    }
    try {
      const server = await pending;
      if (!server) servers.delete(practiceId);
      return server;
    } catch (error) {
      servers.delete(practiceId);
      throw error;
    }
  }

  return {
    serverFor,
    async create(request) {
      const row: PracticeRow = {
        id: request.id,
        name: request.name,
        admin_key_digest: createHash('sha256').update(request.adminApiKey).digest('hex'),
        settings: JSON.stringify(request.settings ?? {}),
        created_at: now().getTime(),
      };
      const inserted = await root.run(
        'INSERT INTO practices (id, name, admin_key_digest, settings, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING',
        [row.id, row.name, row.admin_key_digest, row.settings, row.created_at],
      );
      if (inserted === 0) throw new AdapterError('conflict', 'A practice with this id exists.', { operation: 'operator.createPractice' });
      try {
        await serverFor(row.id);
      } catch (error) {
        await root.run('DELETE FROM practices WHERE id = $1', [row.id]);
        throw error;
      }
      return recordOf(row);
    },
    async openAll(onFailure) {
      const rows = await root.all<{ id: string }>('SELECT id FROM practices WHERE id <> $1 ORDER BY id', [DEFAULT_PRACTICE_ID]);
      for (const row of rows) await serverFor(row.id).catch((error: unknown) => onFailure(row.id, error));
    },
    async opened() {
      const settled = await Promise.allSettled([...servers.values()]);
      return settled.flatMap((result) => (result.status === 'fulfilled' && result.value ? [result.value] : []));
    },
    async close() {
      closed = true;
      const all = await this.opened();
      servers.clear();
      await Promise.all(all.map((server) => server.close()));
    },
  };
}
