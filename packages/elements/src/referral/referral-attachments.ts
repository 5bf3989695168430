/**
 * The referral's files, each uploaded as soon as it is chosen so Send has little left to do. A
 * PDF goes as it is; a photo is first shrunk and re-encoded on the device by the intake's
 * `shrinkImage` (which drops EXIF: location, camera, time), loaded only when a photo is chosen.
 * A failed upload stays in the list with Try again; a removal of the element aborts uploads.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MAX_ATTACHMENT_BYTES } from '@pxm/core';
import { MAX_REFERRAL_ATTACHMENTS, type AttachmentReceipt } from '@pxm/core/referral';

export type AttachmentState = 'preparing' | 'uploading' | 'uploaded' | 'failed';
/** Why a file is not attached: a type referrals do not take, too large, a photo that would not decode, or the upload failed. */
export type AttachmentProblem = 'type' | 'size' | 'unreadable' | 'upload';

export interface AttachmentEntry {
  localId: string;
  /** Shown to the office beside the file; never sent in an event. */
  fileName: string;
  kind: 'pdf' | 'image';
  state: AttachmentState;
  problem?: AttachmentProblem;
  /** The adapter's sentence for a failed upload. */
  failureText?: string;
  /** The bytes to send, once prepared (kept for Try again). */
  prepared?: Blob;
  receipt?: AttachmentReceipt;
}

export interface AttachmentDeps {
  /** Shrinks and re-encodes a photo (the intake's `shrinkImage`, loaded on demand). */
  prepareImage(file: Blob): Promise<Blob>;
  /** Uploads through the element's adapter calls (reply checked, failures reported). */
  upload(file: Blob): Promise<AttachmentReceipt>;
  /** The patient-facing sentence for a failed upload. */
  failureText(error: unknown): string;
}

let attachmentCounter = 0;

export class ReferralAttachments implements ReactiveController {
  entries: readonly AttachmentEntry[] = [];
  /** True when the office chose more files than the referral can carry (the rest were left out). */
  overflow = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly deps: AttachmentDeps,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Ids of the uploaded files, in the order chosen. */
  get uploadedIds(): string[] {
    return this.entries.flatMap((entry) => (entry.state === 'uploaded' && entry.receipt ? [entry.receipt.id] : []));
  }

  /** Files still being prepared or uploaded. */
  get busy(): boolean {
    return this.entries.some((entry) => entry.state === 'preparing' || entry.state === 'uploading');
  }

  /** Files the office must retry or remove before sending. */
  get failed(): boolean {
    return this.entries.some((entry) => entry.state === 'failed');
  }

  add(files: readonly File[]): void {
    const room = MAX_REFERRAL_ATTACHMENTS - this.entries.length;
    this.overflow = files.length > room;
    for (const file of files.slice(0, Math.max(0, room))) void this.attach(file);
    this.host.requestUpdate();
  }

  remove(localId: string): void {
    this.entries = this.entries.filter((entry) => entry.localId !== localId);
    this.overflow = false;
    this.host.requestUpdate();
  }

  retry(localId: string): void {
    const entry = this.entries.find((candidate) => candidate.localId === localId);
    if (entry?.prepared) void this.send(localId, entry.prepared);
  }

  reset(): void {
    this.entries = [];
    this.overflow = false;
    this.host.requestUpdate();
  }

  private update(localId: string, change: Partial<AttachmentEntry>): void {
    // A file removed while it uploaded stays removed.
    if (!this.entries.some((entry) => entry.localId === localId)) return;
    this.entries = this.entries.map((entry) => (entry.localId === localId ? { ...entry, ...change } : entry));
    this.host.requestUpdate();
  }

  private async attach(file: File): Promise<void> {
    const localId = `attachment-${(attachmentCounter += 1)}`;
    const kind = file.type === 'application/pdf' ? 'pdf' : 'image';
    this.entries = [...this.entries, { localId, fileName: file.name, kind, state: 'preparing' }];
    if (file.type !== 'application/pdf' && !file.type.startsWith('image/')) return this.update(localId, { state: 'failed', problem: 'type' });
    let prepared: Blob = file;
    if (kind === 'image') {
      try {
        prepared = await this.deps.prepareImage(file);
      } catch {
        return this.update(localId, { state: 'failed', problem: 'unreadable' });
      }
    }
    if (prepared.size > MAX_ATTACHMENT_BYTES) return this.update(localId, { state: 'failed', problem: 'size' });
    await this.send(localId, prepared);
  }

  private async send(localId: string, prepared: Blob): Promise<void> {
    this.update(localId, { state: 'uploading', prepared, problem: undefined, failureText: undefined });
    try {
      const receipt = await this.deps.upload(prepared);
      this.update(localId, { state: 'uploaded', receipt });
    } catch (error) {
      this.update(localId, { state: 'failed', problem: 'upload', failureText: this.deps.failureText(error) });
    }
  }
}
