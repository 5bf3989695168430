import type { CallOptions } from '../schemas/common.js';
import type { ActivityLogEntry, ActivityQuery, HepProgram } from '../schemas/hep.js';

/** Home exercise program opened by a token from a link. */
export interface HepApi {
  /** The current version of the program. `token_invalid`, `token_expired`. */
  loadProgram(token: string, options?: CallOptions): Promise<HepProgram>;
  /**
   * Stores log entries (new ones, or voiding earlier ones). Idempotent on `clientId`: sending an
   * entry again returns the stored entry and never makes a second one.
   */
  logActivity(token: string, entries: ActivityLogEntry[], options?: CallOptions): Promise<ActivityLogEntry[]>;
  listActivity(token: string, query?: ActivityQuery, options?: CallOptions): Promise<ActivityLogEntry[]>;
}
