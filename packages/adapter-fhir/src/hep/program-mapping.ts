/**
 * Home exercise program <-> CarePlan. The whole program is one CarePlan, each exercise an
 * `activity.detail` (code, timing, instructions), so one versioned resource holds one version
 * of the program and its history holds the earlier ones. What FHIR has no element for (sets,
 * reps, hold, side, load, equipment; media; the therapist's note) travels in documented
 * extensions, and the plan's narrative spells every exercise out for any reader.
 */
import type {
  Dosage,
  Exercise,
  ExerciseMedia,
  Frequency,
  HepProgram,
  HepRevision,
  ScheduledExercise,
  Side,
} from '@pxm/core/hep';
import { localDateIn, startOfLocalDay, toZonedIso } from '@pxm/core/time';
import { codeIn, complexExtension, extensionOf, part, parts, withExtension } from '../fhir/elements.js';
import { PXM_FHIR_BASE, SNOMED_EXERCISE_THERAPY, EXERCISE_DOSAGE_EXTENSION, EXERCISE_MEDIA_EXTENSION, EXERCISE_DAYS_PER_WEEK_EXTENSION, EXERCISE_NOTE_EXTENSION, EXERCISE_LOG_PER_SET_EXTENSION, EXERCISE_CODE_SYSTEM, LINK_TOKEN_IDENTIFIER, TIME_ZONE_EXTENSION, PROGRAM_VERSION_EXTENSION, PAIN_ALERT_THRESHOLD_EXTENSION, PAIN_GUIDANCE_EXTENSION, SNOMED_SYSTEM } from '../fhir/namespace.js';
import type { CarePlan, CarePlanActivity, Extension, Timing } from '../fhir/types.js';

export const PROGRAM_IDENTIFIER = `${PXM_FHIR_BASE}/identifier/hep-program`;
export const PROGRAM_EFFECTIVE = `${PXM_FHIR_BASE}/StructureDefinition/program-effective`;

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** "3 sets x 10 reps, hold 5 s, right side, with a towel": the dosage as a person reads it. */
export function dosageText(dosage: Dosage): string {
  const parts: string[] = [];
  if (dosage.sets && dosage.reps) parts.push(`${dosage.sets} sets x ${dosage.reps} reps`);
  else if (dosage.sets) parts.push(`${dosage.sets} sets`);
  else if (dosage.reps) parts.push(`${dosage.reps} reps`);
  if (dosage.holdSeconds) parts.push(`hold ${dosage.holdSeconds} s`);
  if (dosage.side) parts.push(dosage.side === 'both' ? 'both sides' : dosage.side === 'alternating' ? 'alternating sides' : `${dosage.side} side`);
  if (dosage.load) parts.push(dosage.load);
  if (dosage.equipment?.length) parts.push(`with ${dosage.equipment.join(', ')}`);
  return parts.join(', ');
}

export function frequencyText(frequency: Frequency): string {
  const times = frequency.timesPerDay === 1 ? 'once a day' : `${frequency.timesPerDay} times a day`;
  if (frequency.weekdays?.length) return `${times} on ${frequency.weekdays.map((day) => DAYS[day - 1]).join(', ')}`;
  if (frequency.daysPerWeek) return `${times}, ${frequency.daysPerWeek} days a week`;
  return `${times}, every day`;
}

function narrative(program: HepProgram): string {
  const rows = program.exercises
    .map((e) => `<tr><td>${escapeXml(e.name)}</td><td>${escapeXml(dosageText(e.dosage))}</td><td>${escapeXml(frequencyText(e.frequency))}</td></tr>`)
    .join('');
  return `<div xmlns="http://www.w3.org/1999/xhtml"><p>${escapeXml(program.title)} (version ${program.version})</p><table><tr><th>Exercise</th><th>Dosage</th><th>How often</th></tr>${rows}</table></div>`;
}

function timingOf(frequency: Frequency): Timing {
  return {
    repeat: {
      frequency: frequency.timesPerDay,
      period: 1,
      periodUnit: 'd',
      ...(frequency.weekdays?.length ? { dayOfWeek: frequency.weekdays.map((day) => DAYS[day - 1]!) } : {}),
    },
    code: { text: frequencyText(frequency) },
  };
}

