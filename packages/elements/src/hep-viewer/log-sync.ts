/**
 * Gets the patient's logs to the backend, whatever the connection does. Every log and undo goes
 * into the outbox first: the encrypted IndexedDB queue when the browser can keep one (so it
 * survives closing the tab), otherwise memory. It is sent at once, and again with backoff after a
 * failure, immediately when the browser comes back online, and when the page is hidden. Client
 * ids make every retry safe. The queue's code comes in this module's download: the viewer opens
 * the outbox as soon as it has a token, on disk by default, so a separate download bought nothing.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { AdapterError } from '@pxm/core';
import type { ActivityLogEntry } from '@pxm/core/hep';
import { LogOutbox, retryDelayMs, type PendingLog, type PendingStore } from '@pxm/core/hep-outbox';
import { createMemoryQueue } from '../internal/offline-queue/memory-queue.js';
import { openOfflineQueue } from '../internal/offline-queue/offline-queue.js';
import type { HepLocalizeController } from './hep-localize.js';
import { syncEn } from './sync.messages.en.js';
import { syncEs } from './sync.messages.es.js';

const syncStrings = { en: syncEn, es: syncEs };

/** Pending logs are kept for a week at most: time to come back online, without keeping them forever. */
const QUEUE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type SyncProblem = 'offline' | 'link' | undefined;

export interface LogSyncOptions {
  send(token: string, entries: ActivityLogEntry[]): Promise<unknown>;
  /** Called once per failed run of attempts (not for each retry), for `pxm-error`. */
  onFailure(error: AdapterError): void;
  /** Called when the backend refused logs (reported as `validation`; the element makes the error). */
  onRejected(): void;
  /** Called when entries that had been held back (offline, failing) reached the backend. */
  onSent(count: number): void;
}

export class LogSync implements ReactiveController {
  /** What is waiting or rejected, newest state after each change. */
  pending: PendingLog[] = [];
  sending = false;
  /** False when logs live only in memory (no IndexedDB or WebCrypto here). */
  persistent = true;
  problem: SyncProblem;

  private readonly host: ReactiveControllerHost;
  private readonly options: LogSyncOptions;
  private outbox: LogOutbox | undefined;
  private token: string | undefined;
  private key = '';
  /** Entries sent during this visit that the backend had not listed when the page loaded. */
  private delivered: ActivityLogEntry[] = [];
  private readonly discarded = new Set<string>();
  private opening: Promise<void> | undefined;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private reported = false;

  constructor(host: ReactiveControllerHost, options: LogSyncOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    globalThis.addEventListener?.('online', this.onOnline);
    globalThis.document?.addEventListener('visibilitychange', this.onVisibility);
    if (this.token) void this.flush();
  }

