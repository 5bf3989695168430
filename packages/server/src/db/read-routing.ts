/**
 * Reads that may come from a streaming replica (`DATABASE_READ_URL`): slot searches and the
 * practice catalogue. Holds, bookings and every other write or check stay on the primary.
 *
 * Read-your-writes is a per-client fence: after a write the server answers the primary's WAL
 * position (`X-Pxm-Read-Fence: 0/3000148`), the REST adapter sends the latest one it saw with its
 * next requests, and a read with a fence uses the replica only once the replica has replayed up
 * to it (`pg_last_wal_replay_lsn() >= fence`), else the primary. A patient who just held or
 * booked a slot therefore never sees it free again; a client without a fence may see the
 * replica's lag, which a hold (checked on the primary) then corrects. A replica that fails falls
 * back to the primary, query by query.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database, Queryable, SqlValue } from './database.js';

/** A WAL position as PostgreSQL prints it. */
const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

export const READ_FENCE_HEADER = 'X-Pxm-Read-Fence';

interface RequestFence {
  fence: string | undefined;
  /** Decided once per request: the replica has caught up with the fence, or not. */
  source?: Promise<Queryable>;
}

export interface ReadRouting {
  /** Where reads that may lag go. */
  readonly reads: Queryable;
  readonly hasReplica: boolean;
  /** The replica's space itself (a practice's opens on its connections). */
  readonly replica: Database | undefined;
  /** Runs a request's work with the client's fence (ignored unless it is a WAL position). */
  withFence<T>(fence: string | undefined, work: () => Promise<T>): Promise<T>;
  /** The primary's WAL position now: a fence covering every write committed so far. */
  fenceNow(): Promise<string | undefined>;
  /** For `/ready` and `/metrics`: how far behind the replica is, or why it cannot tell. */
  replicaLag(): Promise<{ state: 'ok' | 'unavailable' | 'off'; seconds?: number }>;
  /** Which database served the reads so far (for metrics and the test). */
  readonly served: { replica: number; primary: number };
  close(): Promise<void>;
}

export function createReadRouting(primary: Database, replica: Database | undefined): ReadRouting {
  const scope = new AsyncLocalStorage<RequestFence>();
  const served = { replica: 0, primary: 0 };

  async function caughtUp(fence: string): Promise<boolean> {
    const row = await replica!.get<{ caught_up: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught_up', [fence]);
    return row?.caught_up === true;
  }

  function sourceFor(): Promise<Queryable> {
    if (!replica) return Promise.resolve(primary);
    const request = scope.getStore();
    if (!request?.fence) return Promise.resolve(replica);
    const fence = request.fence;
    request.source ??= caughtUp(fence).then(
      (yes) => (yes ? replica : primary),
      () => primary,
    );
    return request.source;
  }

  async function read<T>(run: (source: Queryable) => Promise<T>): Promise<T> {
    const source = await sourceFor();
    if (source === primary) {
      served.primary++;
      return run(primary);
    }
    try {
      const result = await run(source);
      served.replica++;
      return result;
    } catch {
      // The replica is away or cancelled the query: the primary answers instead.
      served.primary++;
      return run(primary);
    }
  }

  const reads: Queryable = {
    all: <T>(sql: string, params?: readonly SqlValue[]) => read((source) => source.all<T>(sql, params)),
    get: <T>(sql: string, params?: readonly SqlValue[]) => read((source) => source.get<T>(sql, params)),
    run: (sql: string, params?: readonly SqlValue[]) => primary.run(sql, params),
  };

  return {
    reads,
    hasReplica: replica !== undefined,
    replica,
    withFence: (fence, work) => (replica ? scope.run({ fence: fence && LSN.test(fence) ? fence : undefined }, work) : work()),
    async fenceNow() {
      if (!replica) return undefined;
      return (await primary.get<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn'))?.lsn;
    },
    async replicaLag() {
      if (!replica) return { state: 'off' };
      try {
        const row = await replica.get<{ seconds: number | null }>(
          // No replay yet, or nothing to replay since the last one: no lag to speak of.
          "SELECT CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) END::float8 AS seconds",
        );
        return { state: 'ok', seconds: Number(row?.seconds ?? 0) };
      } catch {
        return { state: 'unavailable' };
      }
    },
    served,
    async close() {
      await replica?.close();
    },
  };
}
