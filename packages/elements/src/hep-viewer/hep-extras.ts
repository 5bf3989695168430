/**
 * The viewer's parts that arrive after the first paint for every program it shows, as one
 * download: the log sync (as soon as there is a token) and the paper copy (when the page is
 * idle), with the reminders (a small part: the "Remind me" button then answers at once, offline
 * too). Imported on demand from several places, separate modules would make a bundler write a file
 * each, each gzipped on its own; every importer names this one, so there is one. The rating form
 * stays apart: the card says so when only it cannot arrive.
 */
export { LogSync } from './log-sync.js';
export { picturesLoaded, renderPrintView, styles } from './print-view.js';
export { reminderIcs, requestReminders } from './reminders.js';
