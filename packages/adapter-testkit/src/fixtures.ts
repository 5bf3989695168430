import type { BookRequest, NewPatient, ReminderConsent } from '@pxm/core/booking';

export const newPatient: NewPatient = {
  kind: 'new',
  firstName: 'Test',
  lastName: 'Patient',
  dateOfBirth: '1990-05-17',
  phone: '+1 303-555-0100',
  email: 'test.patient@example.com',
  reasonForVisit: 'Knee pain after running',
};

export function consents(at: Date): ReminderConsent[] {
  return [
    { channel: 'sms', granted: true, recordedAt: at.toISOString() },
    { channel: 'email', granted: false, recordedAt: at.toISOString() },
  ];
}

let counter = 0;

/** A unique idempotency key per call. */
export function freshKey(label = 'key'): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 10)}`;
}

export function bookRequest(holdId: string, at: Date, overrides: Partial<BookRequest> = {}): BookRequest {
  return { holdId, patient: newPatient, consents: consents(at), idempotencyKey: freshKey('book'), ...overrides };
}
