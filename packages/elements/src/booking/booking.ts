import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { AdapterError, bookingReplySchemas } from '@pxm/core';
import { PxmElement } from '../base/pxm-element.js';
import { AdapterCalls } from '../controllers/adapter-calls.js';
import { LanguageLoader } from '../controllers/language-loader.js';
import { LazyPart } from '../controllers/lazy-part.js';
import { RemovalWatch } from '../controllers/removal-watch.js';
import { LocalizeController } from '../l10n/localize-controller.js';
import { controlStyles } from '../styles/controls.styles.js';
import { hostStyles } from '../styles/host.styles.js';
import { renderFailure, renderLoading } from '../internal/states.js';
import { whenIdle } from '../internal/when-idle.js';
import { bookingStyles } from './booking.styles.js';
import { bookingEn, type BookingMessages } from './booking.messages.en.js';
import { loadCatalog, loadReferralContext } from './booking-catalog.js';
import { BookingDialog, triggerChoices } from './booking-dialog.js';
import type { BookingFlow } from './booking-flow.js';
import type { BookingCalls } from './booking-flow-host.js';
import { ManageMode } from './booking-manage-mode.js';
import { PendingFocus } from './booking-pending-focus.js';
import { BookingSteps } from './booking-steps.js';
import { bookingZones, type BookingZones } from './booking-zones.js';
import { benefitsChoice } from './booking-benefit-choice.js';
import { initialState, knownChoices, startingState, withPrefill, type BookingPrefill, type BookingState, type Catalog } from './booking-state.js';
import type { TimePicker } from './booking-time-picker.js';
import type { BookingActions, BookingView } from './booking-view.js';