  hostDisconnected(): void {
    globalThis.removeEventListener?.('online', this.onOnline);
    globalThis.document?.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  get waitingCount(): number {
    return this.pending.filter((item) => item.state === 'waiting').length;
  }

  get rejectedCount(): number {
    return this.pending.filter((item) => item.state === 'rejected').length;
  }

  /**
   * Switches to the outbox of `token` and sends what an earlier visit left there. With
   * `persist` false, logs are kept in memory only.
   */
  open(token: string, persist = true): Promise<void> {
    const key = `${persist ? 'disk' : 'memory'}|${token}`;
    if (this.key === key && this.opening) return this.opening;
    this.key = key;
    this.token = token;
    this.pending = [];
    this.delivered = [];
    this.problem = undefined;
    this.attempt = 0;
    clearTimeout(this.timer);
    this.opening = this.openStore(token, persist).then(async ({ store, persistent }) => {
      // A later open (another token, or offline-queue switched) wins: an earlier, slower open of
      // the encrypted queue must not replace the outbox it chose.
      if (this.key !== key) return;
      this.persistent = persistent;
      this.outbox = new LogOutbox({ store, send: (entries) => this.options.send(token, entries) });
      await this.refresh();
      if (this.pending.length > 0) await this.flushNow();
    });
    return this.opening;
  }

  /** Entries this controller knows of: sent during this visit, or still in the outbox. */
  get knownEntries(): ActivityLogEntry[] {
    return [...this.delivered, ...this.pending.map((item) => item.entry)];
  }

  /** Whether the log (or the undo, for a voided entry) is still in the outbox, and how. */
  isPending(entry: Pick<ActivityLogEntry, 'clientId' | 'voided'>): PendingLog['state'] | undefined {
    const voided = entry.voided === true;
    return this.pending.find((item) => item.entry.clientId === entry.clientId && (item.entry.voided === true) === voided)?.state;
  }

  /** Stores the entries durably, then tries to send. Resolves once they are stored and one attempt ran. */
  async add(entries: ActivityLogEntry[]): Promise<void> {
    await this.opening;
    if (!this.outbox) return;
    for (const entry of entries) await this.outbox.add(entry);
    await this.refresh();
    await this.flush();
  }

  async flush(): Promise<void> {
    await this.opening;
    await this.flushNow();
  }

  private async flushNow(): Promise<void> {
    const outbox = this.outbox;
    if (!outbox) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.sending = true;
    this.host.requestUpdate();
    const recovering = this.problem !== undefined;
    const rejectedBefore = this.rejectedCount;
    const outcome = await outbox.flush();
    this.sending = false;
    if (outbox !== this.outbox) return;
    await this.refresh();
    if (outcome.sent > 0 && recovering) this.options.onSent(outcome.sent);
    if (outcome.rejected > rejectedBefore) {
      this.options.onRejected();
    }
    if (!outcome.error) {
      this.attempt = 0;
      this.reported = false;
      this.problem = undefined;
      this.host.requestUpdate();
      return;
    }
    const error = outcome.error;
    if (!this.reported) {
      this.reported = true;
      this.options.onFailure(error);
    }
    if (error.retryable) {
      this.problem = 'offline';
      this.timer = setTimeout(() => void this.flush(), retryDelayMs(this.attempt));
      this.attempt += 1;
    } else {
      // Expired or revoked link: nothing to retry until the patient has a new one.
      this.problem = 'link';
    }
    this.host.requestUpdate();
  }

  async retryRejected(): Promise<void> {
    this.outbox?.retryRejected();
    await this.flush();
  }

  async discardRejected(): Promise<void> {
    const outbox = this.outbox;
    if (!outbox) return;
    for (const item of this.pending) {
      if (item.state !== 'rejected') continue;
      this.discarded.add(item.id);
      await outbox.discard(item.id);
    }
    await this.refresh();
  }

  /** What the patient should know about their logs: waiting, offline, not accepted, link gone. */
  renderNotice(l10n: HepLocalizeController): TemplateResult | typeof nothing {
    const t = l10n.part(syncStrings);
    const waiting = this.waitingCount;
    const rejected = this.rejectedCount;
    if (rejected > 0) {
      return html`<div class="notice error">
        <p>${t('syncRejected', rejected)}</p>
        <div class="row">
          <button type="button" class="button" @click=${() => void this.retryRejected()}>${t('retryRejected')}</button>
          <button type="button" class="button" @click=${() => void this.discardRejected()}>${t('discardRejected')}</button>
        </div>
      </div>`;
    }
    if (waiting === 0) return nothing;
    const text =
      this.problem === 'link'
        ? t('syncLinkProblem', waiting)
        : this.problem === 'offline'
          ? t('syncOffline', waiting)
          : this.sending
            ? t('syncSending')
            : t('syncWaiting', waiting);
    return html`<div class="notice ${this.problem === 'link' ? 'error' : 'warning'}">
      <p>${text}</p>
      ${this.persistent ? nothing : html`<p>${t('syncPageOnly')}</p>`}
      ${this.problem === 'link'
        ? nothing
        : // Never disabled while sending: a control that dims and returns every few seconds loses
          // keyboard focus and flickers; a press while a send is under way is ignored.
          html`<button type="button" class="button" @click=${() => void (this.sending ? undefined : this.flush())}>${t('syncNow')}</button>`}
    </div>`;
  }

  private async openStore(token: string, persist: boolean): Promise<{ store: PendingStore<ActivityLogEntry>; persistent: boolean }> {
    if (!persist) return { store: createMemoryQueue<ActivityLogEntry>(), persistent: false };
    try {
      const store = await openOfflineQueue<ActivityLogEntry>(`hep:${token}`, { ttlMs: QUEUE_TTL_MS });
      return { store, persistent: true };
    } catch {
      return { store: createMemoryQueue<ActivityLogEntry>(), persistent: false };
    }
  }

  private async refresh(): Promise<void> {
    if (!this.outbox) return;
    try {
      const before = this.pending;
      this.pending = await this.outbox.pending();
      const still = new Set(this.pending.map((item) => item.id));
      for (const item of before) {
        if (!still.has(item.id) && !this.discarded.has(item.id)) this.delivered.push(item.entry);
      }
    } catch {
      // The store could not be read; keep the last known list.
    }
    this.host.requestUpdate();
  }

  private readonly onOnline = () => {
    this.attempt = 0;
    void this.flush();
  };

  private readonly onVisibility = () => {
    if (globalThis.document?.visibilityState === 'hidden' && this.waitingCount > 0) void this.flush();
  };
}
