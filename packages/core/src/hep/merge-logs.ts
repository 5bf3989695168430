/**
 * The logs as the patient should see them: what the backend has, plus what is still waiting in
 * the outbox (a log not sent yet, or an undo not sent yet), keyed by client id.
 */
import type { ActivityLogEntry } from '../schemas/hep.js';

export function mergeLogs(stored: readonly ActivityLogEntry[], pending: readonly ActivityLogEntry[]): ActivityLogEntry[] {
  const byId = new Map<string, ActivityLogEntry>();
  for (const entry of stored) byId.set(entry.clientId, entry);
  for (const entry of pending) {
    const known = byId.get(entry.clientId);
    if (entry.voided) byId.set(entry.clientId, { ...(known ?? entry), voided: true });
    else if (!known) byId.set(entry.clientId, entry);
  }
  return [...byId.values()].sort((a, b) => Date.parse(a.completedAt) - Date.parse(b.completedAt));
}