function dosageExtension(dosage: Dosage): Extension {
  return complexExtension(EXERCISE_DOSAGE_EXTENSION, [
    dosage.sets !== undefined ? { url: 'sets', valueInteger: dosage.sets } : undefined,
    dosage.reps !== undefined ? { url: 'reps', valueInteger: dosage.reps } : undefined,
    dosage.holdSeconds !== undefined ? { url: 'hold-seconds', valueInteger: dosage.holdSeconds } : undefined,
    dosage.side ? { url: 'side', valueCode: dosage.side } : undefined,
    dosage.load ? { url: 'load', valueString: dosage.load } : undefined,
    ...(dosage.equipment ?? []).map((item) => ({ url: 'equipment', valueString: item })),
    { url: 'text', valueString: dosageText(dosage) || 'As instructed' },
  ]);
}

function mediaExtension(media: ExerciseMedia): Extension {
  return complexExtension(EXERCISE_MEDIA_EXTENSION, [
    media.videoUrl ? { url: 'video', valueUrl: media.videoUrl } : undefined,
    media.posterUrl ? { url: 'poster', valueUrl: media.posterUrl } : undefined,
    ...(media.imageUrls ?? []).map((url) => ({ url: 'image', valueUrl: url })),
    media.imageAlt ? { url: 'image-alt', valueString: media.imageAlt } : undefined,
    ...(media.captions ?? []).map((track) =>
      complexExtension('caption', [
        { url: 'src', valueUrl: track.src },
        { url: 'srclang', valueCode: track.srclang },
        { url: 'label', valueString: track.label },
      ]),
    ),
  ]);
}

function activityOf(exercise: Exercise | ScheduledExercise): CarePlanActivity {
  const full = 'dosage' in exercise ? exercise : undefined;
  const dosage: Dosage = full?.dosage ?? ('sets' in exercise && exercise.sets ? { sets: exercise.sets } : {});
  const extension: Extension[] = [dosageExtension(dosage)];
  if (exercise.frequency.daysPerWeek) extension.push({ url: EXERCISE_DAYS_PER_WEEK_EXTENSION, valueInteger: exercise.frequency.daysPerWeek });
  if (full?.media) extension.push(mediaExtension(full.media));
  if (full?.note) extension.push({ url: EXERCISE_NOTE_EXTENSION, valueString: full.note });
  if (full?.logPerSet) extension.push({ url: EXERCISE_LOG_PER_SET_EXTENSION, valueBoolean: true });
  const name = exercise.name ?? exercise.id;
  return {
    detail: {
      kind: 'ServiceRequest',
      code: { coding: [{ system: EXERCISE_CODE_SYSTEM, code: exercise.id, display: name }], text: name },
      status: 'scheduled',
      scheduledTiming: timingOf(exercise.frequency),
      ...(full?.instructions ? { description: full.instructions } : {}),
      extension,
    },
  };
}

export interface CarePlanLinks {
  id?: string;
  patientId: string;
  organizationId?: string;
  /** Link tokens that open the plan, each with its expiry. */
  tokens: ReadonlyArray<{ token: string; expiresAt?: string }>;
}

function basePlan(program: HepProgram, links: CarePlanLinks): CarePlan {
  return {
    resourceType: 'CarePlan',
    ...(links.id ? { id: links.id } : {}),
    identifier: [
      ...links.tokens.map(({ token, expiresAt }) => ({ use: 'secondary', system: LINK_TOKEN_IDENTIFIER, value: token, ...(expiresAt ? { period: { end: expiresAt } } : {}) })),
      { use: 'official', system: PROGRAM_IDENTIFIER, value: program.id },
    ],
    status: 'active',
    intent: 'plan',
    category: [{ coding: [{ system: SNOMED_SYSTEM, code: SNOMED_EXERCISE_THERAPY, display: 'Exercise therapy' }], text: 'Home exercise program' }],
    title: program.title,
    subject: { reference: `Patient/${links.patientId}` },
    period: { start: program.startDate, ...(program.endDate ? { end: program.endDate } : {}) },
    ...(links.organizationId ? { author: { reference: `Organization/${links.organizationId}`, ...(program.practiceName ? { display: program.practiceName } : {}) } } : {}),
  };
}

export function toCarePlan(program: HepProgram, links: CarePlanLinks): CarePlan {
  const extension: Extension[] = [
    { url: TIME_ZONE_EXTENSION, valueCode: program.timeZone },
    { url: PROGRAM_VERSION_EXTENSION, valueInteger: program.version },
    { url: PROGRAM_EFFECTIVE, valueDateTime: program.updatedAt },
  ];
  if (program.painAlertThreshold !== undefined) extension.push({ url: PAIN_ALERT_THRESHOLD_EXTENSION, valueInteger: program.painAlertThreshold });
  if (program.painGuidance) extension.push({ url: PAIN_GUIDANCE_EXTENSION, valueMarkdown: program.painGuidance });
  return {
    ...basePlan(program, links),
    text: { status: 'generated', div: narrative(program) },
    extension,
    activity: program.exercises.map(activityOf),
  };
}

