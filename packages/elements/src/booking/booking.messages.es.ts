/** Spanish wording of `<pxm-booking>`: usted, neutral Latin American Spanish. */
import type { Translation } from '../l10n/translation-registry.js';
import type { BookingCoreMessages } from './booking.messages.en.js';

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);

export const bookingEs: Translation<BookingCoreMessages> = {
  title_choose: 'Reservar una cita',
  title_time: 'Elija un horario',
  title_series: 'Reservar una serie de citas',
  title_details: 'Sus datos',
  title_review: 'Revise y confirme',
  title_moveReview: 'Confirme su nuevo horario',
  title_moveTime: 'Cambie la fecha de su cita',
  title_booked: 'Su cita está reservada',
  title_rescheduled: 'Su cita cambió de horario',
  title_cancelled: 'Su cita está cancelada',
  title_waitlisted: 'Está en la lista de espera',
  title_manage: 'Su cita',
  title_cancel: 'Cancelar su cita',
  title_waitlist: 'Unirse a la lista de espera',
  stepOf: (step: number, of: number) => `Paso ${step} de ${of}`,
  loadingPractice: 'Cargando las citas disponibles…',
  loadingVisit: 'Cargando su cita…',
  kindQuestion: '¿Ha venido antes a nuestra clínica?',
  kindNew: 'No, es mi primera visita',
  kindReturning: 'Sí, ya soy paciente',
  mapLink: 'Mapa e indicaciones',
  newWindow: '(se abre en una ventana nueva)',
  minutes: (count: number) => `${count} min`,
  anyProvider: 'El primero disponible',
  morning: 'Mañana',
  afternoon: 'Tarde',
  evening: 'Noche',
  timesOn: (count: number, day: string) => `${count} ${plural(count, 'horario disponible', 'horarios disponibles')} el ${day}`,
  noTimesDay: 'No hay horarios libres este día. Elija un día resaltado.',
  noTimesAtAll: 'No hay horarios libres en los próximos meses. Únase a la lista de espera y le contactaremos.',
  joinWaitlist: 'Unirse a la lista de espera',
  slotTaken: 'Lo sentimos, alguien acaba de reservar ese horario. Estos son los horarios que siguen libres ese día.',
  heldAnnounce: (what: string) => `Le guardamos ${what} durante unos minutos.`,
  errRequired: 'Complete este dato.',
  fixErrors: (count: number) => `${count} ${plural(count, 'dato necesita', 'datos necesitan')} su atención.`,
  videoVisit: 'Videoconsulta (recibirá un enlace)',
  bookNew: 'Reservar una cita nueva',
  manageExpired: 'Este enlace caducó porque la cita ya se realizó. Para volver, reserve una cita nueva.',
  manageConflict: 'Esta cita se modificó o canceló mientras tanto, así que ya no se puede cambiar.',
};

