/** English strings of the Progress view (namespace `pxm-hep-viewer-progress`), loaded with it. */
const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

export const progressEn = {
  adherenceHeading: 'Sessions done as prescribed',
  last7Days: 'Last 7 days',
  last28Days: 'Last 28 days',
  wholeProgram: 'Whole program',
  sessionsOf: (done: number, due: number) => `${done} of ${due} sessions`,
  nothingDueYet: 'Nothing was due yet',
  streakDays: (n: number) => plural(n, '1 day', `${n} days`),
  streakHeading: 'Streak',
  bestStreak: (n: number) => plural(n, 'Best: 1 day', `Best: ${n} days`),
  streakExplained: 'Days in a row with everything done. Rest days do not break it.',
  painHeading: 'Pain',
  painDown: 'Pain is easing compared with the week before.',
  painUp: 'Pain is higher than the week before. Tell your therapist.',
  painSteady: 'Pain is about the same as the week before.',
  painUnknown: 'Rate your pain after exercises to see how it changes.',
  painAverage: (average: string) => `Average this week: ${average} out of 10`,
  weeklyChart: 'Sessions done each week',
  painChart: 'Average pain each day, last 28 days (0 to 10)',
  showTable: 'Show as a table',
  showChart: 'Show as a chart',
  columnWeek: 'Week of',
  columnDone: 'Done',
  columnDue: 'Due',
  columnPercent: 'Done as prescribed',
  columnDate: 'Date',
  columnAverage: 'Average pain',
  columnHighest: 'Highest',
};

export type ProgressMessages = typeof progressEn;
