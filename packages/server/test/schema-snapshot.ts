/**
 * A copy of a PostgreSQL schema's rows, to put the schema back to it between tests: a fresh
 * backend for each test while the server processes on it keep running (starting processes per
 * test costs seconds each). Rows only: the tables, their constraints and the processes'
 * prepared statements stay as they are.
 */
import pg from 'pg';

export interface SchemaSnapshot {
  /** Puts every table back to the rows it held when the snapshot was taken, in one transaction. */
  restore(): Promise<void>;
  drop(): Promise<void>;
}

async function withClient<T>(connectionString: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Tables in an order that inserts parents before the rows that reference them. */
async function tablesInInsertOrder(client: pg.Client, schema: string): Promise<string[]> {
  const tables = (await client.query<{ name: string }>('SELECT tablename AS name FROM pg_tables WHERE schemaname = $1 ORDER BY tablename', [schema])).rows.map((row) => row.name);
  const references = await client.query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent FROM pg_constraint c
       JOIN pg_class child ON child.oid = c.conrelid JOIN pg_class parent ON parent.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = $1 AND child.relname <> parent.relname`,
    [schema],
  );
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const { parent } of references.rows.filter((row) => row.child === table)) visit(parent, path);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

export async function snapshotSchema(connectionString: string, schema: string): Promise<SchemaSnapshot> {
  const copy = `${schema}_snapshot`;
  const tables = await withClient(connectionString, async (client) => {
    const ordered = await tablesInInsertOrder(client, schema);
    await client.query(`CREATE SCHEMA ${quoted(copy)}`);
    for (const table of ordered) await client.query(`CREATE TABLE ${quoted(copy)}.${quoted(table)} AS TABLE ${quoted(schema)}.${quoted(table)}`);
    return ordered;
  });
  const restoreOnce = () =>
    withClient(connectionString, async (client) => {
      await client.query('BEGIN');
      try {
        await client.query(`TRUNCATE ${tables.map((table) => `${quoted(schema)}.${quoted(table)}`).join(', ')}`);
        for (const table of tables) await client.query(`INSERT INTO ${quoted(schema)}.${quoted(table)} SELECT * FROM ${quoted(copy)}.${quoted(table)}`);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    });
  return {
    async restore() {
      // A job the processes run meanwhile (the purge writes two tables in one transaction) can
      // meet the truncation's locks in the other order; when the restore is the deadlock's victim,
      // it runs again once the job is through.
      for (let attempt = 1; ; attempt++) {
        try {
          return await restoreOnce();
        } catch (error) {
          if ((error as { code?: unknown }).code !== '40P01' || attempt === 5) throw error;
        }
      }
    },
    drop: () => withClient(connectionString, (client) => client.query(`DROP SCHEMA IF EXISTS ${quoted(copy)} CASCADE`).then(() => undefined)),
  };
}
