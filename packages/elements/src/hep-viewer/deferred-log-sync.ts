/**
 * The sync engine arrives after the first paint (its code is not needed for it). Entries made
 * before it is there, or while its code cannot be fetched (offline right after opening), wait
 * here and are handed over once it is; nothing the patient logs is lost in between.
 */
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { nothing } from 'lit';
import type { ActivityLogEntry } from '@pxm/core/hep';
import type { PendingState } from '@pxm/core/hep-outbox';
import type { HepLocalizeController } from './hep-localize.js';
import type { LogSync, LogSyncOptions } from './log-sync.js';

export class DeferredLogSync implements ReactiveController {
  private sync: LogSync | undefined;
  private loading: Promise<LogSync> | undefined;
  /** Entries made before the sync engine was ready (or while its code could not load). */
  private stranded: ActivityLogEntry[] = [];
  /** The last hand-over of waiting entries to the engine: a call whose entries it took waits for it too. */
  private handover: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: LogSyncOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Another program: what was waiting belonged to the previous one. */
  forget(): void {
    this.stranded = [];
  }

  /** Opens the outbox of `token` (on disk when `persist`), then sends anything waiting. */
  open(token: string, persist: boolean, stillCurrent: () => boolean): void {
    void this.load()
      .then((sync) => (stillCurrent() ? sync.open(token, persist) : undefined))
      .then(() => this.send([]))
      .catch(() => undefined);
  }

  /**
   * Hands entries to the sync engine (after any that were waiting for it). Resolves once they
   * have had their attempt, even when an earlier call handed them over together with its own:
   * the calls resolve in the order they were made.
   */
  async send(entries: readonly ActivityLogEntry[]): Promise<void> {
    this.stranded.push(...entries);
    const sync = await this.load().catch(() => undefined);
    if (!sync) return;
    if (this.stranded.length > 0) this.handover = sync.add(this.stranded.splice(0));
    if (entries.length > 0) await this.handover;
  }

  /** Back online: entries that waited for the engine's code go now. */
  retry(): void {
    if (this.stranded.length > 0) void this.send([]);
  }

  /** Entries the backend has not confirmed yet, and those sent during this visit. */
  get knownEntries(): ActivityLogEntry[] {
    return this.sync?.knownEntries ?? [];
  }

  /** Where an entry is: waiting for the engine, in the outbox (its state), or stored (undefined). */
  stateOf(entry: ActivityLogEntry): PendingState | undefined {
    return this.stranded.includes(entry) ? 'waiting' : this.sync?.isPending(entry);
  }

  /** The entry has not reached the backend yet. */
  isQueued(entry: ActivityLogEntry): boolean {
    return this.sync === undefined || this.stateOf(entry) !== undefined;
  }

  renderNotice(l10n: HepLocalizeController): TemplateResult | typeof nothing {
    return this.sync?.renderNotice(l10n) ?? nothing;
  }

  private load(): Promise<LogSync> {
    if (!this.loading) {
      this.loading = import('./hep-extras.js').then(({ LogSync }) => {
        this.sync = new LogSync(this.host, this.options);
        this.host.requestUpdate();
        return this.sync;
      });
      // Could not fetch the code (offline right after opening): try again on the next send.
      this.loading.catch(() => (this.loading = undefined));
    }
    return this.loading;
  }
}
