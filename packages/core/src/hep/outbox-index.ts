/**
 * `@pxm/core/hep-outbox`: the outbox that gets activity logs to the backend whatever the
 * connection does. Its own entry: only the sync engine, loaded after the first paint, uses it,
 * and an entry the viewer's first chunk imports would make bundlers put it in that chunk.
 */
export {
  LogOutbox,
  outboxId,
  retryDelayMs,
  type FlushOutcome,
  type LogOutboxOptions,
  type PendingLog,
  type PendingState,
  type PendingStore,
  type SendLogs,
} from './log-outbox.js';
