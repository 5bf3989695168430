/** What the on-demand steps (booking-flow.ts) use of the element: its state, calls and feedback. */
import type { AdapterError, BookingApi, parseResponse, PxmAdapter } from '@pxm/core';
import type { Hold, Slot } from '@pxm/core/booking';
import type { nothing, TemplateResult } from 'lit';
import type { CommonMessages } from '../l10n/common.en.js';
import type { LocalizeController } from '../l10n/localize-controller.js';
import type { BookingMessages } from './booking.messages.en.js';
import type { BookingState, BookingStep, Catalog } from './booking-state.js';
import type { BookingActions, BookingView } from './booking-view.js';

export type Schema<T> = Parameters<typeof parseResponse<T>>[0];

export interface FlowHost {
  readonly s: BookingState;
  readonly l: LocalizeController<BookingMessages>;
  readonly common: LocalizeController<CommonMessages>;
  readonly catalog: Catalog;
  readonly adapter: PxmAdapter | undefined;
  readonly manageToken: string | undefined;
  readonly clinicZone: string;
  readonly patientZone: string;
  readonly zone: string;
  readonly icsUrl: string;
  /** Today in the display zone. */
  readonly today: string;
  readonly locale: string;
  readonly rtl: boolean;
  readonly actions: BookingActions;
  set(patch: Partial<BookingState>): void;
  go(step: BookingStep, patch?: Partial<BookingState>): void;
  call<T>(operation: string, run: (api: BookingApi, signal: AbortSignal) => Promise<unknown>, schema: Schema<T>): Promise<T>;
  findSlots(locationId: string, typeId: string, providerId: string, from: string, to: string, signal?: AbortSignal): Promise<Slot[]>;
  report(error: unknown, operation: string): AdapterError | undefined;
  errorMessage(error: AdapterError | undefined): string;
  notify(text: string, tone?: 'error' | 'warning' | 'info', retry?: () => void): void;
  notice(): TemplateResult | typeof nothing;
  announce(text: string): void;
  focusErrors(count: number): void;
  focus(selector: string): void;
  releaseHolds(): void;
  backToTimes(slot: Slot | undefined, text?: string): void;
  manageLink(token: string): string;
  manageError(code: string): string;
  setIcs(url: string): void;
  revokeIcs(): void;
  emit(event: Event): boolean;
  view(): BookingView;
  loadFlow(): Promise<{ startHolds(holds: Hold[]): void }>;
}
