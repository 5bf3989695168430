/** `@pxm/adapter-fhir/progress`: the progress area (EpisodeOfCare, its Goals and outcome Observations). */
import type { FhirArea } from '../compose.js';
import { createFhirProgress } from './fhir-progress.js';

export const fhirProgress: FhirArea<'progress'> = { capability: 'progress', create: (context) => createFhirProgress(context) };
