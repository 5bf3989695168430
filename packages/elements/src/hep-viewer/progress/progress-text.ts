/** The Progress view's strings (in the viewer's namespace), loaded with it. */
import type { PartText } from '../hep-localize.js';
import { progressEn, type ProgressMessages } from './progress.messages.en.js';
import { progressEs } from './progress.messages.es.js';

export type ProgressText = PartText<ProgressMessages>;

export const progressStrings = { en: progressEn, es: progressEs };
