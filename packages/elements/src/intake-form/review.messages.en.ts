/** Strings of the review page and the scores (namespace `pxm-intake-form-review`). */
export const reviewEn = {
  intro: 'Check your answers before you send them. Choose “Change” to go back to a page; nothing you entered is lost.',
  change: 'Change',
  notAnswered: 'Not answered',
  pageIncomplete: 'Some required answers are missing on this page.',
  yes: 'Yes',
  no: 'No',
  agreed: (version: string) => `Agreed (version ${version})`,
  notAgreed: 'Not agreed',
  signedBy: (name: string, when: string) => `Signed by ${name} on ${when}`,
  photoOnFile: (side: string) => `${side}: photo uploaded`,
  front: 'Front',
  back: 'Back',
  entry: (label: string, number: number) => `${label} ${number}`,
  defaultEntry: 'Entry',
  of: (score: string, max: string) => `${score} of ${max}`,
  scoresTitle: 'Your scores',
  higherBetter: 'Higher is better.',
  higherWorse: 'Lower is better.',
  notScored: 'Not scored: some answers are missing or incomplete.',
  change_since: (change: string, date: string) => `${change} since ${date}`,
  betterMeaningful: 'A meaningful improvement.',
  worseMeaningful: 'A meaningful change for the worse; your therapist will talk it over with you.',
  smallChange: (mcid: string) => `Smaller than the ${mcid}-point change usually considered meaningful.`,
  noChange: 'No change.',
};

export type ReviewMessages = typeof reviewEn;
