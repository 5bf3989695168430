/** Which zone times are read in: the clinic's for in-clinic visits, the patient's for video, unless switched. */
import { localDateIn } from '@pxm/core/time';
import type { BookingState, Catalog } from './booking-state.js';

export interface BookingZones {
  clinicZone: string;
  patientZone: string;
  /** The zone times are shown in. */
  zone: string;
  /** Today in that zone. */
  today: string;
}

export function bookingZones(catalog: Catalog | undefined, state: BookingState, patientZone: string, now = Date.now()): BookingZones {
  const clinicZone = catalog?.locations.find((location) => location.id === state.locationId)?.timeZone ?? patientZone;
  const type = catalog?.types.find((candidate) => candidate.id === state.typeId);
  const zone = state.zoneChoice ? (state.zoneChoice === 'clinic' ? clinicZone : patientZone) : type?.modality === 'telehealth' ? patientZone : clinicZone;
  return { clinicZone, patientZone, zone, today: localDateIn(now, zone) };
}
