/** English strings of the rating form and pain guidance, loaded with it (same namespace as the viewer's). */

export const ratingEn = {
  rateHeading: 'How did that feel?',
  painLegend: 'Pain during the exercise',
  painHint: '0 is no pain, 10 is the worst pain you can imagine.',
  painNone: 'No pain',
  painWorst: 'Worst pain',
  difficultyLegend: 'How hard was it?',
  difficulty1: 'Very easy',
  difficulty2: 'Easy',
  difficulty3: 'Just right',
  difficulty4: 'Hard',
  difficulty5: 'Very hard',
  saveRating: 'Save',
  skipRating: 'Not now',
  ratingEmpty: 'Choose a pain level or how hard it was, or select Not now.',
  painAlertTitle: (pain: number) => `Pain ${pain} out of 10 is high`,
  painAlertDefault: 'Stop this exercise for today. If the pain does not settle, contact the clinic.',
  callPractice: (name: string) => `Call ${name}`,
  callClinic: 'Call the clinic',
  dismiss: 'Dismiss',
};

export type RatingMessages = typeof ratingEn;
