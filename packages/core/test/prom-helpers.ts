/** Test helper: a one-page form holding one instrument, scored the way the element scores it. */
import { responseAnswersOf, type Answers, type FormDefinition } from '@pxm/core/forms';
import { scoreRule, type PromResult } from '@pxm/core/prom';
import type { PromInstrument } from '@pxm/core/prom';

export function formWith(instrument: PromInstrument): FormDefinition {
  return { id: 'prom', version: '1', title: 'Outcome measure', pages: [{ id: 'p', title: 'P', items: [instrument.section] }], scoring: [instrument.scoring] };
}

export function score(instrument: PromInstrument, answers: Answers): PromResult {
  const definition = formWith(instrument);
  return scoreRule(instrument.scoring, definition, responseAnswersOf(definition, answers));
}
