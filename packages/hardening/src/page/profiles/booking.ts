/** `<pxm-booking>`: a new patient chooses a visit, picks a time, gives details, confirms. */
import {
  AppointmentTypeListSchema,
  LocationListSchema,
  PracticeSchema,
  ProviderListSchema,
  SlotListSchema,
} from '@pxm/core/booking';
import { demoAppointmentTypes, demoLocations, demoPractice, demoProviders } from '@pxm/core/demo';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { createFaultyAdapter } from '@pxm/adapter-testkit/faults';
import { acceptedBy } from './accepted.js';
import { mapTexts } from '../../corpus/map-texts.js';
import { fill, settle, shadow, squash, until } from '../dom.js';
import { SECRETS, type Profile } from './profile.js';
import { mountElement } from './mount-element.js';

const title = (element: HTMLElement) => squash(element.shadowRoot?.querySelector('#step-title')?.textContent);

export async function untilStep(element: HTMLElement, step: string | RegExp, timeoutMs = 10_000): Promise<void> {
  await until(() => (typeof step === 'string' ? title(element) === step : step.test(title(element))), `step "${String(step)}" (now "${title(element)}")`, timeoutMs);
  await settle(element);
}

/** The first time offered on the selected day; when the day has none left, the next available one. */
export async function firstTime(element: HTMLElement): Promise<HTMLElement> {
  const root = element.shadowRoot!;
  const found = await until(() => root.querySelector<HTMLElement>('[part~="time"]:not([disabled]), [part~="next-available"]:not([disabled])'), 'times to be offered', 10_000);
  if (!found.matches('[part~="next-available"]')) return found;
  found.click();
  return until(() => root.querySelector<HTMLElement>('[part~="time"]:not([disabled])'), 'the next available time', 10_000);
}

export const bookingProfile: Profile = {
  tag: 'pxm-booking',
  name: 'booking',

  async mount(stage, options = {}) {
    const rewrite = options.text ?? ((text: string) => text);
    const store =
      options.store ??
      createMemoryAdapter({
        seed: {
          practice: mapTexts(demoPractice, rewrite, 'practice'),
          locations: mapTexts(demoLocations, rewrite, 'locations'),
          appointmentTypes: mapTexts(demoAppointmentTypes, rewrite, 'appointmentTypes'),
          providers: mapTexts(demoProviders, rewrite, 'providers'),
        },
      });
    const faults = createFaultyAdapter(store);
    const element = await mountElement(stage, 'pxm-booking', faults, options, (mounted) => bookingProfile.ready(mounted));
    return { element, store, faults };
  },

  async ready(element) {
    await until(() => element.shadowRoot?.querySelector('#step-title, [part="error"]'), 'the booking to load');
    await settle(element);
  },

  async complete({ element }, { secrets = SECRETS, onState } = {}) {
    const root = shadow(element);
    if (!element.hasAttribute('appointment-type')) {
      await untilStep(element, 'Book a visit');
      root.querySelector<HTMLInputElement>('input[name="kind"][value="new"]')!.click();
      await settle(element);
      root.querySelector<HTMLInputElement>('input[name="locationId"][value="denver-highlands"]')?.click();
      await settle(element);
      (await until(() => root.querySelector<HTMLInputElement>('input[name="typeId"][value="initial-evaluation"]'), 'visit types')).click();
      await settle(element);
      await onState?.('choose');
      root.querySelector<HTMLElement>('[part~="next-button"]')!.click();
    }
    await untilStep(element, 'Pick a time');
    (await firstTime(element)).click();
    await untilStep(element, 'Your details');
    await onState?.('details');
    fill(root.querySelector<HTMLInputElement>('#firstName')!, secrets.first);
    fill(root.querySelector<HTMLInputElement>('#lastName')!, secrets.last);
    fill(root.querySelector<HTMLInputElement>('#dateOfBirth')!, secrets.dob);
    fill(root.querySelector<HTMLInputElement>('#phone')!, secrets.phone);
    fill(root.querySelector<HTMLInputElement>('#email')!, secrets.email);
    root.querySelector<HTMLInputElement>('input[name="coverage"][value="insurance"]')!.click();
    await settle(element);
    fill(root.querySelector<HTMLInputElement>('#payerName')!, 'Quorrow Mutual');
    fill(root.querySelector<HTMLInputElement>('#memberId')!, secrets.member);
    const reason = root.querySelector<HTMLTextAreaElement>('#reason');
    if (reason) fill(reason, secrets.free);
    root.querySelector<HTMLInputElement>('input[name="remind-sms"]')!.click();
    await settle(element);
    await onState?.('details-filled');
    root.querySelector<HTMLElement>('[part~="next-button"]')!.click();
    await untilStep(element, 'Review and confirm');
    await until(() => !root.querySelector('[part~="eligibility"] .spinner'), 'the coverage check');
    await onState?.('review');
    root.querySelector<HTMLElement>('[part~="confirm-button"]')!.click();
    await untilStep(element, 'You’re booked');
    await onState?.('done');
  },

  async checkOutcome({ store }) {
    const booked = store.booking.listStoredAppointments().filter((a) => !a.id.startsWith('appt-demo'));
    return booked.length === 1 && booked[0]!.status === 'booked' ? [] : [`expected exactly 1 new booking, found ${booked.length} (${booked.map((a) => a.status).join(', ')})`];
  },

  async loadReplies(store) {
    const now = Date.now();
    const from = new Date(now).toISOString();
    const to = new Date(now + 62 * 86_400_000).toISOString();
    const accepts = acceptedBy;
    return [
      { operation: 'booking.getPractice', valid: await store.booking.getPractice(), accepts: accepts(PracticeSchema) },
      { operation: 'booking.listLocations', valid: await store.booking.listLocations(), accepts: accepts(LocationListSchema) },
      { operation: 'booking.listAppointmentTypes', valid: await store.booking.listAppointmentTypes({}), accepts: accepts(AppointmentTypeListSchema) },
      { operation: 'booking.listProviders', valid: await store.booking.listProviders({}), accepts: accepts(ProviderListSchema) },
      {
        operation: 'booking.findSlots',
        valid: await store.booking.findSlots({ locationId: 'denver-highlands', appointmentTypeId: 'follow-up', from, to }),
        accepts: accepts(SlotListSchema),
      },
    ];
  },
};
