/**
 * The journey steps with the reminders' rules, against the SMTP server and the SMS stand-in: the
 * intake link before a first visit and its nudge (dropped once the forms are in), the exercise
 * program after a completed visit, the survey at discharge; each once, and none for a visit that
 * was cancelled.
 */
import assert from 'node:assert/strict';
import { afterEach, before, describe, it, type TestContext } from 'node:test';
import { CONTRACT_NOW } from '@pxm/adapter-testkit';
import { demoHepProgram, demoSurvey } from '@pxm/core/demo';
import type { FormDefinition } from '@pxm/core/forms';
import { createRestAdapter } from '@pxm/adapter-rest';
import { postgresUnavailable, type Dialect } from './harness.js';
import { at, consentsFor, startMessagingRig as startRig, type MessagingRig } from './support/messaging-rig.js';

const SHORT_FORM: FormDefinition = {
  id: 'short-intake',
  version: '1',
  title: 'Before your visit',
  pages: [{ id: 'about', title: 'About you', items: [{ id: 'note', type: 'text', label: 'Anything we should know?', maxLength: 200 }] }],
};

async function careRows(rig: MessagingRig) {
  return rig.server.server.db.all<{ step: string; channel: string; status: string; last_error: string | null; sent_at: number | null }>(
    'SELECT step, channel, status, last_error, sent_at FROM care_messages ORDER BY due_at, step, channel',
  );
}

async function dispatchAt(rig: MessagingRig, iso: string) {
  rig.server.clock.advance(Date.parse(iso) - rig.server.clock.now().getTime());
  return rig.server.server.dispatchReminders();
}

