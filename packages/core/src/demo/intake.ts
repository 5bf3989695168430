/**
 * Demo intake forms, opened by fixed demo tokens: the new-patient intake of Cedar Ridge Physical
 * Therapy (demographics, insurance, medical history, the current complaint, NPRS and LEFS,
 * consent and signature) and a progress check with prior scores for change from baseline.
 */
import { lefsInstrument } from '../prom/instruments/lefs.js';
import { nprsInstrument } from '../prom/instruments/nprs.js';
import { psfsInstrument } from '../prom/instruments/psfs.js';
import type { FormDefinition, FormItem, PromScore } from '../schemas/intake.js';

export const DEMO_INTAKE_TOKEN = 'demo-intake-new-patient';
export const DEMO_INTAKE_REASSESSMENT_TOKEN = 'demo-intake-progress-check';

const nprs = nprsInstrument();
const lefs = lefsInstrument();
const psfs = psfsInstrument();

const LOWER_LIMB = ['hip', 'knee', 'ankle-foot'];
const lowerLimbProblem = { any: LOWER_LIMB.map((value) => ({ item: 'bodyArea', op: 'equals' as const, value })) };

const CONSENT_TEXT = [
  'I request and consent to physical therapy evaluation and treatment by the licensed clinicians of Cedar Ridge Physical Therapy. Treatment may include exercise, manual therapy, education and the use of heat, cold or electrical stimulation. My therapist will explain each part of my care, and I may ask questions or decline any part of it at any time.',
  'Benefits of physical therapy can include less pain and better movement, strength and function. Risks can include temporary soreness, fatigue, or, rarely, injury. No results are guaranteed.',
  'I authorize Cedar Ridge Physical Therapy to use and share my health information for treatment, payment and health care operations as described in its Notice of Privacy Practices, and to bill my insurer for the services I receive. I understand I am responsible for any amount my insurance does not pay.',
  'This consent stays in effect until I withdraw it in writing or my care with the practice ends.',
].join('\n\n');

const ELECTRONIC_RECORDS_DISCLOSURE = [
  'You are agreeing to receive and sign these documents electronically. Your electronic signature has the same legal effect as a handwritten one.',
  'Paper copies: you may ask for a paper copy of anything you sign here, at no charge, at the front desk or by calling (303) 555-0142.',
  'Withdrawing: you may withdraw your agreement to use electronic records at any time by telling the front desk; we will then use paper forms. Withdrawing does not undo documents already signed.',
  'What it covers: this agreement covers the intake forms and consents for this episode of care.',
  'What you need: a device with a current web browser. You can save or print a copy of the signed consent from the confirmation, or ask us to email it to you.',
].join('\n\n');

const conditionOptions = [
  ['diabetes', 'Diabetes'],
  ['heart-disease', 'Heart disease'],
  ['high-blood-pressure', 'High blood pressure'],
  ['cancer', 'Cancer (now or in the past)'],
  ['osteoporosis', 'Osteoporosis'],
  ['arthritis', 'Arthritis'],
  ['pacemaker', 'Pacemaker or other implanted device'],
  ['stroke', 'Stroke'],
  ['lung-disease', 'Asthma or lung disease'],
].map(([value, label]) => ({ value: value!, label: label! }));

const bodyAreas = [
  ['neck', 'Neck'],
  ['shoulder', 'Shoulder'],
  ['elbow-wrist-hand', 'Elbow, wrist or hand'],
  ['upper-back', 'Upper back'],
  ['lower-back', 'Lower back'],
  ['hip', 'Hip'],
  ['knee', 'Knee'],
  ['ankle-foot', 'Ankle or foot'],
  ['other', 'Somewhere else'],
].map(([value, label]) => ({ value: value!, label: label! }));

const emergencyContact: FormItem = {
  id: 'emergencyContact',
  type: 'section',
  title: 'Emergency contact',
  items: [
    { id: 'emergencyName', type: 'text', label: 'Name', required: true, maxLength: 200 },
    { id: 'emergencyRelationship', type: 'text', label: 'Relationship to you', maxLength: 100 },
    { id: 'emergencyPhone', type: 'phone', label: 'Phone', required: true },
  ],
};