/** An earlier version of the plan, for loading a program's history into a server. */
export function toCarePlanRevision(program: HepProgram, revision: HepRevision, links: CarePlanLinks): CarePlan {
  const plan = toCarePlan({ ...program, version: revision.version, updatedAt: revision.effectiveFrom, exercises: [] }, links);
  return { ...withExtension(plan, PROGRAM_EFFECTIVE, { url: PROGRAM_EFFECTIVE, valueDateTime: revision.effectiveFrom }), activity: revision.exercises.map(activityOf) };
}

// ---------------------------------------------------------------- reading

function readDosage(ext: Extension | undefined): Dosage {
  const int = (url: string) => part(ext, url)?.valueInteger;
  const side = part(ext, 'side')?.valueCode;
  const equipment = parts(ext, 'equipment').flatMap((e) => (e.valueString ? [e.valueString] : []));
  return {
    ...(int('sets') !== undefined ? { sets: int('sets') } : {}),
    ...(int('reps') !== undefined ? { reps: int('reps') } : {}),
    ...(int('hold-seconds') !== undefined ? { holdSeconds: int('hold-seconds') } : {}),
    ...(side === 'left' || side === 'right' || side === 'both' || side === 'alternating' ? { side: side as Side } : {}),
    ...(part(ext, 'load')?.valueString ? { load: part(ext, 'load')!.valueString } : {}),
    ...(equipment.length > 0 ? { equipment } : {}),
  };
}

function readMedia(ext: Extension | undefined): ExerciseMedia | undefined {
  if (!ext) return undefined;
  const url = (name: string) => part(ext, name)?.valueUrl ?? part(ext, name)?.valueUri;
  const images = parts(ext, 'image').flatMap((e) => (e.valueUrl ? [e.valueUrl] : []));
  const captions = parts(ext, 'caption').flatMap((caption) => {
    const src = part(caption, 'src')?.valueUrl;
    const srclang = part(caption, 'srclang')?.valueCode;
    const label = part(caption, 'label')?.valueString;
    return src && srclang && label ? [{ src, srclang, label }] : [];
  });
  const media: ExerciseMedia = {
    ...(url('video') ? { videoUrl: url('video') } : {}),
    ...(url('poster') ? { posterUrl: url('poster') } : {}),
    ...(images.length > 0 ? { imageUrls: images } : {}),
    ...(part(ext, 'image-alt')?.valueString ? { imageAlt: part(ext, 'image-alt')!.valueString } : {}),
    ...(captions.length > 0 ? { captions } : {}),
  };
  return Object.keys(media).length > 0 ? media : undefined;
}

function readFrequency(activity: CarePlanActivity): Frequency {
  const repeat = activity.detail?.scheduledTiming?.repeat;
  const perDay = repeat?.periodUnit === 'd' && (repeat.period ?? 1) === 1 ? repeat.frequency : repeat?.periodUnit === 'wk' ? 1 : repeat?.frequency;
  const weekdays = (repeat?.dayOfWeek ?? []).map((day) => DAYS.indexOf(day) + 1).filter((day) => day >= 1);
  const daysPerWeek = extensionOf(activity.detail, EXERCISE_DAYS_PER_WEEK_EXTENSION)?.valueInteger ?? (repeat?.periodUnit === 'wk' ? repeat.frequency : undefined);
  return {
    timesPerDay: Math.min(Math.max(perDay ?? 1, 1), 12),
    ...(weekdays.length > 0 ? { weekdays } : daysPerWeek ? { daysPerWeek: Math.min(Math.max(daysPerWeek, 1), 7) } : {}),
  };
}

export function exerciseIdOf(activity: CarePlanActivity): string | undefined {
  return codeIn(activity.detail?.code, EXERCISE_CODE_SYSTEM) ?? activity.detail?.code?.coding?.[0]?.code;
}

