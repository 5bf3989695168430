/**
 * What the booking's behaviours (the time picker, the later steps) are given by the element:
 * the booking state and ways to change it, adapter calls, and feedback to the patient. Views
 * get a `BookingView` instead; neither sees the element itself.
 */
import { AdapterError, type bookingReplySchemas, type PxmAdapter } from '@pxm/core';
import type { Hold, Slot } from '@pxm/core/booking';
import type { TemplateResult } from 'lit';
import type { Task, TaskConfig } from '@lit/task';
import type { AdapterCalls } from '../controllers/adapter-calls.js';
import type { renderFailure } from '../internal/states.js';
import type { LocalizeController } from '../l10n/localize-controller.js';
import type { BookingMessages } from './booking.messages.en.js';
import type { BenefitsChoice } from './booking-benefit-choice.js';
import type { BookingState, BookingStep, Catalog } from './booking-state.js';
import type { BookingActions } from './booking-view.js';
import type { BookingZones } from './booking-zones.js';

export type BookingCalls = AdapterCalls<'booking', typeof bookingReplySchemas>;

/** A query for openings: one place, visit type and (optionally) provider, between two instants. */
export interface SlotQuery {
  locationId: string;
  appointmentTypeId: string;
  providerId: string;
  from: string;
  to: string;
}

export interface FlowHost {
  readonly state: BookingState;
  readonly messages: LocalizeController<BookingMessages>;
  readonly catalog: Catalog;
  readonly calls: BookingCalls;
  /** The adapter in use: a new one loads the times again. */
  readonly adapter: PxmAdapter | undefined;
  readonly manageToken: string | undefined;
  /** The referral link the page was opened with: sent with the booking. */
  readonly referralToken: string | undefined;
  /** The zones times are read in, and today in the one shown. */
  readonly zones: BookingZones;
  readonly locale: string;
  readonly rtl: boolean;
  readonly actions: BookingActions;
  /** What the coverage check shows, for which discipline. */
  readonly benefits: BenefitsChoice;
  set(patch: Partial<BookingState>): void;
  go(step: BookingStep, patch?: Partial<BookingState>): void;
  findSlots(query: SlotQuery, signal?: AbortSignal): Promise<Slot[]>;
  /** Lets one hold go; the adapter is told without waiting (a failed release simply lapses). */
  releaseHold(hold: Hold): void;
  /** Fires `pxm-error` for a failure no adapter call reported (the calls report their own). */
  report(error: unknown, operation: string): AdapterError | undefined;
  errorMessage(error: AdapterError | undefined): string;
  notify(text: string, tone?: 'error' | 'warning' | 'info', retry?: () => void): void;
  /**
   * The element's loading and failure states, and a task bound to it: the parts use the element's
   * own copies, so the code both share stays in the element's chunk instead of a third one.
   */
  renderLoading(label: string): TemplateResult;
  renderFailure(options: Parameters<typeof renderFailure>[0]): TemplateResult;
  createTask<Args extends ReadonlyArray<unknown>, Result>(config: TaskConfig<Args, Result>): Task<Args, Result>;
  announce(text: string): void;
  focusErrors(count: number): void;
  /** Focuses the element matching `selector` after the next update. */
  focus(selector: string): void;
  releaseHolds(): void;
  backToTimes(slot: Slot | undefined, text?: string): void;
  manageLink(token: string): string;
  manageError(code: string): string;
  setIcs(url: string): void;
  revokeIcs(): void;
  emit(event: Event): boolean;
  loadFlow(): Promise<{ startHolds(holds: Hold[]): void }>;
}

/** The failure an adapter call already reported, or undefined for an aborted call. */
export function reported(error: unknown): AdapterError | undefined {
  return AdapterError.is(error) ? error : undefined;
}

/** The slot query for the current choices. */
export function slotQuery(state: BookingState, from: string, to: string): SlotQuery {
  return { locationId: state.locationId, appointmentTypeId: state.typeId, providerId: state.providerId, from, to };
}