function suite(dialect: Dialect, skip: () => string | undefined) {
  describe(`journey steps (${dialect})`, () => {
    let rig: MessagingRig | undefined;
    afterEach(async () => {
      await rig?.dispose();
      rig = undefined;
    });
    /** A rig on this suite's database, or undefined when that database is not reachable here. */
    const startMessagingRig = async (t: TestContext) => {
      if (skip()) {
        t.skip(skip());
        return undefined;
      }
      return startRig(CONTRACT_NOW, { journey: { intakeFormByAppointmentType: { 'initial-evaluation': SHORT_FORM } } }, dialect);
    };

    it('intake link, nudge dropped once the forms are in, program after the visit, survey at discharge: each once', async (t) => {
      rig = await startMessagingRig(t);
      if (!rig) return;
      const visit = await rig.book(consentsFor(['sms', 'email'], CONTRACT_NOW.toISOString()), at('2027-03-15T09:00:00-06:00'));
      assert.deepEqual((await careRows(rig)).map((row) => [row.step, row.channel, row.status]), [
        ['intake', 'email', 'pending'],
        ['intake', 'sms', 'pending'],
        ['intake-nudge', 'email', 'pending'],
        ['intake-nudge', 'sms', 'pending'],
      ]);

      // Three days before (12 March, 8:00 MST): the intake link.
      assert.deepEqual(await dispatchAt(rig, '2027-03-12T15:00:00Z'), { sent: 2, failed: 0, cancelled: 0 });
      const intakeSms = rig.sms.messages[0]!;
      assert.match(intakeSms.body, /^Cedar Ridge Physical Therapy: forms for your visit Mon, Mar 15: https:\/\/cedarridge\.example\/forms#/);
      const token = decodeURIComponent(/forms#([\w%-]+)/.exec(intakeSms.body)![1]!);

      // The patient fills them in through the real intake API; the nudge is then dropped.
      const intake = createRestAdapter({ baseUrl: rig.server.url, timeoutMs: 15_000 }).intake!;
      await intake.submit(token, { answers: { note: 'No' }, idempotencyKey: `journey-intake-submit-${dialect}` });
      await dispatchAt(rig, '2027-03-13T16:00:00Z'); // the 2-day reminder
      assert.deepEqual(await dispatchAt(rig, '2027-03-14T15:00:00Z'), { sent: 0, failed: 0, cancelled: 2 });
      assert.deepEqual((await careRows(rig)).filter((row) => row.step === 'intake-nudge').map((row) => row.last_error), ['forms already submitted', 'forms already submitted']);
      await dispatchAt(rig, '2027-03-15T14:00:00Z'); // the 2-hour reminder, 8:00 MDT

      // The visit is marked completed with a program, twice (a retried webhook): one program, one message.
      rig.server.clock.advance(3 * 3_600_000);
      const first = (await (await rig.admin(`/admin/appointments/${visit.id}/completion`, { method: 'POST', body: JSON.stringify({ program: demoHepProgram }) })).json()) as { completedAt: string; hepToken?: string };
      const again = (await (await rig.admin(`/admin/appointments/${visit.id}/completion`, { method: 'POST', body: JSON.stringify({ program: demoHepProgram }) })).json()) as { completedAt: string; hepToken?: string };
      assert.ok(first.hepToken);
      assert.equal(again.hepToken, undefined);
      assert.equal(again.completedAt, first.completedAt);
      // Three messages reached the patient in the last seven days (12, 13, 15 March): the program waits for the week's oldest to age out.
      assert.deepEqual(await rig.server.server.dispatchReminders(), { sent: 0, failed: 0, cancelled: 0 });
      await dispatchAt(rig, '2027-03-19T15:00:01Z');
      const program = rig.sms.messages.at(-1)!;
      assert.equal(program.body, `Cedar Ridge Physical Therapy: your exercise program: https://cedarridge.example/exercises#${first.hepToken} STOP to opt out`);

      // Discharge: the survey invitation, once, on a later day (one message a day).
      await rig.admin(`/admin/appointments/${visit.id}/discharge`, { method: 'POST', body: JSON.stringify({ survey: demoSurvey }) });
      await rig.admin(`/admin/appointments/${visit.id}/discharge`, { method: 'POST', body: JSON.stringify({ survey: demoSurvey }) });
      await dispatchAt(rig, '2027-03-19T16:00:00Z');
      assert.doesNotMatch(rig.sms.messages.at(-1)!.body, /how did we do/, 'not a second message the same day');
      await dispatchAt(rig, '2027-03-20T16:00:01Z');
      await dispatchAt(rig, '2027-03-21T16:00:00Z');
      assert.match(rig.sms.messages.at(-1)!.body, /^Cedar Ridge Physical Therapy: how did we do\? https:\/\/cedarridge\.example\/survey#/);

      const steps = rig.sms.messages.map((message) => /forms#|visit#|exercises#|survey#/.exec(message.body)![0]);
      assert.deepEqual(steps, ['forms#', 'visit#', 'visit#', 'exercises#', 'survey#'], 'each step once, by SMS');
      assert.equal(rig.smtp.received.length, 5, 'and once by email');
    });

    it('a cancelled visit withdraws its journey steps', async (t) => {
      rig = await startMessagingRig(t);
      if (!rig) return;
      const visit = await rig.book(consentsFor(['sms'], CONTRACT_NOW.toISOString()), at('2027-03-15T09:00:00-06:00'));
      await rig.server.adapter.booking!.cancelAppointment(visit.manageToken, {});
      assert.deepEqual((await careRows(rig)).map((row) => [row.step, row.status, row.last_error]), [
        ['intake', 'cancelled', 'appointment changed'],
        ['intake-nudge', 'cancelled', 'appointment changed'],
      ]);
      await dispatchAt(rig, '2027-03-12T15:00:00Z');
      await dispatchAt(rig, '2027-03-14T15:00:00Z');
      assert.equal(rig.sms.messages.length, 0);
      const completion = await rig.admin(`/admin/appointments/${visit.id}/completion`, { method: 'POST', body: JSON.stringify({ program: demoHepProgram }) });
      assert.equal(completion.status, 409, 'a cancelled visit is never completed');
    });
  });
}

let postgresSkip: string | undefined;
before(async () => {
  postgresSkip = await postgresUnavailable();
});

suite('sqlite', () => undefined);
suite('postgres', () => postgresSkip);
