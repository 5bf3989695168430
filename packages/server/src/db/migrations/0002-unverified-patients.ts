/**
 * A returning patient nobody matched is booked anyway, under a record marked unverified for the
 * front desk to reconcile (core's `resolveReturningPatient`): booking never tells whether a
 * person is a patient. Unverified records are never matched by later bookings.
 */
export const unverifiedPatientsSchema = `
ALTER TABLE patients ADD COLUMN unverified INTEGER NOT NULL DEFAULT 0;
`;
