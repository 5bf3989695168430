/** `@pxm/adapter-fhir/intake`: the intake area (Questionnaire, QuestionnaireResponse, Consent, outcome Observations). */
import { CONTRACT_METHODS, lazyCapability, type IntakeApi } from '@pxm/core';
import type { FhirArea } from '../compose.js';

export const fhirIntake: FhirArea<'intake'> = {
  capability: 'intake',
  create: (context) =>
    lazyCapability<IntakeApi>('intake', async () => (await import('./fhir-intake.js')).createFhirIntake(context), CONTRACT_METHODS.intake),
};