/** The first steps' views, the step frame and the views' actions: fetched at connect, in parallel with the first adapter calls. */
const importPick = () => import('./booking-pick.js');
type PickModule = Awaited<ReturnType<typeof importPick>>;
/** The later steps, fetched once per page when a step needs them (not to show times). */
const importFlow = () => import('./booking-flow.js');
/** Spanish ships with the element but loads only for pages that use it, with the first steps' part (which the catalogue waits for anyway). */
const importSpanish = () => importPick().then((module) => module.bookingEs);

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
 * @event pxm-booking-attendance-confirmed - The patient said they will come ("I'll be there"). Detail: the visit.
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
 * @csspart eligibility - The coverage check result: status, estimated cost, visits left, prior authorization, each as of its date.
 * @csspart series-coverage - On a series' review: how many visits the plan covers, and the self-pay agreement for the rest.
 * @csspart summary - A visit or patient summary.
 * @csspart policy - The cancellation policy.
 * @csspart next-button - The button that moves to the next step.
 * @csspart confirm-button - Books (or moves) the visit.
 * @csspart cancel-button - Cancels the visit.
 * @csspart attend-button - "I'll be there": confirms the visit (manage view).
 * @csspart ics-link - The .ics download.
 * @csspart manage-link - The manage link on the confirmation.
 * @csspart waitlist-button - Opens the waitlist form.
 * @csspart series-button - Opens the series planner.
 * @csspart loading - Loading state.
 * @csspart error - Failure state.
 * @csspart retry - Retry button of the failure state.
 *
 * @slot header - Above each step's title: a practice's logo or an introduction.
 * @slot next-steps - On the confirmation, after what to bring: the practice's own directions, parking or links.
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
    referralToken: { type: String, attribute: 'referral-token' },
    manageUrl: { type: String, attribute: 'manage-url' },
    mode: { type: String, reflect: true },
    open: { type: Boolean, reflect: true },
    timeout: { type: Number },
    benefits: { type: String },
    discipline: { type: String, reflect: true },
    prefill: { attribute: false },
    state: { state: true },
    announcement: { state: true },
    icsUrl: { state: true },
    picker: { state: true },
    flow: { state: true },
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
  /** A referral booking link's token: books the referral's visit type, and the visit is linked to the referral. */
  declare referralToken: string | undefined;
  /** Manage link template for the confirmation, with `{token}`; default: this page with `#pxm-manage=<token>`. */
  declare manageUrl: string | undefined;
  /** `inline` (default) or `dialog` (a native modal dialog, opened by `show()` or any `[data-pxm-booking-open]`). */
  declare mode: 'inline' | 'dialog';
  /** Whether the dialog is open (`mode="dialog"`). */
  declare open: boolean;
  /** Milliseconds an adapter call may take before the patient is told it timed out. Default 20000. */
  declare timeout: number;
  /** Which parts of the coverage check the patient sees, space-separated: `status`, `cost`, `visits`, `prior-auth`. Absent: all four; `""`: none. */
  declare benefits: string | undefined;
  /** The therapy whose benefits apply: `physical-therapy` (default), `occupational-therapy` or `speech-therapy`. */
  declare discipline: string | undefined;
  /** Demographic fields to prefill (property only, never an attribute). */
  declare prefill: BookingPrefill | undefined;
  /** @internal The booking in progress; replaced (never changed in place) on every step. */
  declare state: BookingState;
  /** What the live region last said. */
  private declare announcement: string;
  /** The confirmation's calendar file (an object URL, revoked when it is left). */
  private declare icsUrl: string;

  private readonly messages = new LocalizeController(this, 'booking', { en: bookingEn as BookingMessages });
  /** Before the catalogue task: a Spanish page's first paint is already in Spanish. */
  private readonly language = new LanguageLoader(this, 'booking', { es: importSpanish });
  private readonly calls: BookingCalls = new AdapterCalls(this, 'booking', bookingReplySchemas, (error, operation) => this.reportError(error, operation));
  private readonly pickPart = new LazyPart(this, importPick);
  private readonly flowPart = new LazyPart(this, importFlow);
  private readonly dialog = new BookingDialog(this, (trigger) => this.openFromTrigger(trigger));
  /** The time step's behaviour, once its part has loaded. */
  private declare picker: TimePicker | undefined;
  /** The later steps, once their part has loaded. */
  private declare flow: BookingFlow | undefined;
  private readonly pendingFocus = new PendingFocus(this);
  /** Moving through the steps; what the time picker and the later steps are given. */
  private readonly steps: BookingSteps = new BookingSteps({
    state: () => this.state,
    replaceState: (state) => (this.state = state),
    announcement: () => this.announcement,
    setAnnouncement: (text) => (this.announcement = text),
    icsUrl: () => this.icsUrl,
    setIcsUrl: (url) => (this.icsUrl = url),
    catalog: () => this.catalog,
    zones: () => this.zones,
    adapter: () => this.resolvedAdapter,
    manageToken: () => this.manageToken,
    referralToken: () => this.referralToken,
    locale: () => this.resolvedLocale,
    rtl: () => this.isRtl,
    actions: () => this.actions!,
    benefits: () => benefitsChoice(this.benefits, this.discipline),
    picker: () => this.picker,
    flow: () => this.flow,
    loadFlow: () => this.loadFlow(),
    messages: this.messages,
    common: this.common,
    calls: this.calls,
    pendingFocus: this.pendingFocus,
    report: (error, operation) => this.reportError(error, operation),
    errorMessage: (error) => this.errorMessage(error),
    manageLink: (token) => this.manageLink(token),
    emit: (event) => this.dispatchEvent(event),
    element: this,
  });

  constructor() {
    super();
    this.mode = 'inline';
    this.open = false;
    this.timeout = 20_000;
    this.state = initialState();
    this.announcement = '';
    this.icsUrl = '';
    // A move keeps everything; a real removal lets the holds and the calendar file go.
    new RemovalWatch(this, () => {
      this.steps.releaseHolds();
      this.steps.revokeIcs();
      this.calls.abortAll();
    });
  }

  // ------------------------------------------------------------------ data

  private readonly catalogTask = new Task(this, {
    task: async ([adapter], { signal }) => {
      if (!adapter) return undefined;
      try {
        const catalog = await loadCatalog(this.calls, signal, Promise.all([this.language.ready, this.loadPick()]));
        const referral = await loadReferralContext(this.calls, this.referralToken, typeof adapter.booking?.getReferralContext === 'function', signal);
        if (referral) this.appointmentType = referral.appointmentTypeId;
        this.start(catalog);
        return catalog;
      } catch (error) {
        throw this.reportError(error, AdapterError.is(error) ? (error.operation ?? 'booking.catalog') : 'booking.catalog') ?? error;
      }
    },
    args: () => [this.resolvedAdapter] as const,
  });

  private readonly manage: ManageMode = new ManageMode(this, {
    steps: this.steps,
    calls: this.calls,
    loadFlow: () => this.loadFlow(),
    startBooking: () => this.catalog && this.start(this.catalog),
    report: (error, operation) => this.reportError(error, operation),
  });

  // ------------------------------------------------------------------ derived

  private get catalog(): Catalog | undefined {
    return this.catalogTask.value;
  }

  private get zones(): BookingZones {
    return bookingZones(this.catalog, this.state, this.resolvedTimeZone);
  }

  private get fixedChoices() {
    return { location: this.location, appointmentType: this.appointmentType, provider: this.provider };
  }

  private view(catalog: Catalog, pick: PickModule): BookingView {
    return pick.bookingView({
      messages: this.messages,
      common: this.common,
      state: this.state,
      catalog,
      ...this.zones,
      fixed: knownChoices(catalog, this.fixedChoices),
      canCheckEligibility: typeof this.resolvedAdapter?.booking?.verifyEligibility === 'function',
      benefits: benefitsChoice(this.benefits, this.discipline),
      canConfirmAttendance: typeof this.resolvedAdapter?.booking?.confirmAppointment === 'function',
      manageLink: (token) => this.manageLink(token),
      actions: this.actions!,
    });
  }

  private manageLink(token: string): string {
    // Asked by the step views only, which come with the first steps' part.
    return this.pickPart.module?.manageLinkFor(token, this.manageUrl) ?? '';
  }

  // ------------------------------------------------------------------ lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadPick().catch(() => undefined); // a failed download is shown, with a retry
    this.addEventListener('input', this.onActivity);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('input', this.onActivity);
  }

  private readonly onActivity = () => {
    this.flow?.touch();
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('prefill') && this.prefill) this.state = { ...this.state, draft: withPrefill(this.state.draft, this.prefill) };
    const config = this.hasUpdated && (['location', 'appointmentType', 'provider'] as const).some((key) => changed.has(key));
    if (config && this.catalog && !this.manageToken) this.start(this.catalog);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.mode === 'dialog' && !this.dialog.sync()) this.steps.focus('#step-title');
    if (!this.flow && this.flowPart.state === 'idle') {
      // The later steps' part: at once when a step needs it (a failed download waits for "Try
      // again"), and ahead of need once times are on screen, so a held time goes straight on.
      if (!['choose', 'time'].includes(this.state.step)) void this.loadFlow().catch(() => undefined);
      else if (this.state.step === 'time' && !this.flowPrefetched) {
        this.flowPrefetched = true;
        whenIdle(() => void this.loadFlow().catch(() => undefined));
      }
    }
  }

  /** Whether the later steps were fetched ahead of need once (a failure is not retried until needed). */
  private flowPrefetched = false;

  /** Sets up the flow once the catalogue is known: attribute choices applied, first step chosen. */
  private start(catalog: Catalog): void {
    if (this.manageToken) return; // manage mode sets itself up from the appointment
    this.steps.releaseHolds();
    this.state = startingState(catalog, this.fixedChoices, this.state.draft);
    this.picker?.reset();
    this.steps.prepareMonth();
  }

  // ------------------------------------------------------------------ the lazily loaded parts

  private async loadPick(): Promise<TimePicker> {
    const module = await this.pickPart.load();
    this.actions ??= module.createBookingActions({
      state: () => this.state,
      catalog: () => this.catalog,
      fixedType: () => knownChoices(this.catalog, this.fixedChoices).type,
      picker: () => this.picker,
      flow: () => this.flow,
      set: (patch) => this.steps.set(patch),
      go: (step, patch) => this.steps.go(step, patch),
      releaseHolds: () => this.steps.releaseHolds(),
      focusErrors: (count) => this.steps.focusErrors(count),
      openManage: (token, event) => module.openManageLink(this.manage.moves, token, event),
      bookAnother: () => module.bookAnother(this.manage.moves),
      close: () => this.close(),
    });
    this.picker ??= new module.TimePicker(this.steps, this);
    return this.picker;
  }

  private async loadFlow(): Promise<BookingFlow> {
    const module = await this.flowPart.load();
    this.flow ??= new module.BookingFlow(this.steps, this);
    return this.flow;
  }

  /** What the step views can do; made with the first steps' part, before any step shows. */
  private actions: BookingActions | undefined;

  // ------------------------------------------------------------------ dialog mode

  /** Opens the dialog (`mode="dialog"`); focus returns to `opener` (default: the focused element) on close. */
  show(opener?: HTMLElement): void {
    this.dialog.show(opener);
  }

  /** Closes the dialog. */
  close(): void {
    this.open = false;
  }

  /** A page's "Book now" (`data-pxm-booking-open`) books, with the choices its `data-*` names. */
  private openFromTrigger(trigger: HTMLElement): void {
    // It books even where this dialog last showed a visit from its own manage link.
    if (this.manageToken && !this.hasAttribute('manage-token')) {
      this.manageToken = undefined;
      if (this.catalog) this.start(this.catalog);
    }
    Object.assign(this, triggerChoices(trigger));
  }

  // ------------------------------------------------------------------ render

  /** A lazily loaded part still downloading, or one whose download failed (with "Try again"). */
  private renderPartState(failed: boolean, retry: () => Promise<unknown>): TemplateResult {
    if (!failed) return renderLoading(this.common.text('loading'));
    const message = this.errorMessage(new AdapterError('network', 'A part of the page did not load.'));
    return renderFailure({ message, retryLabel: this.common.text('retry'), onRetry: () => void retry().catch(() => undefined) });
  }

  private renderStep(view: BookingView, pick: PickModule): TemplateResult {
    const step = this.state.step;
    const notice = pick.renderNotice(this.state.notice, this.common.text('retry'));
    if (step === 'choose' || step === 'time') {
      if (!this.picker) return this.renderPartState(this.pickPart.state === 'failed', () => this.loadPick());
      return html`${notice}${step === 'choose' ? pick.renderChoose(view) : this.picker.render(view)}`;
    }
    if (!this.flow) return this.renderPartState(this.flowPart.state === 'failed', () => this.loadFlow());
    return this.flow.render(view, notice, this.icsUrl);
  }

  private renderBody(): TemplateResult {
    if (!this.resolvedAdapter?.booking) {
      return html`<p class="notice warning" role="status">${this.common.text('noAdapter')}</p>`;
    }
    const catalog = this.catalog;
    if (!catalog) {
      return this.catalogTask.status === TaskStatus.ERROR
        ? renderFailure({ message: this.errorMessage(AdapterError.is(this.catalogTask.error) ? this.catalogTask.error : undefined), retryLabel: this.common.text('retry'), onRetry: () => void this.catalogTask.run() })
        : renderLoading(this.messages.text('loadingPractice'));
    }
    // The catalogue waits for the first steps' part, which draws the frame of every step.
    const pick = this.pickPart.module;
    if (!pick || !this.actions) return this.renderPartState(this.pickPart.state === 'failed', () => this.loadPick());
    if (this.manageToken && !this.state.managed) {
      if (this.manage.task.status !== TaskStatus.ERROR) return renderLoading(this.messages.text('loadingVisit'));
      const failure = this.manage.failure((error) => this.errorMessage(error), this.common.text('retry'));
      return pick.renderManageFailure(this.messages, renderFailure(failure), failure.onRetry ? undefined : this.actions.bookAnother);
    }
    const known = knownChoices(catalog, this.fixedChoices);
    return html`${pick.renderHeader(this.messages, this.state, known.location && known.type)}${this.renderStep(this.view(catalog, pick), pick)}`;
  }

  protected override render(): TemplateResult {
    const live = html`<div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
    if (this.mode !== 'dialog') return html`<div class="base surface" part="base">${this.renderBody()}</div>${live}`;
    return html`<dialog part="dialog" aria-labelledby="step-title" @close=${this.dialog.onClose} @keydown=${this.dialog.trapFocus}>
      <div class="dialog-bar">
        <button type="button" class="button icon" part="close-button" aria-label=${this.common.text('close')} @click=${() => this.close()}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      ${this.open ? html`<div class="base">${this.renderBody()}</div>` : nothing} ${live}
    </dialog>`;
  }
}
