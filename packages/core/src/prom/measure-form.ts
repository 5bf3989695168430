/**
 * A form holding one outcome measure and nothing else: what a patient opens from "Take it now"
 * when the measure is due again.
 */
import type { FormDefinition } from '../schemas/intake.js';
import type { PromInstrument } from './instruments/instrument.js';

export function measureFormDefinition(instrument: PromInstrument, formId: string): FormDefinition {
  const title = instrument.scoring.label;
  return {
    id: formId,
    version: instrument.scoring.algorithm ?? '1',
    title,
    pages: [{ id: 'measure', title, items: [instrument.section] }],
    scoring: [instrument.scoring],
  };
}
