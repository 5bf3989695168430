/**
 * Demo satisfaction survey: what Cedar Ridge sends a patient after discharge from physical
 * therapy. Invitation tokens cover every state the survey element shows.
 */
import type { SurveyDefinition } from '../schemas/survey.js';

export const DEMO_SURVEY_TOKENS = {
  open: 'demo-survey-open',
  /** Open, with answers saved earlier: the survey resumes where the patient left off. */
  resume: 'demo-survey-resume',
  answered: 'demo-survey-answered',
  expired: 'demo-survey-expired',
  /** Never issued: the element shows its "link not valid" state. */
  invalid: 'demo-survey-invalid',
} as const;

export const demoSurvey: SurveyDefinition = {
  id: 'post-discharge',
  version: '2',
  title: 'How was your care at Cedar Ridge?',
  intro: 'You recently finished physical therapy with us. Three minutes of your time helps us care for the next patient. Only the question about recommending us is required.',
  questions: [
    {
      id: 'nps',
      type: 'nps',
      prompt: 'How likely are you to recommend Cedar Ridge Physical Therapy to a friend or family member?',
      required: true,
    },
    {
      id: 'why',
      type: 'text',
      maxLength: 1000,
      prompt: {
        default: 'What is the main reason for your score?',
        detractor: 'We are sorry we fell short. What should we have done better?',
        passive: 'What would have made your care excellent?',
        promoter: 'We are glad! What did you value most?',
      },
    },
    {
      id: 'therapist',
      type: 'csat',
      prompt: 'How satisfied are you with the care from your physical therapist?',
    },
    {
      id: 'goals',
      type: 'single-choice',
      prompt: 'Did you reach the goals you set at your first visit?',
      options: [
        { value: 'fully', label: 'Yes, fully' },
        { value: 'partly', label: 'Partly' },
        { value: 'not-yet', label: 'Not yet' },
      ],
    },
    {
      id: 'helped',
      type: 'multiple-choice',
      prompt: 'What helped you most? Choose any that apply.',
      options: [
        { value: 'hands-on', label: 'Hands-on treatment' },
        { value: 'home-program', label: 'My home exercise program' },
        { value: 'explanations', label: 'Clear explanations of my condition' },
        { value: 'scheduling', label: 'Easy scheduling' },
        { value: 'front-desk', label: 'Friendly front desk' },
      ],
    },
    {
      id: 'comments',
      type: 'text',
      prompt: 'Anything else you would like us to know?',
      help: 'Your answers go to the clinic team only.',
    },
  ],
  thankYou: {
    default: 'Your answers help us care for the next patient.',
    detractor: 'We are sorry your care fell short. The clinic director reads every answer like yours.',
    passive: 'We will use your ideas to make care better.',
    promoter: 'We are so glad your care went well, and we will pass your kind words to the team.',
  },
  reviewPrompt: {
    default: 'Would you share your experience publicly? Whatever it was, an honest review helps other patients.',
    detractor: 'You are welcome to share your experience publicly too, in your own words.',
    promoter: 'Would you share your experience publicly? An honest review in your own words helps other patients.',
  },
};

/** Answers saved before the patient left, for the `resume` token. */
export const demoSurveyPartialAnswers = { nps: 8, therapist: 4 };

const slider = (min: number, max: number) => [
  {
    url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
    valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'slider' }] },
  },
  { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: min },
  { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: max },
];

/**
 * The same post-discharge survey as a FHIR R4 Questionnaire, the way an EHR would hold it: the
 * NPS as a 0-10 slider, one follow-up per segment through `enableWhen`, CSAT as a 1-5 slider.
 * `surveyFromQuestionnaire` turns it into a survey definition.
 */
export const demoSurveyQuestionnaire = {
  resourceType: 'Questionnaire',
  id: 'post-discharge-fhir',
  url: 'https://cedarridge.example/fhir/Questionnaire/post-discharge',
  version: '2',
  status: 'active',
  title: 'How was your care at Cedar Ridge?',
  description: 'You recently finished physical therapy with us. Three minutes of your time helps us care for the next patient.',
  item: [
    {
      linkId: 'nps',
      type: 'integer',
      required: true,
      text: 'How likely are you to recommend Cedar Ridge Physical Therapy to a friend or family member?',
      extension: slider(0, 10),
    },
    {
      linkId: 'why-detractor',
      type: 'text',
      text: 'We are sorry we fell short. What should we have done better?',
      enableWhen: [{ question: 'nps', operator: '<=', answerInteger: 6 }],
    },
    {
      linkId: 'why-passive',
      type: 'text',
      text: 'What would have made your care excellent?',
      enableBehavior: 'all',
      enableWhen: [
        { question: 'nps', operator: '>=', answerInteger: 7 },
        { question: 'nps', operator: '<=', answerInteger: 8 },
      ],
    },
    {
      linkId: 'why-promoter',
      type: 'text',
      text: 'We are glad! What did you value most?',
      enableWhen: [{ question: 'nps', operator: '>=', answerInteger: 9 }],
    },
    { linkId: 'therapist', type: 'integer', text: 'How satisfied are you with the care from your physical therapist?', extension: slider(1, 5) },
    {
      linkId: 'goals',
      type: 'choice',
      text: 'Did you reach the goals you set at your first visit?',
      answerOption: [
        { valueCoding: { code: 'fully', display: 'Yes, fully' } },
        { valueCoding: { code: 'partly', display: 'Partly' } },
        { valueCoding: { code: 'not-yet', display: 'Not yet' } },
      ],
    },
  ],
} as const;
