/** Request and reply examples of the REST contract; the OpenAPI test checks each against core's schemas. */
import { demoLocations, demoPractice, demoProviders, demoAppointmentTypes, demoHepProgram, demoIntakeForm, demoSurvey } from '@pxm/core/demo';

const ratedGoal = {
  id: 'goal-stairs',
  text: 'Carry my granddaughter up the stairs to her room',
  targetDate: '2027-04-12',
  status: 'active',
  scale: [
    { value: -2, description: 'Needs help on the stairs, even without carrying anything' },
    { value: -1, description: 'Up one flight alone with the rail, not carrying her' },
    { value: 0, description: 'Carries her up one flight with the rail, resting once' },
    { value: 1, description: 'Carries her up one flight with the rail, without resting' },
    { value: 2, description: 'Carries her up and down without the rail' },
  ],
  ratings: [
    { id: 'rating_3kTMd92hXhLw1nVq', author: 'therapist', authorName: 'Ana Rivera, PT, DPT', level: -1, ratedAt: '2027-02-22T11:00:00-07:00' },
    { id: 'rating_8fQw2LmZx0aB4cDe', author: 'patient', level: 0, note: 'Carried her halfway up.', ratedAt: '2027-03-01T09:00:00-07:00' },
  ],
};

const slot = {
  id: 's1|denver-highlands|initial-evaluation|ana-rivera|1804518000000',
  locationId: 'denver-highlands',
  providerId: 'ana-rivera',
  appointmentTypeId: 'initial-evaluation',
  start: '2027-03-08T08:00:00-07:00',
  end: '2027-03-08T09:00:00-07:00',
};

const patient = {
  kind: 'new',
  firstName: 'Ada',
  lastName: 'Lovelace',
  dateOfBirth: '1990-05-17',
  phone: '+1 303-555-0100',
  email: 'ada@example.com',
  reasonForVisit: 'Knee pain after running',
};

const consents = [
  { channel: 'sms', granted: true, recordedAt: '2027-03-01T16:02:11Z' },
  { channel: 'email', granted: false, recordedAt: '2027-03-01T16:02:11Z' },
];

const appointment = {
  id: 'appt_Jv3kq8W1sZl0N2mEwYt4Rw',
  status: 'booked',
  locationId: 'denver-highlands',
  providerId: 'ana-rivera',
  appointmentTypeId: 'initial-evaluation',
  start: '2027-03-08T08:00:00-07:00',
  end: '2027-03-08T09:00:00-07:00',
  timeZone: 'America/Denver',
  manageToken: 'q3F0yHn3C5wq1m4xY6o2bXJtL0c9sP8rV7uA1eD2fG4',
  createdAt: '2027-03-01T09:02:12-07:00',
};