export const demoIntakeForm: FormDefinition = {
  id: 'new-patient-intake',
  version: '3',
  title: 'New patient intake',
  description: 'Please complete this before your first visit. It takes about 15 minutes, and your answers are saved as you go.',
  nextSteps:
    'Your therapist will review your answers before your first visit. Please arrive 10 minutes early, bring a photo ID, and wear comfortable clothes that let us see and move the area that hurts.',
  nextStepsWhen: [
    {
      when: { any: [{ item: 'payment', op: 'equals', value: 'insurance' }, { item: 'payment', op: 'equals', value: 'medicare' }] },
      text: 'Please also bring your insurance card.',
    },
  ],
  pages: [
    {
      id: 'about-you',
      title: 'About you',
      items: [
        { id: 'firstName', type: 'text', label: 'First name', required: true, autocomplete: 'given-name', maxLength: 100 },
        { id: 'lastName', type: 'text', label: 'Last name', required: true, autocomplete: 'family-name', maxLength: 100 },
        { id: 'preferredName', type: 'text', label: 'Name you would like us to use', autocomplete: 'nickname', maxLength: 100 },
        { id: 'dateOfBirth', type: 'date', label: 'Date of birth', required: true, autocomplete: 'bday', min: '1900-01-01', max: 'today' },
        {
          id: 'sex',
          type: 'single-choice',
          label: 'Sex assigned at birth',
          help: 'Some tests and treatments depend on it.',
          display: 'dropdown',
          options: [
            { value: 'female', label: 'Female' },
            { value: 'male', label: 'Male' },
            { value: 'intersex', label: 'Intersex' },
            { value: 'unknown', label: 'Prefer not to say' },
          ],
        },
        { id: 'phone', type: 'phone', label: 'Mobile phone', required: true, autocomplete: 'tel' },
        { id: 'email', type: 'email', label: 'Email', autocomplete: 'email' },
        { id: 'homeAddress', type: 'address', label: 'Home address', required: true },
        emergencyContact,
      ],
    },
    {
      id: 'insurance',
      title: 'Insurance',
      items: [
        {
          id: 'payment',
          type: 'single-choice',
          label: 'How will you pay for your care?',
          required: true,
          display: 'radio',
          options: [
            { value: 'insurance', label: 'Health insurance' },
            { value: 'medicare', label: 'Medicare' },
            { value: 'workers-comp', label: "Workers' compensation" },
            { value: 'auto', label: 'Auto accident claim' },
            { value: 'self-pay', label: 'I will pay myself' },
          ],
        },
        {
          id: 'coverage',
          type: 'section',
          title: 'Your insurance',
          visibleWhen: { any: [{ item: 'payment', op: 'equals', value: 'insurance' }, { item: 'payment', op: 'equals', value: 'medicare' }] },
          items: [
            { id: 'insurer', type: 'text', label: 'Insurance company', required: true, maxLength: 200 },
            { id: 'memberId', type: 'text', label: 'Member ID', required: true, maxLength: 50, help: 'Printed on the front of your card.', autocomplete: 'off' },
            { id: 'groupNumber', type: 'text', label: 'Group number', maxLength: 50, autocomplete: 'off' },
            { id: 'subscriberIsPatient', type: 'yes-no', label: 'Are you the main policy holder?', required: true },
            { id: 'subscriberName', type: 'text', label: 'Policy holder’s full name', required: true, maxLength: 200, visibleWhen: { item: 'subscriberIsPatient', op: 'equals', value: false } },
            { id: 'subscriberDateOfBirth', type: 'date', label: 'Policy holder’s date of birth', required: true, max: 'today', visibleWhen: { item: 'subscriberIsPatient', op: 'equals', value: false } },
            { id: 'insuranceCard', type: 'insurance-card', label: 'Photos of your insurance card', help: 'Take a photo of each side, or choose existing photos. They are shrunk on your device before upload.', required: true },
          ],
        },
        {
          id: 'claimNumber',
          type: 'text',
          label: 'Claim number',
          maxLength: 50,
          autocomplete: 'off',
          visibleWhen: { any: [{ item: 'payment', op: 'equals', value: 'workers-comp' }, { item: 'payment', op: 'equals', value: 'auto' }] },
        },
        { id: 'employer', type: 'text', label: 'Employer', required: true, maxLength: 200, visibleWhen: { item: 'payment', op: 'equals', value: 'workers-comp' } },
        { id: 'selfPayNote', type: 'display', text: 'We will give you our self-pay rates at your first visit.', visibleWhen: { item: 'payment', op: 'equals', value: 'self-pay' } },
      ],
    },
    {
      id: 'medical-history',
      title: 'Medical history',
      items: [
        { id: 'conditions', type: 'multiple-choice', label: 'Do you have, or have you had, any of these?', help: 'Choose all that apply, or none.', options: conditionOptions },
        { id: 'pregnant', type: 'yes-no', label: 'Are you pregnant, or could you be?', visibleWhen: { any: [{ item: 'sex', op: 'notExists' }, { item: 'sex', op: 'notEquals', value: 'male' }] } },
        { id: 'takesMedications', type: 'yes-no', label: 'Do you take any medications?', required: true },
        {
          id: 'medications',
          type: 'group',
          label: 'Medication',
          addLabel: 'Add another medication',
          minInstances: 1,
          maxInstances: 20,
          required: true,
          visibleWhen: { item: 'takesMedications', op: 'equals', value: true },
          items: [
            { id: 'medicationName', type: 'text', label: 'Name', required: true, maxLength: 200 },
            { id: 'medicationDose', type: 'text', label: 'Dose', help: 'For example 200 mg.', maxLength: 100 },
            {
              id: 'medicationFrequency',
              type: 'single-choice',
              label: 'How often',
              display: 'dropdown',
              options: [
                { value: 'daily', label: 'Once a day' },
                { value: 'twice-daily', label: 'Twice a day' },
                { value: 'three-times-daily', label: 'Three times a day or more' },
                { value: 'weekly', label: 'Weekly' },
                { value: 'as-needed', label: 'Only when needed' },
              ],
            },
          ],
        },
        { id: 'allergies', type: 'long-text', label: 'Allergies (medicines, latex, adhesive tape…)', maxLength: 1000 },
        { id: 'fell', type: 'yes-no', label: 'Have you fallen in the past 12 months?', required: true },
        { id: 'falls', type: 'number', label: 'How many times?', min: 1, max: 100, step: 1, required: true, visibleWhen: { item: 'fell', op: 'equals', value: true } },
      ],
    },
    {
      id: 'complaint',
      title: 'Why you are coming in',
      items: [
        { id: 'mainComplaint', type: 'long-text', label: 'What brings you to physical therapy?', required: true, maxLength: 2000 },
        { id: 'bodyArea', type: 'single-choice', label: 'Where is the problem?', required: true, display: 'dropdown', options: bodyAreas },
        { id: 'onsetDate', type: 'date', label: 'When did it start?', max: 'today' },
        {
          id: 'cause',
          type: 'single-choice',
          label: 'How did it start?',
          display: 'radio',
          options: [
            { value: 'injury', label: 'An injury or accident' },
            { value: 'surgery', label: 'After surgery' },
            { value: 'gradual', label: 'Gradually, over time' },
            { value: 'unknown', label: 'I am not sure' },
          ],
        },
        { id: 'hadSurgery', type: 'yes-no', label: 'Have you had surgery for this problem?', required: true },
        { id: 'surgeryDate', type: 'date', label: 'Date of surgery', required: true, max: 'today', visibleWhen: { item: 'hadSurgery', op: 'equals', value: true } },
        { id: 'goals', type: 'long-text', label: 'What would you like to be able to do again?', maxLength: 1000 },
      ],
    },
    {
      id: 'pain',
      title: 'Your pain',
      description: 'These questions help your therapist measure your progress over time.',
      items: [
        nprs.section,
        {
          id: 'painPattern',
          type: 'multiple-choice',
          label: 'When is the pain worse?',
          options: [
            { value: 'morning', label: 'In the morning' },
            { value: 'evening', label: 'In the evening' },
            { value: 'night', label: 'At night, or it wakes me up' },
            { value: 'activity', label: 'With activity' },
            { value: 'rest', label: 'At rest' },
          ],
        },
        {
          id: 'nightPainNote',
          type: 'display',
          text: 'Pain that wakes you at night is something your therapist will ask about at your first visit.',
          visibleWhen: { item: 'painPattern', op: 'equals', value: 'night' },
        },
      ],
    },
    {
      id: 'function',
      title: 'Daily activities',
      description: 'This questionnaire (the Lower Extremity Functional Scale) shows how your leg problem affects daily life.',
      visibleWhen: lowerLimbProblem,
      items: [lefs.section],
    },
    {
      id: 'consent',
      title: 'Consent and signature',
      items: [
        {
          id: 'treatmentConsent',
          type: 'consent',
          consentId: 'treatment-and-billing',
          version: '2027-01',
          title: 'Consent to evaluation, treatment and billing',
          text: CONSENT_TEXT,
          disclosure: ELECTRONIC_RECORDS_DISCLOSURE,
          required: true,
        },
        { id: 'signature', type: 'signature', label: 'Your signature', consentItemId: 'treatmentConsent', required: true },
        {
          id: 'reminders',
          type: 'multiple-choice',
          label: 'How may we send you appointment reminders?',
          options: [
            { value: 'sms', label: 'Text message' },
            { value: 'email', label: 'Email' },
          ],
        },
      ],
    },
  ],
  scoring: [nprs.scoring, lefs.scoring],
};

/** A shorter form for a returning patient, with scores on record to compare against. */
export const demoReassessmentForm: FormDefinition = {
  id: 'progress-check',
  version: '1',
  title: 'Progress check',
  description: 'A few questions to see how you are doing since you started therapy.',
  nextSteps: 'Your therapist will go over your progress with you at your next visit.',
  pages: [
    { id: 'pain', title: 'Pain', items: [nprs.section] },
    { id: 'function', title: 'Function', items: [lefs.section] },
    { id: 'activities', title: 'Your activities', items: [psfs.section] },
  ],
  scoring: [nprs.scoring, lefs.scoring, psfs.scoring],
};

/** Scores from the first visit, four weeks before `now`. */
export function demoPriorScores(now: Date): PromScore[] {
  const recordedAt = new Date(now.getTime() - 28 * 86_400_000).toISOString();
  return [
    { instrument: 'nprs', score: 7, recordedAt },
    { instrument: 'lefs', score: 38, recordedAt },
    { instrument: 'psfs', score: 3.3, recordedAt },
  ];
}
