/**
 * Every resource the adapter writes is valid FHIR R4. The test server validates each write
 * against the R4 structure definitions and refuses invalid ones; this drives every write path
 * (booking with insurance, reschedule, cancel, waitlist; a full intake with consent, signature,
 * card photo and outcome measures; exercise logs and an undo; a survey with a private note),
 * then checks that nothing was refused, that each kind of resource was written, and what the
 * written resources say.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { validateResource } from '@medplum/core';
import type { Resource as MedplumResource } from '@medplum/fhirtypes';
import { requireCapability } from '@pxm/core';
import type { FormDefinition } from '@pxm/core/forms';
import { DEMO_HEP_TOKEN, DEMO_INTAKE_REASSESSMENT_TOKEN, DEMO_INTAKE_TOKEN, DEMO_SURVEY_TOKENS } from '@pxm/core/demo';
import { createFhirAdapter } from '../src/index.js';
import { IDENTIFIER, LOINC_PAIN_NRS, LOINC_SYSTEM } from '../src/fhir/namespace.js';
import { demoPracticeResources, INTAKE_PATIENT, loadDemoPractice } from './support/demo-practice.js';
import { startFhirServer, type TestFhirServer } from './support/fhir-test-server.js';
import { fillForm } from './support/fill-form.js';
import { responseProblems } from './support/response-check.js';

const NOW = new Date('2027-03-01T16:00:00Z');
const RANGE = { from: '2027-03-08T00:00:00-07:00', to: '2027-03-20T00:00:00-06:00' };
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- stored FHIR JSON is read loosely in the assertions
type Any = Record<string, any>;

describe('fhir adapter writes', () => {
  let server: TestFhirServer;
  const stored = async (type: string): Promise<Any[]> => (await server.repo.searchResources({ resourceType: type as 'Patient' })) as Any[];

  before(async () => {
    server = await startFhirServer();
    await loadDemoPractice(server.repo, NOW);
    const adapter = createFhirAdapter({ baseUrl: server.baseUrl, practice: { organization: 'cedar-ridge' }, now: () => NOW });
    const booking = requireCapability(adapter, 'booking');
    const intake = requireCapability(adapter, 'intake');
    const hep = requireCapability(adapter, 'hep');
    const survey = requireCapability(adapter, 'survey');
    const consents = [
      { channel: 'sms' as const, granted: true, recordedAt: NOW.toISOString() },
      { channel: 'email' as const, granted: false, recordedAt: NOW.toISOString() },
    ];

    // Booking: a new patient with a spouse's insurance, a returning patient paying themselves.
    const evals = await booking.findSlots({ locationId: 'denver-highlands', appointmentTypeId: 'initial-evaluation', ...RANGE });
    const first = await booking.book({
      holdId: (await booking.holdSlot(evals[0]!.id)).id,
      patient: { kind: 'new', firstName: 'Jo', lastName: 'Tester', dateOfBirth: '1990-05-17', phone: '+1 303-555-0100', email: 'jo.tester@example.com', reasonForVisit: 'Sore knee', referralSource: 'Friend' },
      coverage: { kind: 'insurance', payerName: 'Aetna', payerId: '60054', memberId: 'W123456789', groupNumber: 'G-100', relationship: 'spouse', subscriberName: 'Sam Tester', subscriberDateOfBirth: '1988-02-03' },
      consents,
      idempotencyKey: 'writes-book-1',
    });
    const followUps = await booking.findSlots({ locationId: 'denver-highlands', appointmentTypeId: 'follow-up', ...RANGE });
    const second = await booking.book({
      holdId: (await booking.holdSlot(followUps[0]!.id)).id,
      patient: { kind: 'returning', lastName: 'García', dateOfBirth: '1985-04-12', phone: '(303) 555-0199' },
      coverage: { kind: 'self-pay' },
      consents,
      idempotencyKey: 'writes-book-2',
    });
    const later = evals.find((slot) => Date.parse(slot.start) > Date.parse(evals[0]!.start) + 86_400_000)!;
    const moved = await booking.rescheduleAppointment(first.manageToken, { holdId: (await booking.holdSlot(later.id)).id, idempotencyKey: 'writes-move-1' });
    await booking.cancelAppointment(second.manageToken, { reason: 'Feeling better' });
    await booking.joinWaitlist({
      locationId: 'phoenix-arcadia',
      appointmentTypeId: 'follow-up',
      providerId: 'mei-chen',
      preferredWeekdays: [1, 3],
      preferredTimesOfDay: ['morning', 'evening'],
      earliestDate: '2027-03-10',
      patient: { kind: 'returning', lastName: 'Johnson', dateOfBirth: '1962-11-03', email: 'derek.j@example.com' },
      consents,
      idempotencyKey: 'writes-wait-1',
    });
    assert.equal(moved.rescheduledFromId, first.id);

    // Intake: every item answered, a card photo, consent and a drawn signature.
    const session = await intake.loadForm(DEMO_INTAKE_TOKEN);
    const card = await intake.uploadAttachment(DEMO_INTAKE_TOKEN, new Blob([JPEG], { type: 'image/jpeg' }), { contentType: 'image/jpeg', purpose: 'insurance-card-front' });
    const answers = fillForm(session.definition as FormDefinition, {
      card,
      signedAt: NOW.toISOString(),
      overrides: { payment: 'insurance', subscriberIsPatient: false, sex: 'female', takesMedications: true, fell: true, bodyArea: 'knee' },
    });
    const draft = await intake.saveDraft(DEMO_INTAKE_TOKEN, { answers, pageId: 'insurance', baseVersion: 0 });
    const resumed = await intake.loadForm(DEMO_INTAKE_TOKEN);
    assert.deepEqual(resumed.draft?.answers, answers, 'a draft resumes exactly, address, card and signature included');
    await intake.submit(DEMO_INTAKE_TOKEN, { answers, idempotencyKey: `writes-intake-${draft.version}` });
    const reassess = await intake.loadForm(DEMO_INTAKE_REASSESSMENT_TOKEN);
    assert.ok(reassess.priorScores.length >= 3, 'prior scores come back from Observations');

    // Exercise logs, one undone.
    const program = await hep.loadProgram(DEMO_HEP_TOKEN);
    const clientId = globalThis.crypto.randomUUID();
    const entry = { clientId, exerciseId: program.exercises[0]!.id, programVersion: program.version, completedAt: NOW.toISOString(), completedSets: 3, pain: 8, difficulty: 4 };
    await hep.logActivity(DEMO_HEP_TOKEN, [entry]);
    await hep.logActivity(DEMO_HEP_TOKEN, [{ ...entry, voided: true }]);

    // Survey: partial answers, submit, a private note sent twice with one key.
    await survey.savePartial(DEMO_SURVEY_TOKENS.open, { nps: 6 });
    await survey.submit(DEMO_SURVEY_TOKENS.open, { answers: { nps: 6, why: 'Long waits', therapist: 4, goals: 'partly', helped: ['hands-on'] }, idempotencyKey: 'writes-survey-1' });
    await survey.sendFeedback!(DEMO_SURVEY_TOKENS.open, { message: 'Please call me back.', idempotencyKey: 'writes-note-1' });
    await survey.sendFeedback!(DEMO_SURVEY_TOKENS.open, { message: 'Please call me back.', idempotencyKey: 'writes-note-1' });
  });

  after(() => server?.close());

  it('wrote nothing the R4 validator refused, across every kind of resource the adapter writes', () => {
    const refused = server.writes.filter((write) => write.invalid);
    assert.deepEqual(refused, [], JSON.stringify(refused, null, 1));
    const types = new Set(server.writes.map((write) => write.resourceType));
    for (const type of ['Slot', 'Patient', 'Coverage', 'Consent', 'Appointment', 'QuestionnaireResponse', 'Binary', 'DocumentReference', 'Observation', 'Provenance', 'Task', 'Communication']) {
      assert.ok(types.has(type), `the flow writes a ${type}`);
    }
  });

  it('validates every provisioned resource of the demo practice too', () => {
    for (const resource of demoPracticeResources(NOW)) validateResource(resource as MedplumResource);
  });

  it('records the booking: patient, coverage with its subscriber, reminder consents, visit and freed slot', async () => {
    const patient = (await stored('Patient')).find((p) => p.identifier?.some((id: Any) => id.value === 'writes-book-1'));
    assert.equal(patient?.name?.[0]?.family, 'Tester');
    const coverage = (await stored('Coverage')).find((c) => c.identifier?.[0]?.value === 'writes-book-1');
    assert.equal(coverage?.subscriber?.reference, '#subscriber');
    assert.equal(coverage?.contained?.[0]?.birthDate, '1988-02-03');
    assert.equal(coverage?.relationship?.coding?.[0]?.code, 'spouse');
    assert.equal(coverage?.class?.[0]?.value, 'G-100');
    const selfPay = (await stored('Coverage')).find((c) => c.identifier?.[0]?.value === 'writes-book-2');
    assert.equal(selfPay?.type?.coding?.[0]?.code, 'pay');
    const reminders = (await stored('Consent')).filter((c) => c.identifier?.[0]?.value?.startsWith('writes-book-1:'));
    assert.deepEqual(reminders.map((c) => c.provision.type).sort(), ['deny', 'permit']);
    const visits = await stored('Appointment');
    const moved = visits.find((a) => a.identifier?.some((id: Any) => id.value === 'writes-move-1'));
    assert.equal(moved?.status, 'booked');
    assert.ok(moved?.slot?.[0]?.reference?.startsWith('Slot/'));
    const cancelled = visits.find((a) => a.identifier?.some((id: Any) => id.value === 'writes-book-2'));
    assert.equal(cancelled?.status, 'cancelled');
    assert.equal(cancelled?.cancelationReason?.text, 'Feeling better');
    const slot = (await stored('Slot')).find((s) => `Slot/${s.id}` === cancelled?.slot?.[0]?.reference);
    assert.equal(slot?.status, 'free', 'a cancelled visit frees its Slot');
    const waitlist = visits.find((a) => a.status === 'waitlist');
    assert.equal(waitlist?.requestedPeriod?.[0]?.start, '2027-03-10');
    assert.match(waitlist?.comment ?? '', /Monday, Wednesday/);
  });

  it('records the intake: a valid completed response, card photo, consent with provenance and scores', async () => {
    const responses = await stored('QuestionnaireResponse');
    const response = responses.find((r) => r.identifier?.value === DEMO_INTAKE_TOKEN);
    assert.equal(response?.status, 'completed');
    const questionnaire = (await stored('Questionnaire')).find((q) => q.id === 'new-patient-intake')!;
    assert.deepEqual(responseProblems(response!, questionnaire), [], 'the response fits its Questionnaire');
    assert.equal(response?.extension?.some((e: Any) => e.url.endsWith('draft-answers')), false, 'a submitted response keeps no draft copy');

    const binary = (await stored('Binary'))[0];
    assert.equal(binary?.contentType, 'image/jpeg');
    assert.deepEqual([...Buffer.from(binary!.data, 'base64')], [...JPEG], 'the bytes arrived unchanged');
    const document = (await stored('DocumentReference'))[0];
    assert.equal(document?.type?.coding?.[0]?.code, '64290-0');
    assert.equal(document?.content?.[0]?.attachment?.url, `Binary/${binary?.id}`);
    assert.equal(document?.subject?.reference, `Patient/${INTAKE_PATIENT.id}`);

    const consent = (await stored('Consent')).find((c) => c.identifier?.[0]?.system === IDENTIFIER.derived);
    assert.equal(consent?.status, 'active');
    assert.equal(consent?.patient?.reference, `Patient/${INTAKE_PATIENT.id}`);
    assert.match(Buffer.from(consent!.sourceAttachment.data, 'base64').toString('utf8'), /consent to physical therapy/i);
    const provenance = (await stored('Provenance'))[0];
    assert.deepEqual(provenance?.target?.map((t: Any) => t.reference), [`Consent/${consent?.id}`, `QuestionnaireResponse/${response?.id}`]);
    assert.equal(provenance?.signature?.[0]?.sigFormat, 'image/svg+xml');
    assert.match(Buffer.from(provenance!.signature[0].data, 'base64').toString('utf8'), /^<svg/);

    const scores = (await stored('Observation')).filter((o) => o.derivedFrom?.[0]?.reference === `QuestionnaireResponse/${response?.id}`);
    const nprs = scores.find((o) => o.code?.coding?.some((c: Any) => c.system === LOINC_SYSTEM && c.code === LOINC_PAIN_NRS));
    assert.ok(nprs, 'NPRS is written with its LOINC code');
    assert.equal(typeof nprs.valueQuantity.value, 'number');
    assert.ok(scores.some((o) => o.code?.coding?.some((c: Any) => c.code === 'lefs')), 'LEFS is written under its instrument code');
    const task = (await stored('Task')).find((t) => t.identifier?.[0]?.value === DEMO_INTAKE_TOKEN);
    assert.equal(task?.status, 'completed');
    assert.equal(task?.output?.[0]?.valueReference?.reference, `QuestionnaireResponse/${response?.id}`);
  });

  it('records exercise logs with pain (LOINC 72514-3) against the plan, and an undo as entered-in-error', async () => {
    const logs = (await stored('Observation')).filter((o) => o.identifier?.[0]?.system === IDENTIFIER.activityLog && o.effectiveDateTime === NOW.toISOString());
    assert.equal(logs.length, 1);
    assert.equal(logs[0]!.status, 'entered-in-error');
    assert.equal(logs[0]!.basedOn?.[0]?.reference, 'CarePlan/hep-acl-phase-2');
    const pain = logs[0]!.component.find((c: Any) => c.code.coding[0].code === LOINC_PAIN_NRS);
    assert.equal(pain?.valueInteger, 8);
  });

  it('records the survey once per token, and the private note once per key', async () => {
    const responses = (await stored('QuestionnaireResponse')).filter((r) => r.identifier?.value === DEMO_SURVEY_TOKENS.open);
    assert.equal(responses.length, 1);
    assert.equal(responses[0]!.status, 'completed');
    const questionnaire = (await stored('Questionnaire')).find((q) => q.id === 'post-discharge')!;
    assert.deepEqual(responseProblems(responses[0]!, questionnaire), []);
    assert.ok(responses[0]!.item.some((item: Any) => item.linkId === 'why'), 'a detractor answer goes to the detractor wording');
    const notes = await stored('Communication');
    assert.equal(notes.length, 1);
    assert.equal(notes[0]!.payload[0].contentString, 'Please call me back.');
  });
});
