/**
 * The shipped instruments by id, so a backend that schedules a measure by its id (`lefs`,
 * `koos-jr`) can build the form that takes it and describe its series.
 */
import { hoosJrInstrument } from './hoos-jr.js';
import type { PromInstrument } from './instrument.js';
import { koosJrInstrument } from './koos-jr.js';
import { lefsInstrument } from './lefs.js';
import { nprs24hInstrument } from './nprs-24h.js';
import { nprsInstrument } from './nprs.js';
import { psfsInstrument } from './psfs.js';

const FACTORIES: Readonly<Record<string, () => PromInstrument>> = {
  nprs: nprsInstrument,
  'nprs-24h': nprs24hInstrument,
  psfs: psfsInstrument,
  lefs: lefsInstrument,
  'koos-jr': koosJrInstrument,
  'hoos-jr': hoosJrInstrument,
};

export const SHIPPED_INSTRUMENT_IDS: readonly string[] = Object.keys(FACTORIES);

/** A shipped instrument with its default item ids, or undefined for an id the project does not ship. */
export function shippedInstrument(id: string): PromInstrument | undefined {
  return Object.hasOwn(FACTORIES, id) ? FACTORIES[id]!() : undefined;
}