export const EXAMPLES = {
  practice: demoPractice,
  locationsPage: { items: demoLocations, nextCursor: null },
  appointmentTypesPage: { items: demoAppointmentTypes, nextCursor: null },
  providersPage: { items: demoProviders.slice(0, 2), nextCursor: 'eyJvIjoyfQ' },
  slotsPage: { items: [slot], nextCursor: 'eyJzIjoxODA0NTE4MDAwMDAwLCJwIjoiYW5hLXJpdmVyYSJ9' },
  holdRequest: { slotId: slot.id },
  hold: { id: 'hold_cIZNUqSiLatu8WgRyO9mWQ', slot, expiresAt: '2027-03-01T16:10:00.000Z' },
  bookRequest: { holdId: 'hold_cIZNUqSiLatu8WgRyO9mWQ', patient, coverage: { kind: 'insurance', payerName: 'Aetna', memberId: 'W123456789', relationship: 'self' }, consents },
  appointment,
  managedAppointment: { appointment, cancellationPolicy: demoPractice.cancellationPolicy, withinNoticeWindow: false },
  cancelRequest: { reason: 'Feeling better', acknowledgedFee: false },
  cancelledAppointment: { ...appointment, status: 'cancelled', cancelledAt: '2027-03-02T10:00:00-07:00' },
  rescheduleRequest: { holdId: 'hold_N0r8bQ5mX2yW7cV4kT1sAg' },
  rescheduledAppointment: {
    ...appointment,
    id: 'appt_Xk2mQ9p4Lr7sT1vB8nC3dA',
    start: '2027-03-10T10:00:00-07:00',
    end: '2027-03-10T11:00:00-07:00',
    rescheduledFromId: appointment.id,
  },
  waitlistRequest: {
    locationId: 'denver-highlands',
    appointmentTypeId: 'initial-evaluation',
    preferredWeekdays: [1, 3],
    preferredTimesOfDay: ['morning'],
    earliestDate: '2027-03-15',
    patient,
    consents,
  },
  waitlistEntry: { id: 'wait_8sJ2kL4mN6pQ8rT0vX2zBw', locationId: 'denver-highlands', appointmentTypeId: 'initial-evaluation', createdAt: '2027-03-01T16:05:00.000Z' },
  coverage: { kind: 'insurance', payerName: 'Aetna', memberId: 'W123456789', relationship: 'self' },
  eligibility: { status: 'active', copay: { amountMinor: 3000, currency: 'USD' }, checkedAt: '2027-03-01T16:03:00.000Z' },
  intakeSession: { formId: demoIntakeForm.id, definition: demoIntakeForm, status: 'open', draft: null, priorScores: [] },
  saveDraftRequest: { answers: { firstName: 'Ada', lastName: 'Lovelace' }, pageId: 'about-you' },
  draft: { answers: { firstName: 'Ada', lastName: 'Lovelace' }, pageId: 'about-you', version: 1, savedAt: '2027-03-01T16:06:00.000Z' },
  attachment: { id: 'att_4fK9sL2mP7qR1tV6xZ3bCw', contentType: 'image/jpeg', size: 184213, purpose: 'insurance-card-front' },
  submitIntakeRequest: { answers: { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-05-17', phone: '+1 303-555-0100' } },
  intakeResponse: { id: 'resp_2hG7jK1lM5nP9qR3sT7vWx', formId: demoIntakeForm.id, formVersion: demoIntakeForm.version, submittedAt: '2027-03-01T16:20:00.000Z' },
  hepProgram: demoHepProgram,
  logActivityRequest: {
    entries: [
      {
        clientId: '7b0e3f0c-3c1a-4f8e-9a55-9f3c2b1d0e11',
        exerciseId: 'quad-sets',
        programVersion: 1,
        completedAt: '2027-03-01T08:15:00-07:00',
        completedSets: 3,
        pain: 2,
        difficulty: 3,
      },
    ],
  },
  activityList: {
    items: [
      {
        clientId: '7b0e3f0c-3c1a-4f8e-9a55-9f3c2b1d0e11',
        exerciseId: 'quad-sets',
        programVersion: 1,
        completedAt: '2027-03-01T08:15:00-07:00',
        completedSets: 3,
        pain: 2,
        difficulty: 3,
      },
    ],
  },
  activityPage: {
    items: [{ clientId: '7b0e3f0c-3c1a-4f8e-9a55-9f3c2b1d0e11', exerciseId: 'quad-sets', programVersion: 1, completedAt: '2027-03-01T08:15:00-07:00', completedSets: 3 }],
    nextCursor: null,
  },
  surveyInvitation: {
    id: 'inv_5tY8uI1oP4aS7dF0gH3jKl',
    status: 'open',
    expiresAt: '2027-03-31T16:00:00.000Z',
    definition: demoSurvey,
    partialAnswers: { nps: 9 },
    practiceName: demoPractice.name,
    reviewLinks: demoPractice.reviewLinks ?? [],
  },
  partialAnswers: { nps: 9, why: null },
  submitSurveyRequest: { answers: { nps: 9, why: 'Friendly, clear explanations.' } },
  surveyResponse: { id: 'sresp_9kL2mN5pQ8rS1tU4vW7xYz', invitationId: 'inv_5tY8uI1oP4aS7dF0gH3jKl', submittedAt: '2027-03-01T16:30:00.000Z', npsScore: 9 },
  feedbackRequest: { message: 'The parking was hard to find.' },
  problem: {
    type: 'urn:pxm:error:slot_unavailable',
    title: 'Slot unavailable',
    status: 409,
    detail: 'This time is no longer available.',
    code: 'slot_unavailable',
    retryable: false,
    operation: 'booking.holdSlot',
    requestId: '0b6f4c2e-1d3a-4e5f-8a9b-0c1d2e3f4a5b',
  },
  validationProblem: {
    type: 'urn:pxm:error:validation',
    title: 'Invalid request',
    status: 400,
    detail: 'Invalid request for booking.book.',
    code: 'validation',
    retryable: false,
    operation: 'booking.book',
    issues: [{ path: 'patient.email', message: 'Invalid email address' }],
    requestId: '0b6f4c2e-1d3a-4e5f-8a9b-0c1d2e3f4a5c',
  },
  progressView: {
    episode: {
      id: 'episode_Vq3t9XcKz1mPa8Ls',
      title: 'Right knee after replacement surgery',
      status: 'active',
      startedAt: '2027-01-18T10:00:00-07:00',
      timeZone: 'America/Denver',
      practiceName: 'Cedar Ridge Physical Therapy',
      practicePhone: '+1 303-555-0142',
      therapistName: 'Ana Rivera, PT, DPT',
    },
    goals: [ratedGoal],
    measures: [
      {
        instrumentId: 'lefs',
        title: 'Lower Extremity Functional Scale (LEFS)',
        range: { min: 0, max: 80 },
        higherIsBetter: true,
        mcid: 9,
        results: [
          { id: 'result_a1', instrumentId: 'lefs', score: 32, takenAt: '2027-01-18T10:30:00-07:00', source: 'clinic' },
          { id: 'result_a2', instrumentId: 'lefs', score: 47, takenAt: '2027-02-13T19:00:00-07:00', source: 'intake' },
        ],
      },
    ],
    due: [{ instrumentId: 'lefs', reason: 'interval-days', dueAt: '2027-02-27T07:00:00.000Z', formToken: 'Q2v8b3Xk1Lm9Zp4Rt6Yw0Hc5Nd7Fg2Js8Ka1Ue3Wo' }],
    adherence: { percent: 78, since: '2027-01-18T07:00:00.000Z' },
  },
  goalRatingInput: { clientId: '5b2f7c1e-8a4d-4f3b-9c6e-2d1a0b9f8e7d', goalId: 'goal-stairs', level: 0, note: 'Carried her halfway up.' },
  ratedGoal,
  unavailableProblem: {
    type: 'urn:pxm:error:server',
    title: 'Server error',
    status: 503,
    detail: 'The database is unavailable. Try again shortly.',
    code: 'server',
    retryable: true,
    requestId: '0b6f4c2e-1d3a-4e5f-8a9b-0c1d2e3f4a5d',
  },
} as const;
