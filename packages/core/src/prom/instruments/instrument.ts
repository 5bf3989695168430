import type { FormItem } from '../../schemas/intake.js';
import type { ScoringRule } from '../scoring-rule.js';

/** A ready outcome measure: the items to place in a form, and the rule that scores them. */
export interface PromInstrument {
  id: string;
  /** A section holding the instrument's instructions and items. */
  section: Extract<FormItem, { type: 'section' }>;
  scoring: ScoringRule;
  /** Where the items and the scoring rule come from, and the terms of use. */
  source: string;
}

export interface InstrumentOptions {
  /** Prefix of every item id (default: the instrument id), so two copies can share a form. */
  idPrefix?: string;
}
