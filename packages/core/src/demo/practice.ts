/**
 * The demo practice every adapter can be loaded with: two clinics in different zones (Denver
 * observes DST, Phoenix does not), five providers, three visit types. Names are invented.
 */
import type { WorkingHours } from '../booking/schedule.js';
import type { AppointmentType, Location, Practice, Provider } from '../schemas/practice.js';

export const demoPractice: Practice = {
  id: 'cedar-ridge',
  name: 'Cedar Ridge Physical Therapy',
  phone: '+1 303-555-0142',
  email: 'frontdesk@cedarridge.example',
  website: 'https://cedarridge.example',
  cancellationPolicy: {
    minimumNoticeHours: 24,
    lateCancelFee: { amountMinor: 5000, currency: 'USD' },
    text: 'Please cancel or reschedule at least 24 hours ahead. Later changes and missed visits may carry a $50 fee.',
  },
  whatToBring:
    'Photo ID, your insurance card, a list of your medications, and comfortable clothes that let us see the area we will treat.',
  reviewLinks: [
    { site: 'google', url: 'https://reviews.example/google/cedar-ridge' },
    { site: 'facebook', url: 'https://reviews.example/facebook/cedar-ridge' },
  ],
};

export const demoLocations: Location[] = [
  {
    id: 'denver-highlands',
    name: 'Denver Highlands',
    address: { line1: '3456 W 32nd Ave', city: 'Denver', region: 'CO', postalCode: '80211', country: 'US' },
    timeZone: 'America/Denver',
    phone: '+1 303-555-0142',
  },
  {
    id: 'phoenix-arcadia',
    name: 'Phoenix Arcadia',
    address: { line1: '4020 E Camelback Rd', line2: 'Suite 110', city: 'Phoenix', region: 'AZ', postalCode: '85018', country: 'US' },
    timeZone: 'America/Phoenix',
    phone: '+1 602-555-0187',
  },
];

export const demoAppointmentTypes: AppointmentType[] = [
  {
    id: 'initial-evaluation',
    name: 'Initial evaluation',
    description: 'Your first visit: history, movement assessment, and a plan of care.',
    durationMinutes: 60,
    bufferMinutes: 15,
    modality: 'in-clinic',
    patientEligibility: 'new',
    discipline: 'physical-therapy',
  },
  {
    id: 'follow-up',
    name: 'Follow-up visit',
    description: 'Treatment visit under your plan of care.',
    durationMinutes: 45,
    bufferMinutes: 15,
    modality: 'in-clinic',
    patientEligibility: 'returning',
  },
  {
    id: 'telehealth-check-in',
    name: 'Telehealth check-in',
    description: 'A video visit to review your home program and progress.',
    durationMinutes: 30,
    bufferMinutes: 0,
    modality: 'telehealth',
    patientEligibility: 'any',
  },
];

export const demoProviders: Provider[] = [
  {
    id: 'ana-rivera',
    name: 'Ana Rivera',
    credentials: 'PT, DPT, OCS',
    bio: 'Orthopedic specialist focused on knee and shoulder rehabilitation after surgery.',
    languages: ['en', 'es'],
    locationIds: ['denver-highlands'],
    appointmentTypeIds: ['initial-evaluation', 'follow-up', 'telehealth-check-in'],
  },
  {
    id: 'james-okafor',
    name: 'James Okafor',
    credentials: 'PT, DPT',
    bio: 'Treats low back and neck pain with a strong focus on active recovery.',
    languages: ['en'],
    locationIds: ['denver-highlands'],
    appointmentTypeIds: ['initial-evaluation', 'follow-up'],
  },
  {
    id: 'mei-chen',
    name: 'Mei Chen',
    credentials: 'PT, DPT, SCS',
    bio: 'Sports physical therapist; runners, climbers and return-to-sport testing.',
    languages: ['en', 'zh'],
    locationIds: ['phoenix-arcadia'],
    appointmentTypeIds: ['initial-evaluation', 'follow-up', 'telehealth-check-in'],
  },
  {
    id: 'sam-haddad',
    name: 'Sam Haddad',
    credentials: 'PT, DPT',
    bio: 'Balance, vestibular and fall-prevention care for active older adults.',
    languages: ['en', 'ar'],
    locationIds: ['phoenix-arcadia', 'denver-highlands'],
    appointmentTypeIds: ['initial-evaluation', 'follow-up', 'telehealth-check-in'],
  },
  {
    id: 'linh-nguyen',
    name: 'Linh Nguyen',
    credentials: 'PTA',
    bio: 'Physical therapist assistant guiding follow-up treatment sessions.',
    languages: ['en', 'vi'],
    locationIds: ['phoenix-arcadia'],
    appointmentTypeIds: ['follow-up'],
  },
];

const lunch = [{ start: '12:00', end: '13:00' }];

function weekly(
  providerId: string,
  locationId: string,
  weekdays: number[],
  start: string,
  end: string,
  breaks = lunch,
): WorkingHours[] {
  return weekdays.map((weekday) => ({ providerId, locationId, weekday, start, end, breaks }));
}

/** Weekly hours in each location's own zone. */
export const demoWorkingHours: WorkingHours[] = [
  ...weekly('ana-rivera', 'denver-highlands', [1, 3, 5], '08:00', '17:00'),
  ...weekly('ana-rivera', 'denver-highlands', [2, 4], '10:00', '19:00', [{ start: '14:00', end: '14:30' }]),
  ...weekly('james-okafor', 'denver-highlands', [1, 2, 3, 4], '07:00', '16:00', [{ start: '11:30', end: '12:30' }]),
  ...weekly('james-okafor', 'denver-highlands', [6], '08:00', '12:00', []),
  ...weekly('sam-haddad', 'denver-highlands', [5], '08:00', '16:00'),
  ...weekly('mei-chen', 'phoenix-arcadia', [1, 2, 3, 4, 5], '07:00', '15:00', [{ start: '11:00', end: '11:45' }]),
  ...weekly('sam-haddad', 'phoenix-arcadia', [1, 2, 3, 4], '09:00', '18:00'),
  ...weekly('linh-nguyen', 'phoenix-arcadia', [1, 2, 3, 4, 5], '08:00', '16:30', [{ start: '12:30', end: '13:00' }]),
];
