import type { Database } from './database.js';
import { openPostgres } from './postgres.js';
import { openSqlite } from './sqlite.js';

export interface DatabaseConfig {
  /** `postgres://...` selects PostgreSQL; otherwise SQLite at `sqlitePath`. */
  url?: string | undefined;
  sqlitePath?: string;
  /** PostgreSQL schema to use (created when missing). */
  schema?: string;
  /** PostgreSQL: most connections this process's pool opens (default 10), shared by every practice. */
  maxConnections?: number;
  /** PostgreSQL: an idle connection is closed after this long (default 30 s). */
  idleTimeoutMs?: number;
  /** PostgreSQL `application_name` (default `pxm-server`): the process's connections in `pg_stat_activity`. */
  applicationName?: string;
}

export const DEFAULT_SQLITE_PATH = '.data/pxm.sqlite';

export async function openDatabase(config: DatabaseConfig = {}): Promise<Database> {
  if (config.url && /^postgres(ql)?:\/\//.test(config.url)) {
    return openPostgres({
      connectionString: config.url,
      applicationName: config.applicationName ?? 'pxm-server',
      ...(config.schema ? { schema: config.schema } : {}),
      ...(config.maxConnections !== undefined ? { maxConnections: config.maxConnections } : {}),
      ...(config.idleTimeoutMs !== undefined ? { idleTimeoutMs: config.idleTimeoutMs } : {}),
    });
  }
  if (config.url) throw new Error('DATABASE_URL must start with postgres:// or postgresql://.');
  return openSqlite({ path: config.sqlitePath ?? DEFAULT_SQLITE_PATH });
}
