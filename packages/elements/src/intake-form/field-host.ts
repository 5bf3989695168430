import type { ReactiveControllerHost } from 'lit';
import type { AdapterError, AnswerValue, AttachmentRef, AttachmentUpload, FormEngine, FormItem } from '@pxm/core';
import type { LocalizeController, LocaleSource } from '../l10n/localize-controller.js';
import type { CardPhotos } from './card-photos.js';
import type { IntakeFormMessages } from './intake-form.messages.en.js';
import type { Signing } from './signing.js';

/** What the field renderers need from the form element. */
export interface FieldHost {
  readonly engine: FormEngine;
  readonly l10n: LocalizeController<IntakeFormMessages>;
  /** The patient's today, `YYYY-MM-DD`. */
  readonly today: string;
  readonly timeZone: string;
  /** Changes whenever the language or its strings change, so cached fields re-render. */
  readonly epoch: number;
  /** Parts loaded on demand; undefined until they arrive. */
  readonly signing: Signing | undefined;
  readonly cards: CardPhotos | undefined;
  errorFor(key: string): string | undefined;
  /** What the patient typed in a number field, exactly as typed. */
  numberText(key: string): string | undefined;
  setAnswer(key: string, value: AnswerValue | undefined): void;
  setNumberText(key: string, text: string): void;
  /** A date field whose text the browser cannot read as a date (yet). */
  setUnreadableDate(key: string, unreadable: boolean): void;
  touch(key: string): void;
  addInstance(groupKey: string, item: Extract<FormItem, { type: 'group' }>): void;
  removeInstance(groupKey: string, index: number, item: Extract<FormItem, { type: 'group' }>): void;
}

/** What the on-demand parts (signing, card photos, review) need from the form element. */
export interface FeatureHost extends FieldHost {
  /** The element itself, for localization controllers and re-rendering. */
  readonly element: ReactiveControllerHost & LocaleSource;
  readonly token: string | undefined;
  /** Aborted when the element leaves the page. */
  readonly signal: AbortSignal;
  /** Uploads a file through the adapter (reply validated); failures are the caller's to report. */
  uploadAttachment(file: Blob, upload: AttachmentUpload): Promise<AttachmentRef>;
  canUpload(): boolean;
  emitError(error: unknown, operation: string, itemIds?: string[]): AdapterError | undefined;
  /** The patient-facing sentence for a failure. */
  errorText(error: AdapterError | undefined): string;
  announce(message: string): void;
  /** Runs after the next render (moving focus). */
  afterRender(action: () => void): void;
  focusKey(key: string): void;
  focusSelector(selector: string): void;
  formatInstant(instant: string): string;
}

/** DOM ids inside the shadow root, derived from answer keys (which hold no spaces or quotes). */
export const fieldId = (key: string) => `f-${key}`;
export const helpId = (key: string) => `f-${key}-help`;
export const errorId = (key: string) => `f-${key}-error`;
