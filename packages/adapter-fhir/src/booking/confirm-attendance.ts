/**
 * "I'll be there" on FHIR: the Appointment gets the `attendance-confirmed` extension (the moment
 * the patient confirmed), written with `If-Match` so a concurrent change is read and confirmed
 * again, never overwritten. The first confirmation stands; a cancelled visit cannot be confirmed.
 */
import { AdapterError } from '@pxm/core';
import type { Appointment as ContractAppointment } from '@pxm/core/booking';
import type { FhirContext } from '../context.js';
import { withExtension } from '../fhir/elements.js';
import { ATTENDANCE_CONFIRMED_EXTENSION } from '../fhir/namespace.js';
import type { Appointment } from '../fhir/types.js';
import { isConflict } from '../http/errors.js';
import { mapAppointment } from './book-slot.js';
import type { Catalogue } from './catalogue.js';
import type { ManagedVisit } from './manage-appointment.js';

const CAS_ATTEMPTS = 4;

export async function confirmAttendance(ctx: FhirContext, catalogue: Catalogue, visit: ManagedVisit, operation: string, signal?: AbortSignal): Promise<ContractAppointment> {
  let current = visit;
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
    if (current.appointment.status === 'cancelled') throw new AdapterError('conflict', 'This appointment was cancelled.', { operation });
    if (current.appointment.confirmedAt) return current.appointment;
    const confirmed = withExtension(current.resource, ATTENDANCE_CONFIRMED_EXTENSION, { url: ATTENDANCE_CONFIRMED_EXTENSION, valueDateTime: ctx.now().toISOString() });
    try {
      const written = await ctx.client.update(operation, confirmed, { ifMatch: current.version, signal });
      return mapAppointment(written.resource, catalogue, operation);
    } catch (error) {
      if (!isConflict(error)) throw error;
      const read = await ctx.client.read<Appointment>(operation, 'Appointment', current.resource.id ?? '', signal);
      current = { resource: read.resource, version: read.version, appointment: mapAppointment(read.resource, catalogue, operation) };
    }
  }
  throw new AdapterError('conflict', 'The appointment kept changing while it was confirmed.', { operation, retryable: true });
}
