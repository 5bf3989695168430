/** English wording of choosing a visit and a time (loaded with those views). */
import { plural } from './booking-plural.js';

export const bookingPickEn = {
  loadingTimes: 'loading times',
  chooseLocation: 'Location',
  chooseType: 'Type of visit',
  inClinic: 'In clinic',
  telehealth: 'Video visit',
  provider: 'Therapist',
  anyProviderHint: 'The earliest time with any of our therapists',
  seeTimes: 'See available times',
  errChoose: 'Please choose one.',
  change: 'Change',
  prevMonth: 'Previous month',
  nextMonth: 'Next month',
  openings: (count: number) => (count ? `${count} ${plural(count, 'opening', 'openings')}` : 'no openings'),
  withProvider: (name: string) => `with ${name}`,
  showTimesIn: 'Show times in',
  zoneClinic: (zone: string) => `Clinic time (${zone})`,
  zoneMine: (zone: string) => `My time (${zone})`,
  nextAvailable: (day: string, time: string) => `Next available: ${day}, ${time}`,
  noTimesMonth: 'No openings this month. Try the next month or the next available time.',
  noFit: 'No time that works?',
  seriesOffer: 'Returning for a plan of care?',
  bookSeries: 'Book several visits at once',
  keepCurrent: 'Keep my current appointment',
};

export type BookingPickMessages = typeof bookingPickEn;
