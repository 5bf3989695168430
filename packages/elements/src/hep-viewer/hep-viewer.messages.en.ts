/** English strings of `<pxm-hep-viewer>`, the catalogue every other language follows. */
const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);
const timesADay = (n: number) => (n === 1 ? 'Once a day' : n === 2 ? 'Twice a day' : `${n} times a day`);

export const hepViewerEn = {
  loading: 'Loading your exercise program…',
  updatedOn: (date: string) => `Updated on ${date}`,
  startedOn: (date: string) => `Started on ${date}`,
  version: (n: number) => `version ${n}`,
  fromPractice: (name: string) => `From ${name}`,

  // Views
  views: 'Program views',
  tabToday: 'Today',
  tabProgram: 'All exercises',
  tabProgress: 'Progress',

  // Today
  doneCount: (done: number, total: number) => `${done} of ${total} done today`,
  allDone: 'All done for today. Well done!',
  restDay: 'Nothing is due today. Enjoy the rest.',
  nextDue: (date: string) => `Your next exercises are on ${date}.`,
  notStarted: (date: string) => `Your program starts on ${date}. Here is what it includes.`,
  ended: (date: string) => `This program ended on ${date}. Ask the clinic if you should keep going.`,
  notDueCount: (n: number) => plural(n, '1 more exercise is not due today.', `${n} more exercises are not due today.`),
  seeAll: 'See all exercises',
  noExercises: 'Your program has no exercises yet. Your therapist will add them, so check back after your next visit.',
  streak: (n: number) => plural(n, '1-day streak', `${n}-day streak`),

  // Exercise card
  labelSets: 'Sets',
  labelReps: 'Reps',
  labelHold: 'Hold',
  labelFrequency: 'How often',
  labelSide: 'Side',
  labelLoad: 'Load',
  labelEquipment: 'Equipment',
  sets: (n: number) => plural(n, '1 set', `${n} sets`),
  reps: (n: number) => plural(n, '1 rep', `${n} reps`),
  holdSeconds: (n: number) => plural(n, '1 second', `${n} seconds`),
  holdMinutes: (n: number) => plural(n, '1 minute', `${n} minutes`),
  frequencyDaily: (times: number) => timesADay(times),
  frequencyWeekdays: (times: number, days: string) => `${timesADay(times)}, on ${days}`,
  frequencyPerWeek: (times: number, days: number) => `${timesADay(times)}, ${days} days a week`,
  sideLeft: 'Left side',
  sideRight: 'Right side',
  sideBoth: 'Both sides',
  sideAlternating: 'Alternate sides',
  instructions: 'How to do it',
  note: 'Note from your therapist',
  sessionsToday: (done: number, total: number) => `${done} of ${total} today`,
  weekProgress: (done: number, total: number) => `${done} of ${total} this week`,
  doneForToday: 'Done for today',
  doneForWeek: 'Done for this week',
  done: 'Done',
  doneLabel: (name: string) => `Done: ${name}`,
  setDone: (n: number, total: number) => `Set ${n} of ${total} done`,
  setDoneLabel: (n: number, total: number, name: string) => `Set ${n} of ${total} done: ${name}`,
  undo: 'Undo',
  undoLabel: (name: string) => `Undo: ${name}`,
  loggedAt: (time: string) => `Logged at ${time}`,
  waitingToSync: 'Waiting to sync',
  notSaved: 'Not saved',
  announceLogged: (name: string) => `${name} logged. You can undo this for 10 seconds.`,
  announceSet: (name: string, n: number, total: number) => `${name}: set ${n} of ${total} logged.`,
  announceUndone: (name: string) => `${name}: log undone.`,

  // Rating
  ratingSaved: 'Thank you. Your rating is saved.',
  /** Shown on the card beside the time once a rating is stored. */
  ratingSavedMark: 'Rating saved',

  // Media
  videoLabel: (name: string) => `Video: ${name}`,
  speed: 'Speed',
  loop: 'Repeat',
  showVideo: 'Show the video',
  savingData: 'Pictures are shown to save data.',
  videoFailed: 'The video could not be played, so pictures are shown instead.',
  videoMissing: 'The video for this exercise is not available right now.',
  picture: (name: string, n: number, total: number) => (total === 1 ? name : `${name}, picture ${n} of ${total}`),

  // Sync
  syncSent: (n: number) => plural(n, 'Your log is saved.', `Your ${n} logs are saved.`),

  // Progress
  progressHeading: 'Your progress',
  historyUnavailable: 'Your earlier logs could not be loaded, so progress and today’s ticks may be incomplete.',
  ratingUnavailable: 'Your log is saved. The pain rating could not be loaded without a connection; it appears here once you are back online.',
  chartsFailed: 'The progress view could not be loaded.',

  // Actions
  actions: 'Program actions',
  print: 'Print',
  reminders: 'Add reminders to my calendar',
  reminderSummary: 'Exercise time',
  reminderDescription: 'Time for your home exercises. Open your program from the link the clinic sent you.',
  remindersNone: 'There is nothing left to remind you about in this program.',
  remindersReady: 'The calendar file is downloading. Open it to add the reminders.',

  // Print
  printedOn: (date: string) => `Printed on ${date}`,
  printTickHeading: 'Tick a box each time you do it',

  // States
  invalidTitle: 'This link does not work',
  expiredTitle: 'This link has expired',
  loadFailedTitle: 'Your program could not be loaded',
};

export type HepViewerMessages = typeof hepViewerEn;
