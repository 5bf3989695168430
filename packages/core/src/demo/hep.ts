/** Demo home exercise programs, opened by fixed demo tokens. */
import type { HepProgram } from '../schemas/hep.js';

export const DEMO_HEP_TOKEN = 'demo-hep-acl-recovery';

export const demoHepProgram: HepProgram = {
  id: 'acl-phase-2',
  version: 1,
  title: 'Knee recovery after ACL reconstruction: phase 2',
  updatedAt: '2026-11-02T16:30:00-07:00',
  startDate: '2026-11-02',
  timeZone: 'America/Denver',
  painAlertThreshold: 7,
  painGuidance: 'Stop the exercise. If the pain does not settle within an hour, call the clinic.',
  practiceName: 'Cedar Ridge Physical Therapy',
  practicePhone: '+1 303-555-0142',
  exercises: [
    {
      id: 'quad-sets',
      name: 'Quad sets',
      dosage: { sets: 3, reps: 10, holdSeconds: 5, side: 'right' },
      frequency: { timesPerDay: 2 },
      instructions: 'Sit with your leg straight. Tighten the muscle on top of your thigh, pressing the back of the knee down.',
    },
    {
      id: 'heel-slides',
      name: 'Heel slides',
      dosage: { sets: 2, reps: 15, side: 'right', equipment: ['Towel'] },
      frequency: { timesPerDay: 1, weekdays: [1, 3, 5] },
      instructions: 'Lying on your back, slide your heel toward you as far as is comfortable, then slide it back.',
    },
  ],
};
