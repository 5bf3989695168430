import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbortError, toAdapterError, type AdapterError } from '@pxm/core';
import type { Answers, Draft, SaveDraftRequest } from '@pxm/core/forms';

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict';

export interface AutosaveOptions {
  /** Debounce after the last change, in ms (kept at or under two seconds by the host). */
  delayMs: () => number;
  /** What to save right now. */
  snapshot: () => { answers: Answers; pageId?: string | undefined };
  /** Sends one save (with its deadline: the element's adapter calls have one). */
  send: (request: SaveDraftRequest, signal: AbortSignal) => Promise<Draft>;
  /** Reads the draft the backend holds now (to tell a real conflict from a lost reply). */
  latest: (signal: AbortSignal) => Promise<Draft | null>;
  onSaved: (draft: Draft, itemIds: string[]) => void;
  onFailed: (error: AdapterError, itemIds: string[]) => void;
}

/** JSON with sorted keys, so two equal drafts compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) =>
    entry && typeof entry === 'object' && !Array.isArray(entry)
      ? Object.fromEntries(Object.entries(entry as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : entry,
  );
}

/**
 * Saves drafts as the patient goes: debounced after the last change, at once on request (page
 * change, going offline and back, hiding the tab), one save at a time, each built on the version
 * the last one returned. A save the backend refuses as a conflict stops autosave until the
 * patient chooses what to keep; nothing is ever overwritten silently. A save whose reply was lost
 * is recognised by comparing the backend's draft with what was sent, and is not a conflict.
 */
export class AutosaveController implements ReactiveController {
  status: SaveStatus = 'idle';
  /** The draft version the next save builds on. */
  version = 0;
  savedAt: string | undefined;
  error: AdapterError | undefined;
  /** A conflict is being resolved (see `resolve`). */
  resolving = false;

  private enabled = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly changedIds = new Set<string>();
  private inFlight: Promise<void> | undefined;
  private abort: AbortController | undefined;
  /** Answers of a save that failed without a clear answer (timeout, lost reply): it may have landed. */
  private unconfirmed: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: AutosaveOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    globalThis.addEventListener?.('online', this.onOnline);
    globalThis.document?.addEventListener('visibilitychange', this.onVisibility);
    globalThis.addEventListener?.('beforeunload', this.onBeforeUnload);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener?.('online', this.onOnline);
    globalThis.document?.removeEventListener('visibilitychange', this.onVisibility);
    globalThis.removeEventListener?.('beforeunload', this.onBeforeUnload);
    // Leaving the page with unsaved answers: one last save, not waited for.
    if (this.enabled && this.changedIds.size > 0 && this.status !== 'conflict') void this.flush();
    clearTimeout(this.timer);
  }

  /** Starts saving on top of `version` (0 when there is no draft yet). */
  start(version: number, savedAt?: string): void {
    this.enabled = true;
    this.version = version;
    this.savedAt = savedAt;
    this.status = version > 0 ? 'saved' : 'idle';
    this.error = undefined;
    this.changedIds.clear();
    this.host.requestUpdate();
  }

  /** Stops saving (the form was submitted or closed); pending changes are dropped. */
  stop(): void {
    this.enabled = false;
    clearTimeout(this.timer);
    this.changedIds.clear();
    this.abort?.abort();
  }

  get hasUnsavedChanges(): boolean {
    return this.changedIds.size > 0 || this.status === 'saving';
  }

  /** Records a change to an item and schedules a save. */
  changed(itemId: string): void {
    if (!this.enabled) return;
    this.changedIds.add(itemId);
    if (this.status === 'conflict') return;
    if (this.status !== 'saving') this.status = 'pending';
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), Math.min(this.options.delayMs(), 2_000));
    this.host.requestUpdate();
  }

  /** Saves now if anything changed (page change, retry); resolves when saved or failed. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    if (!this.enabled || this.status === 'conflict') return;
    if (this.inFlight) {
      await this.inFlight;
      // The save that was running may have ended in a conflict or an error: then stop here.
      const after = this.status as SaveStatus;
      if (this.changedIds.size > 0 && after !== 'conflict' && after !== 'error') return this.flush();
      return;
    }
    if (this.changedIds.size === 0) return;
    this.inFlight = this.run().finally(() => (this.inFlight = undefined));
    await this.inFlight;
  }

  /**
   * Runs the patient's choice after a conflict (both choices wait for the backend); `resolving`
   * is true meanwhile, so the choices are not offered twice.
   */
  async resolve<T>(choice: () => Promise<T>): Promise<T> {
    this.resolving = true;
    this.host.requestUpdate();
    try {
      return await choice();
    } finally {
      this.resolving = false;
      this.host.requestUpdate();
    }
  }

  /** After a conflict: save these answers on top of whatever the backend holds now. */
  async keepMine(): Promise<void> {
    const controller = new AbortController();
    const latest = await this.options.latest(controller.signal);
    this.version = latest?.version ?? 0;
    this.status = 'pending';
    this.changedIds.add('*');
    await this.flush();
  }

  /** After a conflict resolved by loading the backend's draft. */
  adopt(draft: Draft | null): void {
    this.start(draft?.version ?? 0, draft?.savedAt);
  }

  private async run(): Promise<void> {
    const itemIds = [...this.changedIds].filter((id) => id !== '*');
    this.changedIds.clear();
    const snapshot = this.options.snapshot();
    const request: SaveDraftRequest = { answers: snapshot.answers, baseVersion: this.version, ...(snapshot.pageId ? { pageId: snapshot.pageId } : {}) };
    this.status = 'saving';
    this.host.requestUpdate();
    this.abort = new AbortController();
    const { signal } = this.abort;
    try {
      let draft: Draft;
      try {
        draft = await this.options.send(request, signal);
      } catch (error) {
        if (isAbortError(error) || toAdapterError(error).code !== 'conflict') throw error;
        // An earlier save of ours may have landed with its reply lost: then this is no conflict.
        const latest = await this.options.latest(signal);
        const stored = latest ? canonical(latest.answers) : undefined;
        const sent = canonical(request.answers);
        if (!latest || (stored !== sent && stored !== this.unconfirmed)) throw error;
        draft = stored === sent ? latest : await this.options.send({ ...request, baseVersion: latest.version }, signal);
      }
      this.unconfirmed = undefined;
      if (!this.enabled) return;
      this.version = draft.version;
      this.savedAt = draft.savedAt;
      this.error = undefined;
      this.status = this.changedIds.size > 0 ? 'pending' : 'saved';
      this.options.onSaved(draft, itemIds);
      if (this.changedIds.size > 0) this.timer = setTimeout(() => void this.flush(), Math.min(this.options.delayMs(), 2_000));
    } catch (error) {
      if (!this.enabled || isAbortError(error)) return;
      const failure = toAdapterError(error, 'intake.saveDraft');
      if (failure.code !== 'conflict' && failure.code !== 'validation') this.unconfirmed = canonical(request.answers);
      for (const id of itemIds.length > 0 ? itemIds : ['*']) this.changedIds.add(id);
      this.error = failure;
      this.status = failure.code === 'conflict' ? 'conflict' : 'error';
      this.options.onFailed(failure, itemIds);
    } finally {
      this.host.requestUpdate();
    }
  }

  private readonly onOnline = () => {
    if (this.status === 'error') void this.flush();
  };

  private readonly onVisibility = () => {
    if (globalThis.document?.visibilityState === 'hidden') void this.flush();
  };

  private readonly onBeforeUnload = (event: Event) => {
    if (!this.enabled || !this.hasUnsavedChanges) return;
    void this.flush();
    event.preventDefault();
  };
}
