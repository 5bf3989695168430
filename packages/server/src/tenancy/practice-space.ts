/**
 * Where a practice's data lives: a space of its own beside the default practice's, holding the
 * same tables. On PostgreSQL a schema (`<default schema>_p_<id>`) reached through the process's
 * one pool (each checkout points its connection at the schema, see src/db/postgres.ts); on
 * SQLite a file beside the default one (`pxm.practice-<id>.sqlite`), or memory for memory.
 * Every query the server runs is then scoped to one practice by the connection it runs on.
 */
import type { Database } from '../db/database.js';
import type { DatabaseConfig } from '../db/open.js';
import { openPostgresOnPool } from '../db/postgres.js';
import type pg from 'pg';

export function practiceSchemaName(defaultSchema: string | undefined, practiceId: string): string {
  return `${defaultSchema ?? 'public'}_p_${practiceId.replaceAll('-', '_')}`;
}

/** On PostgreSQL the practice's open space (sharing `root`'s connections); on SQLite where its file is. */
export async function practiceSpace(root: Database, practiceId: string): Promise<Database | DatabaseConfig> {
  const native = root.native();
  if (native.dialect === 'postgres') {
    return openPostgresOnPool({ pool: native.pool as pg.Pool, schema: practiceSchemaName(native.schema, practiceId) });
  }
  const path = (native.client as { name: string }).name;
  if (path === ':memory:' || path === '') return { sqlitePath: ':memory:' };
  const [, stem, extension] = /^(.*?)(\.sqlite3?|\.db)?$/.exec(path)!;
  return { sqlitePath: `${stem}.practice-${practiceId}${extension ?? '.sqlite'}` };
}
