import type { ReactiveControllerHost } from 'lit';
import type { AdapterError } from '@pxm/core';
import type { AnswerValue, AttachmentRef, AttachmentUpload, FormEngine, FormItem } from '@pxm/core/forms';
import type { LocalizeController, LocaleSource } from '../l10n/localize-controller.js';
import type { Catalog } from '../l10n/translation-registry.js';
import type { CardPhotos } from './card-photos.js';
import type { heading } from './heading.js';
import type { IntakeFormMessages } from './intake-form.messages.en.js';
import type { Signing } from './signing.js';

type GroupItem = Extract<FormItem, { type: 'group' }>;

/**
 * What the field views read and can do, handed to them as an argument of each render: the
 * element's state at that render, and callbacks for the patient's changes.
 */
export interface FieldContext {
  readonly engine: FormEngine;
  readonly l10n: LocalizeController<IntakeFormMessages>;
  /** The patient's today, `YYYY-MM-DD`. */
  readonly today: string;
  readonly timeZone: string;
  /** Level of the headings inside a page (sections, consents, card sides): two below the element's top. */
  readonly itemHeadingLevel: number;
  /** Changes whenever the language or its strings change, so cached fields re-render. */
  readonly epoch: number;
  /** Parts loaded on demand; undefined until they arrive. */
  readonly signing: Signing | undefined;
  readonly cards: CardPhotos | undefined;
  /** Whether card photos can be uploaded (a token and an adapter with intake). */
  readonly canUpload: boolean;
  /** A part loaded on demand failed to download (offline, a replaced deploy); `retryParts` tries again. */
  readonly partsFailed: boolean;
  retryParts(): void;
  errorFor(key: string): string | undefined;
  /** What the patient typed in a number field, exactly as typed. */
  numberText(key: string): string | undefined;
  setAnswer(key: string, value: AnswerValue | undefined): void;
  setNumberText(key: string, text: string): void;
  /** A date field whose text the browser cannot read as a date (yet). */
  setUnreadableDate(key: string, unreadable: boolean): void;
  touch(key: string): void;
  addInstance(groupKey: string, item: GroupItem): void;
  removeInstance(groupKey: string, index: number, item: GroupItem): void;
  formatInstant(instant: string): string;
}

/**
 * What a part loaded on demand (signing, card photos, review) is given when it is built: the
 * element as the host of its own state's re-renders, callbacks, and what the element has loaded
 * already (its localization, its headings): a part importing them would make a bundler split
 * them into chunks of their own, downloaded beside the element's.
 */
export interface PartActions {
  readonly host: ReactiveControllerHost & LocaleSource & { readonly renderRoot: HTMLElement | DocumentFragment };
  /** The part's own strings (its namespace, English and the languages it ships), in the element's language. */
  localize<C extends Catalog>(namespace: string, translations: { en: C } & Record<string, Partial<C>>): LocalizeController<C>;
  heading: typeof heading;
  /** Uploads a file through the adapter (the reply validated); failures are the caller's to report. */
  uploadAttachment(file: Blob, upload: AttachmentUpload): Promise<AttachmentRef>;
  /**
   * Fires `pxm-error` (code, operation, form id; no item ids: which fields exist depends on the
   * answers); returns the normalized error (undefined when aborted).
   */
  reportError(error: unknown, operation: string): AdapterError | undefined;
  /**
   * Fires `pxm-error` with `validation` for a picture the browser could not read (it never reached
   * the backend). The element builds the error: a part importing `AdapterError` would pull the
   * core's entry, schemas included, into a chunk of its own.
   */
  reportUnreadableImage(cause: unknown, operation: string): void;
  /** The patient-facing sentence for a failure. */
  errorText(error: AdapterError | undefined): string;
  announce(message: string): void;
  /** Runs after the next render (moving focus). */
  afterRender(action: () => void): void;
  focusKey(key: string): void;
  focusSelector(selector: string): void;
}

/** DOM ids inside the shadow root, derived from answer keys (which hold no spaces or quotes). */
export const fieldId = (key: string) => `f-${key}`;
export const helpId = (key: string) => `f-${key}-help`;
export const errorId = (key: string) => `f-${key}-error`;
