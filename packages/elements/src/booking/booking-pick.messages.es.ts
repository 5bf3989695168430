/** Spanish wording of choosing a visit and a time (loaded with those views). */
import type { Translation } from '../l10n/translation-registry.js';
import type { BookingPickMessages } from './booking-pick.messages.en.js';
import { plural } from './booking-plural.js';

export const bookingPickEs: Translation<BookingPickMessages> = {
  loadingTimes: 'cargando horarios',
  chooseLocation: 'Sede',
  chooseType: 'Tipo de cita',
  inClinic: 'En la clínica',
  telehealth: 'Videoconsulta',
  provider: 'Terapeuta',
  anyProviderHint: 'El horario más próximo con cualquiera de nuestros terapeutas',
  seeTimes: 'Ver horarios disponibles',
  errChoose: 'Elija una opción.',
  change: 'Cambiar',
  prevMonth: 'Mes anterior',
  nextMonth: 'Mes siguiente',
  openings: (count: number) => (count ? `${count} ${plural(count, 'horario libre', 'horarios libres')}` : 'sin horarios libres'),
  withProvider: (name: string) => `con ${name}`,
  showTimesIn: 'Mostrar los horarios en',
  zoneClinic: (zone: string) => `Hora de la clínica (${zone})`,
  zoneMine: (zone: string) => `Mi hora (${zone})`,
  nextAvailable: (day: string, time: string) => `Próximo disponible: ${day}, ${time}`,
  noTimesMonth: 'No hay horarios libres este mes. Pruebe el mes siguiente o el próximo horario disponible.',
  noFit: '¿Ningún horario le conviene?',
  seriesOffer: '¿Viene por un plan de tratamiento?',
  bookSeries: 'Reservar varias citas a la vez',
  keepCurrent: 'Mantener mi cita actual',
};
