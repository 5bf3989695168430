/**
 * Where a practice's data lives: a space of its own beside the default practice's, holding the
 * same tables. On PostgreSQL a schema (`<default schema>_p_<id>`, its job queue in `..._jobs`);
 * on SQLite a file beside the default one (`pxm.practice-<id>.sqlite`), or memory for memory.
 * Every query the server runs is then scoped to one practice by the connection it runs on.
 */
import type { Database } from '../db/database.js';
import type { DatabaseConfig } from '../db/open.js';

export function practiceSchemaName(defaultSchema: string | undefined, practiceId: string): string {
  return `${defaultSchema ?? 'public'}_p_${practiceId.replaceAll('-', '_')}`;
}

export function practiceSpace(root: Database, practiceId: string): DatabaseConfig {
  const native = root.native();
  if (native.dialect === 'postgres') {
    const { connectionString, max, idleTimeoutMillis } = (native.pool as { options: { connectionString?: string; max?: number; idleTimeoutMillis?: number } }).options;
    if (!connectionString) throw new Error('Practices on PostgreSQL need the server to connect by connection string.');
    // A practice's pool is sized like the default practice's (PXM_PG_POOL_SIZE, PXM_PG_IDLE_MS).
    return {
      url: connectionString,
      schema: practiceSchemaName(native.schema, practiceId),
      ...(max !== undefined ? { maxConnections: max } : {}),
      ...(idleTimeoutMillis !== undefined ? { idleTimeoutMs: idleTimeoutMillis } : {}),
    };
  }
  const path = (native.client as { name: string }).name;
  if (path === ':memory:' || path === '') return { sqlitePath: ':memory:' };
  const [, stem, extension] = /^(.*?)(\.sqlite3?|\.db)?$/.exec(path)!;
  return { sqlitePath: `${stem}.practice-${practiceId}${extension ?? '.sqlite'}` };
}
