/** `@pxm/adapter-fhir/progress`: the progress area (EpisodeOfCare, its Goals and outcome Observations). */
import { CONTRACT_METHODS, lazyCapability, type ProgressApi } from '@pxm/core';
import type { FhirArea } from '../compose.js';

export const fhirProgress: FhirArea<'progress'> = {
  capability: 'progress',
  create: (context) =>
    lazyCapability<ProgressApi>('progress', async () => (await import('./fhir-progress.js')).createFhirProgress(context), CONTRACT_METHODS.progress),
};
