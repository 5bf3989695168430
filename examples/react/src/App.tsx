import { useState } from 'react';
// JSX types for the tags: properties, attributes and `onpxm-*` events, typed.
import type {} from '@pxm/elements/jsx';
import type { BookingConfirmedDetail } from '@pxm/elements';
import { adapter } from './adapter.js';
import { LegacyWrappers } from './LegacyWrappers.js';

type Locale = 'en' | 'es';

/**
 * React 19 renders custom elements directly: props become properties when the element has them
 * (`adapter`, `locale`) and `on<event-name>` props listen to its events.
 */
export function App() {
  const [locale, setLocale] = useState<Locale>('en');
  const [booked, setBooked] = useState<BookingConfirmedDetail | undefined>();
  const [errors, setErrors] = useState<string[]>([]);

  return (
    <main>
      <header>
        <h1>PXM Elements in React</h1>
        <label>
          Language{' '}
          <select value={locale} onChange={(event) => setLocale(event.target.value as Locale)}>
            <option value="en">English</option>
            <option value="es">Español</option>
          </select>
        </label>
      </header>

      <pxm-provider adapter={adapter} locale={locale} time-zone="America/Denver">
        <section aria-labelledby="booking-title">
          <h2 id="booking-title">React 19: the element itself</h2>
          <pxm-booking
            onpxm-booking-confirmed={(event) => setBooked(event.detail)}
            onpxm-error={(event) => setErrors((all) => [...all, `${event.detail.operation}: ${event.detail.code}`])}
          />
          <p role="status" className="outcome">
            {booked ? `Booked appointment ${booked.appointmentId} at ${new Date(booked.start).toISOString()}.` : 'Nothing booked yet.'}
          </p>
          {errors.length > 0 && <p className="errors">Adapter errors: {errors.join(', ')}</p>}
        </section>

        <LegacyWrappers />
      </pxm-provider>
    </main>
  );
}
