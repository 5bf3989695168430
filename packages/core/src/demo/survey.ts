/** Demo satisfaction survey, with an invitation token in each state. */
import type { SurveyDefinition } from '../schemas/survey.js';

export const DEMO_SURVEY_TOKENS = {
  open: 'demo-survey-open',
  answered: 'demo-survey-answered',
  expired: 'demo-survey-expired',
} as const;

export const demoSurvey: SurveyDefinition = {
  id: 'post-discharge',
  version: '1',
  title: 'How was your care at Cedar Ridge?',
  questions: [
    { id: 'nps', type: 'nps', prompt: 'How likely are you to recommend Cedar Ridge Physical Therapy to a friend or family member?', required: true },
    {
      id: 'why',
      type: 'text',
      maxLength: 1000,
      prompt: {
        default: 'What is the main reason for your score?',
        detractor: 'We are sorry to hear that. What should we have done better?',
        passive: 'What would have made your care excellent?',
        promoter: 'We are glad! What did you value most?',
      },
    },
  ],
};
