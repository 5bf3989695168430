/** `@pxm/adapter-fhir/hep`: the home exercise program area (CarePlan and its activity Observations). */
import { CONTRACT_METHODS, lazyCapability, type HepApi } from '@pxm/core';
import type { FhirArea } from '../compose.js';

export const fhirHep: FhirArea<'hep'> = {
  capability: 'hep',
  create: (context) =>
    lazyCapability<HepApi>('hep', async () => (await import('./fhir-hep.js')).createFhirHep(context), CONTRACT_METHODS.hep),
};