function readExercise(activity: CarePlanActivity): Exercise | undefined {
  const detail = activity.detail;
  const id = exerciseIdOf(activity);
  if (!detail || !id || detail.status === 'cancelled' || detail.status === 'stopped' || detail.status === 'entered-in-error') return undefined;
  const name = detail.code?.text ?? detail.code?.coding?.find((c) => c.display)?.display ?? id;
  const media = readMedia(extensionOf(detail, EXERCISE_MEDIA_EXTENSION));
  const note = extensionOf(detail, EXERCISE_NOTE_EXTENSION)?.valueString;
  return {
    id,
    name,
    ...(media ? { media } : {}),
    dosage: readDosage(extensionOf(detail, EXERCISE_DOSAGE_EXTENSION)),
    frequency: readFrequency(activity),
    ...(detail.description ? { instructions: detail.description } : {}),
    ...(note ? { note } : {}),
    ...(extensionOf(detail, EXERCISE_LOG_PER_SET_EXTENSION)?.valueBoolean ? { logPerSet: true } : {}),
  };
}

export function programVersionOf(plan: CarePlan): number {
  const explicit = extensionOf(plan, PROGRAM_VERSION_EXTENSION)?.valueInteger;
  if (explicit !== undefined && explicit >= 1) return explicit;
  const numeric = Number(plan.meta?.versionId);
  return Number.isInteger(numeric) && numeric >= 1 ? numeric : 1;
}

/** When this version took effect: as recorded, else when it was stored, else when the plan was made. */
export function effectiveFromOf(plan: CarePlan): string | undefined {
  return [extensionOf(plan, PROGRAM_EFFECTIVE)?.valueDateTime, plan.meta?.lastUpdated, plan.created].find((value) => value && /T.*([Zz]|[+-]\d\d:\d\d)$/.test(value));
}

export interface PracticeContact {
  name?: string | undefined;
  phone?: string | undefined;
}

export function fromCarePlan(plan: CarePlan, contact: PracticeContact, revisions: readonly HepRevision[], fallbackZone: string): HepProgram {
  const zone = extensionOf(plan, TIME_ZONE_EXTENSION)?.valueCode ?? fallbackZone;
  const startDate = plan.period?.start ? (plan.period.start.length === 10 ? plan.period.start : localDateIn(plan.period.start, zone)) : undefined;
  // A plan with no recorded time at all counts as updated when it started.
  const updatedMs = Date.parse(effectiveFromOf(plan) ?? (startDate ? startOfLocalDay(startDate, zone).toISOString() : ''));
  const endDate = plan.period?.end ? (plan.period.end.length === 10 ? plan.period.end : localDateIn(plan.period.end, zone)) : undefined;
  const threshold = extensionOf(plan, PAIN_ALERT_THRESHOLD_EXTENSION)?.valueInteger;
  const guidance = extensionOf(plan, PAIN_GUIDANCE_EXTENSION);
  const programId = plan.identifier?.find((id) => id.system === PROGRAM_IDENTIFIER)?.value ?? plan.id;
  return {
    id: programId ?? '',
    version: programVersionOf(plan),
    title: plan.title ?? 'Home exercise program',
    updatedAt: Number.isFinite(updatedMs) ? toZonedIso(updatedMs, zone) : '',
    startDate: startDate ?? '',
    ...(endDate ? { endDate } : {}),
    timeZone: zone,
    exercises: (plan.activity ?? []).flatMap((activity) => readExercise(activity) ?? []),
    ...(threshold !== undefined ? { painAlertThreshold: threshold } : {}),
    ...(guidance?.valueMarkdown ?? guidance?.valueString ? { painGuidance: guidance.valueMarkdown ?? guidance.valueString } : {}),
    ...(contact.name ? { practiceName: contact.name } : {}),
    ...(contact.phone ? { practicePhone: contact.phone } : {}),
    ...(revisions.length > 0 ? { revisions: [...revisions] } : {}),
  };
}

/** An older stored version of the plan as a revision: its schedule and when it took effect. */
export function revisionOf(plan: CarePlan, zone: string): HepRevision | undefined {
  const effective = Date.parse(effectiveFromOf(plan) ?? '');
  if (!Number.isFinite(effective)) return undefined;
  const exercises = (plan.activity ?? []).flatMap((activity): ScheduledExercise[] => {
    const exercise = readExercise(activity);
    return exercise
      ? [{ id: exercise.id, name: exercise.name, frequency: exercise.frequency, ...(exercise.dosage.sets !== undefined ? { sets: exercise.dosage.sets } : {}) }]
      : [];
  });
  return { version: programVersionOf(plan), effectiveFrom: toZonedIso(effective, zone), exercises };
}
