/** Patients already known to the demo practice, so "returning patient" can be tried. */
export interface DemoPatient {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  phone: string;
  email: string;
}

export const demoPatients: DemoPatient[] = [
  { id: 'pat-garcia', firstName: 'María', lastName: 'García', dateOfBirth: '1985-04-12', phone: '+1 303-555-0199', email: 'maria.garcia@example.com' },
  { id: 'pat-johnson', firstName: 'Derek', lastName: 'Johnson', dateOfBirth: '1962-11-03', phone: '+1 602-555-0123', email: 'derek.j@example.com' },
];
