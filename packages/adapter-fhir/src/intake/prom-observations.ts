/**
 * Outcome-measure scores as Observations (category `survey`): coded with the instrument's LOINC
 * code where one exists (NPRS is 72514-3) and always with the instrument id, valued as a score,
 * with the scoring algorithm as `method` and the response it came from as `derivedFrom`. Prior
 * scores for change from baseline are read back the same way.
 */
import type { PromResult } from '@pxm/core/prom';
import type { PromScore, ScoringRule } from '@pxm/core/forms';
import type { FhirContext } from '../context.js';
import { codeIn, token } from '../fhir/elements.js';
import { INSTRUMENT_CODE_SYSTEM, DERIVED_IDENTIFIER, LOINC_SYSTEM, OBSERVATION_CATEGORY_SYSTEM, UCUM_SYSTEM } from '../fhir/namespace.js';
import type { Coding, Observation } from '../fhir/types.js';

export function scoreKey(responseId: string, instrument: string): string {
  return `${responseId}#score-${instrument}`;
}

/** A score; `responseId` names the response it was derived from (absent for scores recorded elsewhere). */
export function toScoreObservation(
  result: { score: number },
  rule: Pick<ScoringRule, 'id' | 'label' | 'shortLabel' | 'loinc' | 'algorithm'>,
  responseId: string | undefined,
  patientRef: string | undefined,
  effective: string,
): Observation {
  const coding: Coding[] = [{ system: INSTRUMENT_CODE_SYSTEM, code: rule.id, display: rule.label }];
  if (rule.loinc) coding.unshift({ system: LOINC_SYSTEM, code: rule.loinc, display: rule.label });
  return {
    resourceType: 'Observation',
    ...(responseId ? { identifier: [{ use: 'secondary', system: DERIVED_IDENTIFIER, value: scoreKey(responseId, rule.id) }] } : {}),
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY_SYSTEM, code: 'survey', display: 'Survey' }] }],
    code: { coding, text: rule.shortLabel ?? rule.label },
    ...(patientRef ? { subject: { reference: patientRef } } : {}),
    effectiveDateTime: effective,
    valueQuantity: { value: result.score, unit: 'score', system: UCUM_SYSTEM, code: '{score}' },
    ...(rule.algorithm ? { method: { text: rule.algorithm } } : {}),
    ...(responseId ? { derivedFrom: [{ reference: `QuestionnaireResponse/${responseId}` }] } : {}),
  };
}

export async function writeScores(
  ctx: FhirContext,
  results: ReadonlyArray<PromResult & { score: number }>,
  rules: readonly ScoringRule[],
  responseId: string,
  patientRef: string | undefined,
  effective: string,
  operation: string,
  signal?: AbortSignal,
): Promise<void> {
  await Promise.all(
    results.map((result) => {
      const rule = rules.find((r) => r.id === result.instrument);
      if (!rule) return undefined;
      return ctx.client.create(operation, toScoreObservation(result, rule, responseId, patientRef, effective), {
        ifNoneExist: { identifier: token(DERIVED_IDENTIFIER, scoreKey(responseId, rule.id)) },
        signal,
      });
    }),
  );
}

export async function priorScores(ctx: FhirContext, patientRef: string | undefined, operation: string, signal?: AbortSignal): Promise<PromScore[]> {
  if (!patientRef) return [];
  const found = await ctx.client.search<Observation>(operation, 'Observation', { subject: patientRef, code: `${INSTRUMENT_CODE_SYSTEM}|` }, signal);
  return found.matches.flatMap((observation): PromScore[] => {
    if (observation.status !== 'final' && observation.status !== 'amended' && observation.status !== 'corrected') return [];
    const instrument = codeIn(observation.code, INSTRUMENT_CODE_SYSTEM);
    const score = observation.valueQuantity?.value ?? observation.valueInteger;
    const recordedAt = observation.effectiveDateTime ?? observation.issued;
    if (!instrument || typeof score !== 'number' || !recordedAt || !Number.isFinite(Date.parse(recordedAt)) || !/[Zz]|[+-]\d\d:\d\d$/.test(recordedAt)) return [];
    return [{ instrument, score, recordedAt }];
  });
}
