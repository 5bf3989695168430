/**
 * The viewer's parts that arrive after the first paint for every program it shows, as one
 * download: the log sync (as soon as there is a token) and the paper copy (when the page is
 * idle). Imported on demand from two places, two modules would make a bundler write two files,
 * each gzipped on its own; both importers name this one, so there is one. The rating form stays
 * apart: the card says so when only it cannot arrive.
 */
export { LogSync } from './log-sync.js';
export { picturesLoaded, renderPrintView, styles } from './print-view.js';
