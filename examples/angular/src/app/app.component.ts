import { ChangeDetectionStrategy, Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { PxmBookingConfirmedEvent, PxmErrorEvent, PxmSurveySubmittedEvent } from '@pxm/elements';
import { adapter } from './adapter';

/**
 * `CUSTOM_ELEMENTS_SCHEMA` lets the template use `<pxm-*>` tags. `[adapter]` and `[locale]` bind
 * properties; `(pxm-booking-confirmed)` listens to the element's event. Angular types `$event`
 * as a plain `Event`, so each handler names the event class it receives.
 */
@Component({
  selector: 'pxm-example-app',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main>
      <header>
        <h1>PXM Elements in Angular</h1>
        <label>
          Language
          <select [value]="locale()" (change)="setLocale($event)">
            <option value="en">English</option>
            <option value="es">Español</option>
          </select>
        </label>
      </header>

      <pxm-provider [adapter]="adapter" [locale]="locale()" time-zone="America/Denver">
        <section aria-labelledby="booking-title">
          <h2 id="booking-title">Book a visit</h2>
          <pxm-booking (pxm-booking-confirmed)="onConfirmed($event)" (pxm-error)="onError($event)"></pxm-booking>
          <p role="status" class="outcome">{{ booked() ?? 'Nothing booked yet.' }}</p>
          @if (errors().length) {
            <p class="errors">Adapter errors: {{ errors().join(', ') }}</p>
          }
        </section>

        <section aria-labelledby="survey-title">
          <h2 id="survey-title">Tell us how we did</h2>
          <pxm-survey token="demo-survey-open" (pxm-survey-submitted)="onSubmitted($event)"></pxm-survey>
          <p role="status" class="outcome">{{ surveyed() ?? 'Survey not sent yet.' }}</p>
        </section>
      </pxm-provider>
    </main>
  `,
})
export class AppComponent {
  protected readonly adapter = adapter;
  protected readonly locale = signal<'en' | 'es'>('en');
  protected readonly booked = signal<string | undefined>(undefined);
  protected readonly surveyed = signal<string | undefined>(undefined);
  protected readonly errors = signal<string[]>([]);

  protected setLocale(event: Event): void {
    this.locale.set((event.target as HTMLSelectElement).value === 'es' ? 'es' : 'en');
  }

  protected onConfirmed(event: Event): void {
    const { detail } = event as PxmBookingConfirmedEvent;
    this.booked.set(`Booked appointment ${detail.appointmentId} at ${new Date(detail.start).toISOString()}.`);
  }

  protected onError(event: Event): void {
    const { detail } = event as PxmErrorEvent;
    this.errors.update((all) => [...all, `${detail.operation}: ${detail.code}`]);
  }

  protected onSubmitted(event: Event): void {
    this.surveyed.set(`Survey response ${(event as PxmSurveySubmittedEvent).detail.responseId} stored.`);
  }
}
