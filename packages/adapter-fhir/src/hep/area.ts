/** `@pxm/adapter-fhir/hep`: the home exercise program area (CarePlan and its activity Observations). */
import type { FhirArea } from '../compose.js';
import { createFhirHep } from './fhir-hep.js';

export const fhirHep: FhirArea<'hep'> = { capability: 'hep', create: (context) => createFhirHep(context) };
