/**
 * `@pxm/adapter-fhir/compose`: a FHIR adapter with only the capabilities a page uses. Each area
 * (`@pxm/adapter-fhir/booking`, `/intake`, `/hep`, `/survey`, `/progress`) is its own entry point
 * holding its mapping code, so a page's bundle holds the code of the areas it names and nothing of
 * the others; the elements call their area as they open, so it is there with them, not one more
 * download later. `createFhirAdapter` from `@pxm/adapter-fhir` offers them all, each loading on
 * its first call.
 *
 * ```ts
 * import { composeFhirAdapter } from '@pxm/adapter-fhir/compose';
 * import { fhirBooking } from '@pxm/adapter-fhir/booking';
 * import { fhirIntake } from '@pxm/adapter-fhir/intake';
 * const adapter = composeFhirAdapter({ baseUrl, practice: { organization } }, [fhirBooking, fhirIntake]);
 * ```
 */
import type { Capability, CapabilityApi, PxmAdapter } from '@pxm/core';
import { fhirContext, type FhirAdapterOptions } from './adapter-options.js';
import type { FhirContext } from './context.js';

export interface FhirAdapter extends PxmAdapter {
  readonly name: 'fhir';
}

/** One capability of the FHIR adapter: what `composeFhirAdapter` builds it from. */
export interface FhirArea<C extends Capability = Capability> {
  readonly capability: C;
  /** The capability's API (its code loads on first call), or nothing when the options leave it out. */
  create(context: FhirContext, options: FhirAdapterOptions): CapabilityApi[C] | undefined;
}

/** A FHIR adapter offering the given areas, all sharing one client (one token, one capability read). */
export function composeFhirAdapter(options: FhirAdapterOptions, areas: readonly FhirArea[]): FhirAdapter {
  const context = fhirContext(options);
  const capabilities: { -readonly [C in Capability]?: CapabilityApi[C] } = {};
  for (const area of areas) {
    const api = area.create(context, options);
    if (api) Object.assign(capabilities, { [area.capability]: api });
  }
  return { name: 'fhir', ...capabilities };
}

export type { FhirAdapterOptions } from './adapter-options.js';
export type { FhirContext, PracticeScope } from './context.js';
export type { FhirAuth } from './http/auth.js';
