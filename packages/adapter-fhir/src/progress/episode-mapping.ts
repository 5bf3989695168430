/**
 * An episode of care <-> FHIR. The episode is an `EpisodeOfCare` (the progress link token is its
 * identifier, with the link's expiry as that identifier's period; discharge is `finished` with
 * `period.end`). Its plan of care is a `CarePlan` that names the episode in an identifier, lists
 * the `Goal`s, holds one `activity` per assigned outcome measure (every N days as
 * `scheduledTiming`, every N visits and at discharge as extensions) and points at the home
 * program's CarePlan in `supportingInfo`, for adherence.
 */
import type { EpisodeOfCare, MeasureAssignment } from '@pxm/core/progress';
import { extensionOf, identifierValue } from '../fhir/elements.js';
import { PROGRESS_LINK_IDENTIFIER, TIME_ZONE_EXTENSION, REFERRING_PHYSICIAN_EXTENSION, MEASURE_EVERY_VISITS_EXTENSION, MEASURE_AT_DISCHARGE_EXTENSION, INSTRUMENT_CODE_SYSTEM, PROGRESS_EPISODE_IDENTIFIER, PROGRESS_CODE_SYSTEM } from '../fhir/namespace.js';
import type { CarePlan, CarePlanActivity, EpisodeOfCare as FhirEpisodeOfCare, Extension } from '../fhir/types.js';

export const PROGRESS_PLAN_CATEGORY = 'outcome-plan';

export interface EpisodeLinks {
  patientId: string;
  organizationId: string;
  tokens: ReadonlyArray<{ token: string; expiresAt?: string }>;
}

export function toEpisodeOfCare(episode: EpisodeOfCare, links: EpisodeLinks): FhirEpisodeOfCare {
  return {
    resourceType: 'EpisodeOfCare',
    id: episode.id,
    identifier: links.tokens.map(({ token, expiresAt }) => ({ use: 'secondary', system: PROGRESS_LINK_IDENTIFIER, value: token, ...(expiresAt ? { period: { end: expiresAt } } : {}) })),
    extension: [
      { url: TIME_ZONE_EXTENSION, valueCode: episode.timeZone },
      ...(episode.referringPhysician ? [{ url: REFERRING_PHYSICIAN_EXTENSION, valueString: episode.referringPhysician }] : []),
    ],
    status: episode.status === 'discharged' ? 'finished' : 'active',
    type: [{ text: episode.title }],
    patient: { reference: `Patient/${links.patientId}` },
    managingOrganization: { reference: `Organization/${links.organizationId}`, display: episode.practiceName },
    period: { start: episode.startedAt, ...(episode.dischargedAt ? { end: episode.dischargedAt } : {}) },
    ...(episode.therapistName ? { careManager: { display: episode.therapistName } } : {}),
  };
}

/** The episode as the patient sees it; the practice's name and phone come from its Organization. */
export function fromEpisodeOfCare(resource: FhirEpisodeOfCare, practice: { name?: string | undefined; phone?: string | undefined }, zoneFallback: string): EpisodeOfCare {
  const finished = resource.status === 'finished';
  const referring = extensionOf(resource, REFERRING_PHYSICIAN_EXTENSION)?.valueString;
  const start = resource.period?.start ?? '';
  // Handed on unvalidated: the element boundary validates the reply with the contract's schema.
  return {
    id: resource.id ?? '',
    title: resource.type?.[0]?.text ?? resource.type?.[0]?.coding?.[0]?.display ?? 'Episode of care',
    status: finished ? 'discharged' : 'active',
    startedAt: start,
    ...(finished ? { dischargedAt: resource.period?.end ?? start } : {}),
    timeZone: extensionOf(resource, TIME_ZONE_EXTENSION)?.valueCode ?? zoneFallback,
    practiceName: practice.name ?? resource.managingOrganization?.display ?? '',
    ...(practice.phone ? { practicePhone: practice.phone } : {}),
    ...(resource.careManager?.display ? { therapistName: resource.careManager.display } : {}),
    ...(referring ? { referringPhysician: referring } : {}),
  } as EpisodeOfCare;
}

function activityOf(assignment: MeasureAssignment): CarePlanActivity {
  const extension: Extension[] = [
    ...(assignment.everyVisits !== undefined ? [{ url: MEASURE_EVERY_VISITS_EXTENSION, valueInteger: assignment.everyVisits }] : []),
    ...(assignment.atDischarge ? [{ url: MEASURE_AT_DISCHARGE_EXTENSION, valueBoolean: true }] : []),
  ];
  return {
    detail: {
      kind: 'Task',
      code: { coding: [{ system: INSTRUMENT_CODE_SYSTEM, code: assignment.instrumentId }], text: assignment.instrumentId },
      status: 'scheduled',
      ...(assignment.everyDays !== undefined ? { scheduledTiming: { repeat: { frequency: 1, period: assignment.everyDays, periodUnit: 'd' } } } : {}),
      ...(extension.length > 0 ? { extension } : {}),
    },
  };
}

export function assignmentsOf(plan: CarePlan): MeasureAssignment[] {
  return (plan.activity ?? []).flatMap((activity): MeasureAssignment[] => {
    const instrumentId = activity.detail?.code?.coding?.find((coding) => coding.system === INSTRUMENT_CODE_SYSTEM)?.code;
    if (!instrumentId || activity.detail?.status === 'cancelled') return [];
    const repeat = activity.detail?.scheduledTiming?.repeat;
    const everyVisits = extensionOf(activity.detail, MEASURE_EVERY_VISITS_EXTENSION)?.valueInteger;
    const atDischarge = extensionOf(activity.detail, MEASURE_AT_DISCHARGE_EXTENSION)?.valueBoolean;
    return [
      {
        instrumentId,
        ...(repeat?.periodUnit === 'd' && repeat.period !== undefined ? { everyDays: repeat.period } : {}),
        ...(everyVisits !== undefined ? { everyVisits } : {}),
        ...(atDischarge ? { atDischarge: true } : {}),
      },
    ];
  });
}

export interface PlanLinks {
  id: string;
  episodeId: string;
  patientId: string;
  organizationId: string;
  goalIds: readonly string[];
  /** The home exercise program's CarePlan, whose adherence shows beside the measures. */
  hepPlanId?: string;
}

export function toProgressCarePlan(episode: EpisodeOfCare, assignments: readonly MeasureAssignment[], links: PlanLinks): CarePlan {
  return {
    resourceType: 'CarePlan',
    id: links.id,
    identifier: [{ use: 'secondary', system: PROGRESS_EPISODE_IDENTIFIER, value: links.episodeId }],
    status: episode.status === 'discharged' ? 'completed' : 'active',
    intent: 'plan',
    category: [{ coding: [{ system: PROGRESS_CODE_SYSTEM, code: PROGRESS_PLAN_CATEGORY, display: 'Goals and outcome measures' }] }],
    title: episode.title,
    subject: { reference: `Patient/${links.patientId}` },
    period: { start: episode.startedAt },
    author: { reference: `Organization/${links.organizationId}` },
    goal: links.goalIds.map((id) => ({ reference: `Goal/${id}` })),
    activity: assignments.map(activityOf),
    supportingInfo: [{ reference: `EpisodeOfCare/${links.episodeId}` }, ...(links.hepPlanId ? [{ reference: `CarePlan/${links.hepPlanId}` }] : [])],
  };
}

/** The episode a plan belongs to, from its identifier. */
export const episodeIdOf = (plan: CarePlan): string | undefined => identifierValue(plan, PROGRESS_EPISODE_IDENTIFIER);

