/**
 * The areas of `createFhirAdapter`, each loading its mapping code on its first call. That adapter
 * offers every capability whatever the page uses, so a page with one element downloads only that
 * element's area. A page that composes its areas (`@pxm/adapter-fhir/compose`) names the ones its
 * elements call at once, so it bundles them: loading them on first call would only put one more
 * download between the element and its first data.
 */
import { CONTRACT_METHODS, lazyCapability, type Capability, type CapabilityApi, type CapabilityMethods } from '@pxm/core';
import { practiceScope, type FhirAdapterOptions } from './adapter-options.js';
import type { FhirArea } from './compose.js';

/**
 * `load` imports the area's mapping module itself, not its entry point: `@pxm/adapter-fhir`
 * re-exports the entry points, and a bundler keeps a module both re-exported and imported with
 * the page's first files (`pnpm size`, page `booking+fhir-every-area`, guards it).
 */
function deferred<C extends Capability>(
  capability: C,
  load: () => Promise<FhirArea<C>['create']>,
  methods: (options: FhirAdapterOptions) => CapabilityMethods<CapabilityApi[C]>,
  offered: (options: FhirAdapterOptions) => boolean = () => true,
): FhirArea<C> {
  return {
    capability,
    create: (context, options) =>
      offered(options)
        ? lazyCapability<CapabilityApi[C]>(capability, async () => (await load())(context, options)!, methods(options))
        : undefined,
  };
}

export const deferredFhirAreas: readonly FhirArea[] = [
  deferred(
    'booking',
    async () => {
      const { createFhirBooking } = await import('./booking/fhir-booking.js');
      return (context, options) => createFhirBooking(context, { eligibility: options.eligibility });
    },
    (options) => ({ ...CONTRACT_METHODS.booking, verifyEligibility: options.eligibility === true }),
    (options) => practiceScope(options) !== undefined,
  ),
  deferred('intake', async () => (await import('./intake/fhir-intake.js')).createFhirIntake, () => CONTRACT_METHODS.intake),
  deferred('hep', async () => (await import('./hep/fhir-hep.js')).createFhirHep, () => CONTRACT_METHODS.hep),
  deferred('survey', async () => (await import('./survey/fhir-survey.js')).createFhirSurvey, () => CONTRACT_METHODS.survey),
  deferred('progress', async () => (await import('./progress/fhir-progress.js')).createFhirProgress, () => CONTRACT_METHODS.progress),
];
