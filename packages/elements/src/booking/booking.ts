import { adoptStyles, html, nothing, svg, type CSSResult, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { AdapterError, parseResponse, requireCapability, type BookingApi } from '@pxm/core';
import {
  AppointmentTypeListSchema,
  LocationListSchema,
  ManagedAppointmentSchema,
  PracticeSchema,
  ProviderListSchema,
  SlotListSchema,
  type Slot,
} from '@pxm/core/booking';
import { firstOfMonth, localDateIn } from '@pxm/core/time';
import { PxmElement } from '../base/pxm-element.js';
import { LocalizeController } from '../l10n/localize-controller.js';
import { controlStyles } from '../styles/controls.styles.js';
import { hostStyles } from '../styles/host.styles.js';
import { renderFailure, renderLoading } from '../internal/states.js';
import { bookingStyles } from './booking.styles.js';
import { bookingEn, type BookingMessages } from './booking.messages.en.js';
import { registerShippedTranslation } from '../l10n/translation-registry.js';
import type * as FlowExports from './booking-flow.js';
import type * as PickExports from './booking-pick.js';
import type { TimePicker } from './booking-time-picker.js';

type BookingFlow = FlowExports.BookingFlow;
type FlowModule = typeof FlowExports;
type PickModule = typeof PickExports;
import type { FlowHost, Schema } from './booking-flow-host.js';
import { emptyDraft, type BookingPrefill, type BookingState, type BookingStep, type Catalog, type DetailsDraft } from './booking-state.js';
import type { BookingActions, BookingView } from './booking-view.js';

const BOOKING_STEPS: BookingStep[] = ['choose', 'time', 'details', 'review'];

/** A check mark beside the heading of a confirmation (the heading itself says what happened). */
const successMark = svg`<svg class="success-mark" part="success-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="11" fill="currentColor" /><path class="tick" d="M6.5 12.5l3.5 3.5 7.5-8" fill="none" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round" /></svg>`;


/** The first steps' views: fetched at connect, in parallel with the first adapter calls. */
let pickModule: Promise<PickModule> | undefined;
const loadPickModule = () => (pickModule ??= import('./booking-pick.js'));

/** The later steps, fetched once per page (on demand: they are not needed to show times). */
let flowModule: Promise<FlowModule> | undefined;
const loadFlowModule = () => (flowModule ??= import('./booking-flow.js'));

/** Spanish ships with the element but loads only for pages that use it. */
const languages = new Map<string, Promise<void>>();
function loadLanguage(locale: string): Promise<void> {
  const language = locale.toLowerCase().split('-')[0]!;
  if (language !== 'es') return Promise.resolve();
  let loading = languages.get(language);
  if (!loading) {
    loading = import('./booking.messages.es.js').then((m) => registerShippedTranslation('es', 'booking', m.bookingEs));
    languages.set(language, loading);
  }
  return loading;
}

function initialState(): BookingState {
  return {
    step: 'choose',
    rescheduling: false,
    locationId: '',
    typeId: '',
    providerId: '',
    month: '',
    selectedDate: '',
    focusDate: '',
    zoneChoice: '',
    holds: [],
    holdDeadline: 0,
    holdExpired: false,
    draft: emptyDraft(),
    errors: {},
    notice: undefined,
    busy: '',
    eligibility: undefined,
    eligibilityKey: '',
    keys: [],
    outcome: undefined,
    appointments: [],
    failed: [],
    managed: undefined,
    ackFee: false,
    cancelReason: '',
    cancelNote: '',
    series: { weekdays: [], weeks: 6, time: '09:00', choice: {} },
    waitlist: { weekdays: [], times: [], providerId: '', earliestDate: '' },
  };
}

/**
 * Online scheduling a patient finishes in two minutes: choose the visit, pick a time (held while
 * they type), give their details and insurance, review and confirm, then add it to their
 * calendar. With `manage-token` it reschedules or cancels a booked visit. No iframe, no global
 * CSS, strict-CSP safe; times are computed in the clinic's zone and shown with the zone named.
 *
 * @summary Book, reschedule or cancel a therapy visit; join the waitlist; book a plan-of-care series.
 * @tag pxm-booking
 *
 * @event pxm-booking-before-confirm - Cancelable, just before booking; `waitUntil(promise)` delays it. Detail: action, ids, visit instants, zone.
 * @event pxm-booking-confirmed - A visit was booked (one event per visit of a series). Detail: appointment, location, provider and type ids, start, end, zone.
 * @event pxm-booking-rescheduled - A visit was moved. Detail: the new visit plus `previousAppointmentId` and `previousStart`.
 * @event pxm-booking-cancelled - A visit was cancelled. Detail: the visit and `withinNoticeWindow`.
 * @event pxm-waitlist-joined - The patient joined the waitlist. Detail: entry, location, type and provider ids.
 * @event pxm-error - An adapter call failed. Detail: `code`, `operation`.
 *
 * @csspart base - The inline container.
 * @csspart dialog - The native dialog in `mode="dialog"`.
 * @csspart close-button - The dialog's close button.
 * @csspart header - Step title and progress.
 * @csspart success-mark - The check mark beside a confirmation's heading.
 * @csspart progress - "Step 2 of 4".
 * @csspart notice - A message about the last action (errors, a time just taken).
 * @csspart hold-timer - The held time and its countdown.
 * @csspart choices - A group of options (location, visit type, provider).
 * @csspart calendar - The month grid.
 * @csspart day - A day cell; also `day-open` (has openings) and `day-selected`.
 * @csspart times - The chosen day's times.
 * @csspart time - One time button.
 * @csspart next-available - The "next available" shortcut.
 * @csspart zone-switch - Clinic zone / my zone choice.
 * @csspart field - A labelled form field.
 * @csspart eligibility - The coverage check result.
 * @csspart summary - A visit or patient summary.
 * @csspart policy - The cancellation policy.
 * @csspart next-button - The button that moves to the next step.
 * @csspart confirm-button - Books (or moves) the visit.
 * @csspart cancel-button - Cancels the visit.
 * @csspart ics-link - The .ics download.
 * @csspart manage-link - The manage link on the confirmation.
 * @csspart waitlist-button - Opens the waitlist form.
 * @csspart series-button - Opens the series planner.
 * @csspart loading - Loading state.
 * @csspart error - Failure state.
 * @csspart retry - Retry button of the failure state.
 *
 * @cssproperty --pxm-booking-day-size - Size of a calendar day cell. Default 2.75rem.
 * @cssproperty --pxm-booking-open-day-color - Background of days with openings.
 * @cssproperty --pxm-booking-selected-color - Background of the selected day and focus accents.
 * @cssproperty --pxm-booking-time-min-width - Minimum width of a time button. Default 9rem.
 * @cssproperty --pxm-booking-dialog-width - Width of the dialog. Default 44rem.
 */
export class PxmBooking extends PxmElement {
  static override properties: PropertyDeclarations = {
    ...PxmElement.properties,
    location: { type: String, reflect: true },
    appointmentType: { type: String, attribute: 'appointment-type', reflect: true },
    provider: { type: String, reflect: true },
    manageToken: { type: String, attribute: 'manage-token' },
    manageUrl: { type: String, attribute: 'manage-url' },
    mode: { type: String, reflect: true },
    open: { type: Boolean, reflect: true },
    timeout: { type: Number },
    prefill: { attribute: false },
    s: { state: true },
  };

  static override styles = [hostStyles, controlStyles, bookingStyles];

  /** Location id to book at; skips the location choice. */
  declare location: string | undefined;
  /** Appointment type id; skips the visit-type choice (and the new/returning question when the type fits only one). */
  declare appointmentType: string | undefined;
  /** Provider id; absent means "first available" (the patient may still choose). */
  declare provider: string | undefined;
  /** Opens manage mode for a booked visit: view, reschedule, cancel. */
  declare manageToken: string | undefined;
  /** Manage link template for the confirmation, with `{token}`; default: this page with `#pxm-manage=<token>`. */
  declare manageUrl: string | undefined;
  /** `inline` (default) or `dialog` (a native modal dialog, opened by `show()` or any `[data-pxm-booking-open]`). */
  declare mode: 'inline' | 'dialog';
  /** Whether the dialog is open (`mode="dialog"`). */
  declare open: boolean;
  /** Milliseconds an adapter call may take before the patient is told it timed out. Default 20000. */
  declare timeout: number;
  /** Demographic fields to prefill (property only, never an attribute). */
  declare prefill: BookingPrefill | undefined;
  /** @internal */
  declare s: BookingState;

  private readonly l = new LocalizeController(this, 'booking', { en: bookingEn as BookingMessages });
  private focusTarget = '';
  private announcement = '';
  /** The error count last announced, cleared with the errors it counted. */
  private errorAnnouncement: string | undefined;
  private icsUrl = '';
  private opener: HTMLElement | null = null;
  private flow: BookingFlow | undefined;
  private pick: PickModule | undefined;
  private picker: TimePicker | undefined;
  private readonly extraStyles: CSSResult[] = [];

  constructor() {
    super();
    this.mode = 'inline';
    this.open = false;
    this.timeout = 20_000;
    this.s = initialState();
  }

  // ------------------------------------------------------------------ data

  private readonly catalogTask = new Task(this, {
    task: async ([adapter], { signal }) => {
      if (!adapter) return undefined;
      const get = <T,>(op: string, run: (api: BookingApi, s: AbortSignal) => Promise<unknown>, schema: Schema<T>) =>
        this.call(op, run, schema, signal);
      try {
        const [practice, locations, types, providers] = await Promise.all([
          // The patient's language arrives with the catalogue, so the first paint is already in it.
          Promise.all([loadLanguage(this.resolvedLocale), this.loadPick()]).then(() => get('booking.getPractice', (api, s) => api.getPractice({ signal: s }), PracticeSchema)),
          get('booking.listLocations', (api, s) => api.listLocations({ signal: s }), LocationListSchema),
          get('booking.listAppointmentTypes', (api, s) => api.listAppointmentTypes({}, { signal: s }), AppointmentTypeListSchema),
          get('booking.listProviders', (api, s) => api.listProviders({}, { signal: s }), ProviderListSchema),
        ]);
        const catalog: Catalog = { practice, locations, types, providers };
        this.start(catalog);
        return catalog;
      } catch (error) {
        throw this.reportError(error, AdapterError.is(error) ? (error.operation ?? 'booking.catalog') : 'booking.catalog') ?? error;
      }
    },
    args: () => [this.resolvedAdapter] as const,
  });

  private readonly manageTask = new Task(this, {
    task: async ([adapter, token], { signal }) => {
      if (!adapter || !token) return undefined;
      try {
        const [managed] = await Promise.all([
          this.call('booking.getAppointment', (api, s) => api.getAppointment(token, { signal: s }), ManagedAppointmentSchema, signal),
          this.loadFlow(),
        ]);
        const a = managed.appointment;
        this.s = { ...initialState(), step: 'manage', managed, locationId: a.locationId, typeId: a.appointmentTypeId, providerId: a.providerId, draft: this.s.draft };
        return managed;
      } catch (error) {
        throw this.reportError(error, 'booking.getAppointment') ?? error;
      }
    },
    args: () => [this.resolvedAdapter, this.manageToken] as const,
  });

  /**
   * Every adapter call: a deadline (`timeout`), the caller's abort signal, and the reply checked
   * against the contract's schema so a faulty backend shows an error instead of breaking the page.
   */
  private async call<T>(operation: string, run: (api: BookingApi, signal: AbortSignal) => Promise<unknown>, schema: Schema<T>, outer?: AbortSignal): Promise<T> {
    const controller = new AbortController();
    const onAbort = () => controller.abort(outer?.reason);
    outer?.addEventListener('abort', onAbort);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const api = requireCapability(this.resolvedAdapter, 'booking');
      const reply = await Promise.race([
        run(api, controller.signal),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            reject(new AdapterError('timeout', `No answer within ${this.timeout} ms.`, { operation }));
            controller.abort();
          }, this.timeout);
        }),
      ]);
      return parseResponse(schema, reply, operation);
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    }
  }

  private findSlots(locationId: string, typeId: string, providerId: string, from: string, to: string, signal?: AbortSignal): Promise<Slot[]> {
    const query = { locationId, appointmentTypeId: typeId, ...(providerId ? { providerId } : {}), from, to };
    return this.call('booking.findSlots', (api, s) => api.findSlots(query, { signal: s }), SlotListSchema, signal);
  }

  // ------------------------------------------------------------------ derived

  private get catalog(): Catalog | undefined {
    return this.catalogTask.value;
  }

  private get patientZone(): string {
    return this.resolvedTimeZone;
  }

  private get clinicZone(): string {
    return this.catalog?.locations.find((l) => l.id === this.s.locationId)?.timeZone ?? this.patientZone;
  }

  /** In-clinic visits read in the clinic's zone, video visits in the patient's, unless switched. */
  private get zone(): string {
    const choice = this.s.zoneChoice;
    if (choice) return choice === 'clinic' ? this.clinicZone : this.patientZone;
    const type = this.catalog?.types.find((t) => t.id === this.s.typeId);
    return type?.modality === 'telehealth' ? this.patientZone : this.clinicZone;
  }

  private get today(): string {
    return localDateIn(Date.now(), this.zone);
  }

  private fixedChoices() {
    const c = this.catalog;
    return {
      location: Boolean(this.location && c?.locations.some((l) => l.id === this.location)),
      type: Boolean(this.appointmentType && c?.types.some((t) => t.id === this.appointmentType)),
      provider: Boolean(this.provider && c?.providers.some((p) => p.id === this.provider)),
    };
  }

  private view(catalog: Catalog): BookingView {
    const s = this.s;
    return {
      l: this.l,
      common: this.common,
      s,
      catalog,
      location: catalog.locations.find((l) => l.id === s.locationId),
      type: catalog.types.find((t) => t.id === s.typeId),
      provider: catalog.providers.find((p) => p.id === s.providerId),
      zone: this.zone,
      clinicZone: this.clinicZone,
      patientZone: this.patientZone,
      today: this.today,
      fixed: this.fixedChoices(),
      canCheckEligibility: typeof this.resolvedAdapter?.booking?.verifyEligibility === 'function',
      manageLink: (token) => this.manageLink(token),
      providerName: (id) => {
        const p = catalog.providers.find((x) => x.id === id);
        return p ? `${p.name}${p.credentials ? `, ${p.credentials}` : ''}` : '';
      },
      a: this.actions,
    };
  }

  private manageLink(token: string): string {
    const encoded = encodeURIComponent(token);
    if (this.manageUrl?.includes('{token}')) return this.manageUrl.replace('{token}', encoded);
    const here = globalThis.location;
    return `${here.origin}${here.pathname}${here.search}#pxm-manage=${encoded}`;
  }

  // ------------------------------------------------------------------ lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    this.readManageHash();
    globalThis.addEventListener('hashchange', this.readManageHash);
    document.addEventListener('click', this.onTrigger);
    document.addEventListener('pxm-booking-rescheduled', this.onVisitChanged);
    document.addEventListener('pxm-booking-cancelled', this.onVisitChanged);
    this.addEventListener('input', this.onActivity);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener('hashchange', this.readManageHash);
    document.removeEventListener('click', this.onTrigger);
    document.removeEventListener('pxm-booking-rescheduled', this.onVisitChanged);
    document.removeEventListener('pxm-booking-cancelled', this.onVisitChanged);
    // A framework moving the element reconnects it at once: only a real removal lets the holds go.
    setTimeout(() => {
      if (this.isConnected) return;
      this.releaseHolds();
      this.revokeIcs();
    });
  }

  /**
   * A manage link opened on this page (`#pxm-manage=<token>`) switches one element to manage
   * mode: the first inline `<pxm-booking>` of the page. A dialog never does, so a site-wide
   * "Book now" still books on a page opened from a manage link.
   */
  private readonly readManageHash = () => {
    const match = /[#&]pxm-manage=([^&]+)/.exec(globalThis.location?.hash ?? '');
    if (match?.[1] && !this.hasAttribute('manage-token') && this.ownsManageLink()) this.manageToken = decodeURIComponent(match[1]);
  };

  private ownsManageLink(): boolean {
    if (this.mode === 'dialog') return false;
    const first = document.querySelector<PxmBooking>('pxm-booking:not([mode="dialog"])');
    return !first || first === this;
  }

  /** Another element moved or cancelled the visit this one shows: show it as it is now. */
  private readonly onVisitChanged = (event: Event) => {
    const shown = this.s.managed?.appointment.id;
    if (event.target === this || !shown || !this.manageToken) return;
    const detail = (event as CustomEvent<{ appointmentId: string; previousAppointmentId?: string }>).detail;
    if (detail.appointmentId !== shown && detail.previousAppointmentId !== shown) return;
    this.releaseHolds();
    this.s = { ...this.s, managed: undefined };
    void this.manageTask.run();
  };

  private openManage(token: string, event: MouseEvent): void {
    // A link to another page (`manage-url`) or opened in a new tab is left to the browser.
    if (this.manageUrl?.includes('{token}') || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const href = this.manageLink(token);
    if (this.mode !== 'dialog' && globalThis.location.href !== href) history.replaceState(null, '', href);
    this.releaseHolds();
    this.revokeIcs();
    const same = this.manageToken === token;
    this.manageToken = token;
    this.s = { ...this.s, managed: undefined };
    this.focusTarget = '#step-title';
    if (same) void this.manageTask.run();
  }

  private readonly onActivity = () => {
    this.flow?.touch();
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A language chosen after the first paint (a page's language switch) still arrives.
    void loadLanguage(this.resolvedLocale);
    if (changed.has('prefill') && this.prefill) {
      const draft = { ...this.s.draft };
      for (const [key, value] of Object.entries(this.prefill) as Array<[keyof BookingPrefill, string]>) {
        if (typeof value === 'string' && !draft[key]) (draft as Record<string, unknown>)[key] = value;
      }
      this.s = { ...this.s, draft };
    }
    const config = this.hasUpdated && (['location', 'appointmentType', 'provider'] as const).some((key) => changed.has(key));
    if (config && this.catalog && !this.manageToken) this.start(this.catalog);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.mode === 'dialog') this.syncDialog();
    if (this.focusTarget) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusTarget);
      if (target) {
        this.focusTarget = '';
        target.focus();
      }
    }
  }

  /** Sets up the flow once the catalogue is known: attribute choices applied, first step chosen. */
  private start(catalog: Catalog): void {
    if (this.manageToken) return; // manage mode sets itself up from the appointment
    const fixed = {
      location: catalog.locations.find((l) => l.id === this.location)?.id,
      type: catalog.types.find((t) => t.id === this.appointmentType),
      provider: catalog.providers.find((p) => p.id === this.provider)?.id,
    };
    const locationId = fixed.location ?? (catalog.locations.length === 1 ? catalog.locations[0]!.id : '');
    const draft = { ...this.s.draft };
    if (fixed.type && fixed.type.patientEligibility !== 'any') draft.kind = fixed.type.patientEligibility;
    this.releaseHolds();
    this.s = {
      ...initialState(),
      draft,
      locationId,
      typeId: fixed.type?.id ?? '',
      providerId: fixed.provider ?? '',
      step: locationId && fixed.type ? 'time' : 'choose',
    };
    this.picker?.reset();
    this.prepareMonth();
  }

  // ------------------------------------------------------------------ state helpers

  private set(patch: Partial<BookingState>): void {
    this.s = { ...this.s, ...patch };
    // "3 fields need your attention" must not outlive the errors it counted (resolved, or another step).
    if (this.errorAnnouncement !== undefined && Object.keys(this.s.errors).length === 0) {
      if (this.announcement === this.errorAnnouncement) this.announcement = '';
      this.errorAnnouncement = undefined;
    }
  }

  private go(step: BookingStep, patch: Partial<BookingState> = {}): void {
    this.set({ notice: undefined, errors: {}, ...patch, step });
    if (step === 'time') this.prepareMonth();
    this.focusTarget = '#step-title';
  }

  private prepareMonth(): void {
    if (this.s.month) return;
    const today = this.today;
    this.s = { ...this.s, month: firstOfMonth(today), focusDate: today };
  }

  private announce(text: string): void {
    this.announcement = '';
    this.requestUpdate();
    requestAnimationFrame(() => {
      this.announcement = text;
      this.requestUpdate();
    });
  }

  private notify(text: string, tone: 'error' | 'warning' | 'info' = 'error', retry?: () => void): void {
    this.set({ notice: { tone, text, ...(retry ? { retry } : {}) }, busy: '' });
    this.focusTarget = '[part~="notice"]';
  }

  private focusFirstError(count: number): void {
    this.focusTarget = '[aria-invalid="true"]';
    this.errorAnnouncement = this.l.t('fixErrors', count);
    this.announce(this.errorAnnouncement);
  }

  private releaseHolds(): void {
    const holds = this.s?.holds ?? [];
    this.flow?.stopTimer();
    if (!holds.length) return;
    this.s = { ...this.s, holds: [], holdExpired: false };
    const api = this.resolvedAdapter?.booking;
    for (const hold of holds) void api?.releaseHold(hold.id).catch(() => undefined);
  }

  /** The time went to someone else: back to that day's times, with everything typed kept. */
  private backToTimes(slot: Slot | undefined, text = this.l.t('slotTaken')): void {
    const series = this.s.holds.length > 1;
    this.releaseHolds();
    const date = slot ? localDateIn(slot.start, this.zone) : this.s.selectedDate;
    this.picker?.refresh();
    this.go(series ? 'series' : 'time', { busy: '', selectedDate: date, focusDate: date, month: firstOfMonth(date || this.today) });
    this.notify(text);
  }

  // ------------------------------------------------------------------ details and confirm

  private revokeIcs(): void {
    if (this.icsUrl) URL.revokeObjectURL(this.icsUrl);
    this.icsUrl = '';
  }

  // ------------------------------------------------------------------ manage, waitlist, series

  private manageError(code: string): string {
    if (code === 'token_expired') return this.l.t('manageExpired');
    if (code === 'conflict') return this.l.t('manageConflict');
    return this.common.t('error_token_invalid');
  }

  private keepCurrent(): void {
    this.releaseHolds();
    this.go('manage', { rescheduling: false, ackFee: false });
  }

  private startReschedule(): void {
    const a = this.s.managed!.appointment;
    this.picker?.reset();
    this.go('time', { rescheduling: true, locationId: a.locationId, typeId: a.appointmentTypeId, providerId: a.providerId, ackFee: false, month: '', selectedDate: '' });
  }

  private bookAnother(): void {
    this.releaseHolds();
    this.revokeIcs();
    if (this.manageToken) {
      this.manageToken = undefined;
      if (globalThis.location?.hash.includes('pxm-manage=')) history.replaceState(null, '', globalThis.location.pathname + globalThis.location.search);
    }
    const draft = this.s.draft;
    if (this.catalog) this.start(this.catalog);
    this.s = { ...this.s, draft };
    this.focusTarget = '#step-title';
  }

  private readonly actions: BookingActions = {
    set: (patch) => this.set(patch),
    draft: (patch: Partial<DetailsDraft>) => {
      const draft = { ...this.s.draft, ...patch };
      const errors = { ...this.s.errors };
      for (const key of Object.keys(patch)) delete errors[key as keyof typeof errors];
      // A visit type that does not fit the patient's new answer is no longer offered.
      const type = this.catalog?.types.find((t) => t.id === this.s.typeId);
      const misfit = 'kind' in patch && this.s.step === 'choose' && type && type.patientEligibility !== 'any' && type.patientEligibility !== patch.kind;
      this.set({ draft, errors, ...(misfit ? { typeId: '' } : {}) });
    },
    go: (step) => {
      if (step === 'series' && !this.s.series.weekdays.length && this.s.selectedDate) {
        const weekday = ((new Date(`${this.s.selectedDate}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
        this.set({ series: { ...this.s.series, weekdays: weekday === 7 ? [] : [weekday] } });
      }
      if (step === 'time' || step === 'choose') this.releaseHolds();
      this.go(step);
    },
    toTimes: () => {
      const s = this.s;
      const missing = !s.locationId ? 'locationId' : !s.typeId ? 'typeId' : '';
      const kindMissing = !s.rescheduling && !this.fixedChoices().type && !s.draft.kind;
      if (kindMissing || missing) {
        this.set({ errors: kindMissing ? { kind: 'errRequired' } : { choice: missing } });
        return this.focusFirstError(1);
      }
      const type = this.catalog?.types.find((t) => t.id === s.typeId);
      const draft = type && type.patientEligibility !== 'any' ? { ...s.draft, kind: type.patientEligibility } : s.draft;
      this.picker?.reset();
      this.go('time', { draft, month: '', selectedDate: '' });
    },
    pickSlot: (slot) => this.picker?.pickSlot(slot),
    nextAvailable: () => this.picker?.nextAvailable(),
    toReview: () => this.flow?.actions.toReview?.(),
    checkEligibility: () => this.flow?.actions.checkEligibility?.(),
    confirm: () => this.flow?.actions.confirm?.(),
    renewHold: () => this.flow?.renewHolds(),
    changeTime: () => {
      const series = this.s.holds.length > 1;
      this.releaseHolds();
      this.go(series ? 'series' : 'time');
    },
    startReschedule: () => this.startReschedule(),
    keepCurrent: () => this.keepCurrent(),
    openManage: (token, event) => this.openManage(token, event),
    copyLink: (token) => this.flow?.actions.copyLink?.(token),
    cancelAppointment: () => this.flow?.actions.cancelAppointment?.(),
    joinWaitlist: () => this.flow?.actions.joinWaitlist?.(),
    planSeries: () => this.flow?.actions.planSeries?.(),
    holdSeries: () => this.flow?.actions.holdSeries?.(),
    bookAnother: () => this.bookAnother(),
    close: () => this.close(),
  };

  // ------------------------------------------------------------------ the later steps

  private loadPick(): Promise<void> {
    return loadPickModule().then((module) => {
      if (!this.pick) this.adopt(module.styles);
      this.pick = module;
      this.picker ??= new module.TimePicker(this.flowHost(), this);
      this.requestUpdate();
    });
  }

  /** Adds a view's style sheet to this element's shadow root (constructable sheets: CSP-safe). */
  private adopt(styles: CSSResult): void {
    this.extraStyles.push(styles);
    if (this.renderRoot instanceof ShadowRoot) adoptStyles(this.renderRoot, [...PxmBooking.elementStyles, ...this.extraStyles]);
  }

  private awaitPick(): TemplateResult {
    void this.loadPick();
    return renderLoading(this.common.t('loading'));
  }

  private loadFlow(): Promise<BookingFlow> {
    return loadFlowModule().then((module) => {
      if (!this.flow) this.adopt(module.styles);
      this.flow ??= new module.BookingFlow(this.flowHost(), this);
      this.requestUpdate();
      return this.flow;
    });
  }

  private flowHost(): FlowHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const el = this;
    return {
      get s() {
        return el.s;
      },
      get catalog() {
        return el.catalog!;
      },
      get adapter() {
        return el.resolvedAdapter;
      },
      get manageToken() {
        return el.manageToken;
      },
      get clinicZone() {
        return el.clinicZone;
      },
      get patientZone() {
        return el.patientZone;
      },
      get zone() {
        return el.zone;
      },
      get icsUrl() {
        return el.icsUrl;
      },
      get today() {
        return el.today;
      },
      get locale() {
        return el.resolvedLocale;
      },
      get rtl() {
        return el.isRtl;
      },
      l: el.l,
      common: el.common,
      actions: el.actions,
      set: (patch) => el.set(patch),
      go: (step, patch) => el.go(step, patch),
      call: (op, run, schema) => el.call(op, run, schema),
      findSlots: (loc, type, provider, from, to, signal) => el.findSlots(loc, type, provider, from, to, signal),
      report: (error, op) => el.reportError(error, op),
      errorMessage: (error) => el.errorMessage(error),
      notify: (text, tone, retry) => el.notify(text, tone, retry),
      notice: () => el.renderNotice(),
      announce: (text) => el.announce(text),
      focusErrors: (count) => el.focusFirstError(count),
      focus: (selector) => {
        el.focusTarget = selector;
      },
      releaseHolds: () => el.releaseHolds(),
      backToTimes: (slot, text) => el.backToTimes(slot, text),
      manageLink: (token) => el.manageLink(token),
      manageError: (code) => el.manageError(code),
      setIcs: (url) => {
        el.icsUrl = url;
      },
      revokeIcs: () => el.revokeIcs(),
      emit: (event) => el.dispatchEvent(event),
      view: () => el.view(el.catalog!),
      loadFlow: () => el.loadFlow(),
    };
  }

  // ------------------------------------------------------------------ dialog mode

  /** Opens the dialog (`mode="dialog"`); focus returns to `opener` (default: the focused element) on close. */
  show(opener?: HTMLElement): void {
    let active = document.activeElement as HTMLElement | null;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
    this.opener = opener ?? active;
    this.open = true;
  }

  /** Closes the dialog. */
  close(): void {
    this.open = false;
  }

  private syncDialog(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog) return;
    if (this.open && !dialog.open) {
      dialog.showModal();
      const title = this.renderRoot.querySelector<HTMLElement>('#step-title');
      if (title) title.focus();
      else this.focusTarget = '#step-title'; // applied once the content has loaded
    } else if (!this.open && dialog.open) dialog.close();
  }

  private readonly onDialogClose = () => {
    this.open = false;
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
  };

  /** Any element with `data-pxm-booking-open` (empty, or this element's id) opens this dialog. */
  private readonly onTrigger = (event: MouseEvent) => {
    if (this.mode !== 'dialog') return;
    const trigger = event.composedPath().find((node): node is HTMLElement => node instanceof HTMLElement && node.hasAttribute('data-pxm-booking-open'));
    if (!trigger) return;
    const target = trigger.getAttribute('data-pxm-booking-open');
    if (target ? target !== this.id : document.querySelector('pxm-booking[mode="dialog"]') !== this) return;
    event.preventDefault();
    // "Book now" books, even where this dialog last showed a visit from its own manage link.
    if (this.manageToken && !this.hasAttribute('manage-token')) {
      this.manageToken = undefined;
      if (this.catalog) this.start(this.catalog);
    }
    const { location, appointmentType, provider } = trigger.dataset;
    if (location) this.location = location;
    if (appointmentType) this.appointmentType = appointmentType;
    if (provider) this.provider = provider;
    this.show(trigger);
  };

  /** Keeps Tab inside the open dialog, wrapping at both ends. */
  private readonly trapFocus = (event: KeyboardEvent) => {
    if (event.key !== 'Tab') return;
    const dialog = this.renderRoot.querySelector('dialog')!;
    const focusable = [...dialog.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, [tabindex="0"]')].filter(
      (el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0,
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    if (event.shiftKey && (active === first || !dialog.contains(active))) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  // ------------------------------------------------------------------ render

  private stepTitle(): string {
    const s = this.s;
    if (s.step === 'done') return this.l.t(`title_${s.outcome ?? 'booked'}`);
    if (s.step === 'review' && s.rescheduling) return this.l.t('title_moveReview');
    if ((s.step === 'time' || s.step === 'choose') && s.rescheduling) return this.l.t('title_moveTime');
    return this.l.t(`title_${s.step}`);
  }

  private renderNotice(): TemplateResult | typeof nothing {
    const notice = this.s.notice;
    if (!notice) return nothing;
    return html`<div class=${`notice ${notice.tone}`} part="notice" tabindex="-1" role=${notice.tone === 'error' ? 'alert' : 'status'}>
      <p>${notice.text}</p>
      ${notice.retry ? html`<button type="button" class="button" part="retry" @click=${notice.retry}>${this.common.t('retry')}</button>` : nothing}
    </div>`;
  }

  private renderStep(v: BookingView): TemplateResult {
    const s = this.s;
    if (this.flow && s.step !== 'choose' && s.step !== 'time') return this.flow.render(v);
    switch (s.step) {
      case 'choose':
        if (!this.pick) return this.awaitPick();
        return html`${this.renderNotice()}${this.pick.renderChoose(v)}`;
      case 'time':
        if (!this.picker) return this.awaitPick();
        return html`${this.renderNotice()}${this.picker!.render(v)}`;
      default:
        if (this.flow) return this.flow.render(v);
        void this.loadFlow();
        return renderLoading(this.common.t('loading'));
    }
  }

  private renderBody(): TemplateResult {
    if (!this.resolvedAdapter?.booking) {
      return html`<p class="notice warning" role="status">${this.common.t('noAdapter')}</p>`;
    }
    const catalog = this.catalog;
    if (!catalog) {
      return this.catalogTask.status === TaskStatus.ERROR
        ? renderFailure({ message: this.errorMessage(AdapterError.is(this.catalogTask.error) ? this.catalogTask.error : undefined), retryLabel: this.common.t('retry'), onRetry: () => void this.catalogTask.run() })
        : renderLoading(this.l.t('loadingPractice'));
    }
    if (this.manageToken && !this.s.managed) {
      if (this.manageTask.status === TaskStatus.ERROR) {
        const error = AdapterError.is(this.manageTask.error) ? this.manageTask.error : undefined;
        const code = error?.code ?? 'server';
        const own = code.startsWith('token_');
        return html`<h2 id="step-title" tabindex="-1">${this.l.t('title_manage')}</h2>
          ${renderFailure({ message: own ? this.manageError(code) : this.errorMessage(error), retryLabel: this.common.t('retry'), ...(own ? {} : { onRetry: () => void this.manageTask.run() }) })}
          ${own ? html`<div class="actions start"><button type="button" class="button" @click=${this.actions.bookAnother}>${this.l.t('bookNew')}</button></div>` : nothing}`;
      }
      return renderLoading(this.l.t('loadingVisit'));
    }
    const v = this.view(catalog);
    const index = BOOKING_STEPS.indexOf(this.s.step);
    const steps = this.fixedChoices().location && this.fixedChoices().type ? BOOKING_STEPS.slice(1) : BOOKING_STEPS;
    const position = steps.indexOf(this.s.step);
    return html`<header class="header" part="header">
        <h2 id="step-title" tabindex="-1">${this.s.step === 'done' && this.s.outcome !== 'cancelled' ? successMark : nothing}${this.stepTitle()}</h2>
        ${index >= 0 && position >= 0 && !this.s.rescheduling
          ? html`<p class="progress" part="progress">${this.l.t('stepOf', position + 1, steps.length)}</p>`
          : nothing}
      </header>
      ${this.renderStep(v)}`;
  }

  protected override render(): TemplateResult {
    const live = html`<div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
    if (this.mode !== 'dialog') return html`<div class="base surface" part="base">${this.renderBody()}</div>${live}`;
    return html`<dialog part="dialog" aria-labelledby="step-title" @close=${this.onDialogClose} @keydown=${this.trapFocus}>
      <div class="dialog-bar">
        <button type="button" class="button icon" part="close-button" aria-label=${this.common.t('close')} @click=${this.actions.close}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      ${this.open ? html`<div class="base">${this.renderBody()}</div>` : nothing} ${live}
    </dialog>`;
  }
}
