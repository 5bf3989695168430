/** `@pxm/adapter-fhir/intake`: the intake area (Questionnaire, QuestionnaireResponse, Consent, outcome Observations). */
import type { FhirArea } from '../compose.js';
import { createFhirIntake } from './fhir-intake.js';

export const fhirIntake: FhirArea<'intake'> = { capability: 'intake', create: (context) => createFhirIntake(context) };
