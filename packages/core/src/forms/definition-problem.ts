/** A problem found in a form definition: what, where, and which item. */
import type { FormDefinition } from '../schemas/intake.js';

export type DefinitionProblemCode =
  | 'schema'
  | 'unknown_type'
  | 'duplicate_id'
  | 'unknown_reference'
  | 'unanswerable_reference'
  | 'scope_reference'
  | 'missing_value'
  | 'value_type'
  | 'unknown_option'
  | 'operator_type'
  | 'condition_cycle'
  | 'unknown_consent'
  | 'bad_range'
  | 'bad_pattern'
  | 'duplicate_option'
  | 'empty_container'
  | 'scoring';

export interface DefinitionProblem {
  code: DefinitionProblemCode;
  /** Dotted path into the definition, e.g. `pages.1.items.3.visibleWhen`. */
  path: string;
  /** The item (or page) the problem is about, when there is one. */
  itemId?: string;
  /** Every item (or page) the problem names, `itemId` first, when it names more than one (a cycle). */
  itemIds?: string[];
  message: string;
}

export interface DefinitionCheck {
  /** The parsed definition, present only when there are no problems. */
  definition: FormDefinition | undefined;
  problems: DefinitionProblem[];
}
