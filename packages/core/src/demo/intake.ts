/** Demo intake forms, opened by fixed demo tokens. */
import type { FormDefinition } from '../schemas/intake.js';

export const DEMO_INTAKE_TOKEN = 'demo-intake-new-patient';

export const demoIntakeForm: FormDefinition = {
  id: 'new-patient-intake',
  version: '1',
  title: 'New patient intake',
  pages: [
    {
      id: 'about-you',
      title: 'About you',
      items: [
        { id: 'firstName', type: 'text', label: 'First name', required: true, autocomplete: 'given-name' },
        { id: 'lastName', type: 'text', label: 'Last name', required: true, autocomplete: 'family-name' },
        { id: 'dateOfBirth', type: 'date', label: 'Date of birth', required: true, autocomplete: 'bday' },
        { id: 'phone', type: 'phone', label: 'Mobile phone', required: true, autocomplete: 'tel' },
      ],
    },
    {
      id: 'complaint',
      title: 'Why you are coming in',
      items: [
        { id: 'mainComplaint', type: 'long-text', label: 'What brings you to physical therapy?', required: true, maxLength: 2000 },
        { id: 'hadSurgery', type: 'yes-no', label: 'Have you had surgery for this problem?', required: true },
        {
          id: 'surgeryDate',
          type: 'date',
          label: 'Date of surgery',
          required: true,
          visibleWhen: { item: 'hadSurgery', op: 'equals', value: true },
        },
      ],
    },
  ],
};
