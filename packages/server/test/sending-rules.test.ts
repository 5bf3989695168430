/**
 * The sending rules on their own, with injected instants: consent standing, quiet hours on the
 * patient's (or clinic's) wall clock across a DST change, the 1-a-day / 3-a-week caps, the SMS
 * length and alphabet, and the inbound keywords.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consentStands, type ConsentEvent } from '../src/reminders/rules/consent-standing.js';
import { nextMomentWithinCaps } from '../src/reminders/rules/frequency-caps.js';
import { nextSendingMoment, recipientTimeZone } from '../src/reminders/rules/quiet-hours.js';
import { decideSending } from '../src/reminders/rules/sending-decision.js';
import { fitsOneSms, toGsmText } from '../src/reminders/rules/sms-text.js';
import { classifyInboundSms } from '../src/reminders/rules/inbound-keywords.js';

const DENVER = 'America/Denver';
const ms = (iso: string) => Date.parse(iso);
const granted = (channel: 'sms' | 'email', scope: ConsentEvent['scope'], at: string, value = true): ConsentEvent => ({
  channel,
  scope,
  granted: value,
  source: scope === 'channel' ? 'keyword' : 'booking',
  recordedAtMs: ms(at),
});

describe('consent standing', () => {
  it('needs a consent for the kind, and the latest answer wins', () => {
    const events = [granted('sms', 'reminder', '2027-03-01T10:00:00Z')];
    assert.equal(consentStands(events, 'sms', 'reminder'), true);
    assert.equal(consentStands(events, 'sms', 'care'), false, 'a reminder consent is not a consent to other care messages');
    assert.equal(consentStands(events, 'email', 'reminder'), false, 'nor to another channel');
    const revoked = [...events, granted('sms', 'reminder', '2027-03-02T10:00:00Z', false)];
    assert.equal(consentStands(revoked, 'sms', 'reminder'), false);
  });

  it('a STOP silences the channel for every kind until START, which grants nothing new', () => {
    const events = [granted('sms', 'reminder', '2027-03-01T10:00:00Z'), granted('sms', 'channel', '2027-03-02T10:00:00Z', false)];
    assert.equal(consentStands(events, 'sms', 'reminder'), false);
    assert.equal(consentStands(events, 'email', 'reminder'), false, 'email had no consent to begin with');
    const reopened = [...events, granted('sms', 'channel', '2027-03-03T10:00:00Z')];
    assert.equal(consentStands(reopened, 'sms', 'reminder'), true);
    assert.equal(consentStands(reopened, 'sms', 'care'), false);
  });
});

describe('quiet hours', () => {
  it('holds a night message to 8:00 on the local clock, on both sides of the spring DST change', () => {
    // Saturday 13 March 2027, 22:30 MST (UTC-7): next morning is Sunday 14 March, DST begins at 2:00.
    const held = nextSendingMoment(ms('2027-03-14T05:30:00Z'), DENVER);
    assert.equal(new Date(held).toISOString(), '2027-03-14T14:00:00.000Z', '8:00 MDT (UTC-6)');
    // The day before the change: 8:00 MST is 15:00 UTC.
    assert.equal(new Date(nextSendingMoment(ms('2027-03-13T12:00:00Z'), DENVER)).toISOString(), '2027-03-13T15:00:00.000Z');
    // In the window: unchanged.
    assert.equal(nextSendingMoment(ms('2027-03-14T20:00:00Z'), DENVER), ms('2027-03-14T20:00:00Z'));
    // 21:00 MDT sharp is quiet already.
    assert.equal(new Date(nextSendingMoment(ms('2027-03-15T03:00:00Z'), DENVER)).toISOString(), '2027-03-15T14:00:00.000Z');
  });

  it('reads the patient zone when known, else the clinic zone', () => {
    assert.equal(recipientTimeZone(undefined, DENVER), DENVER);
    assert.equal(recipientTimeZone('America/New_York', DENVER), 'America/New_York');
    // 7:30 in Denver is 9:30 in New York: fine for a New York patient.
    assert.equal(nextSendingMoment(ms('2027-06-01T13:30:00Z'), 'America/New_York'), ms('2027-06-01T13:30:00Z'));
    assert.equal(new Date(nextSendingMoment(ms('2027-06-01T13:30:00Z'), DENVER)).toISOString(), '2027-06-01T14:00:00.000Z');
  });
});

describe('frequency caps', () => {
  it('one a local day: a second message waits for local midnight (in the patient zone, across DST)', () => {
    // Sent Saturday 13 March 10:00 MST; the next one that day waits to Sunday 00:00 MST (07:00Z).
    const next = nextMomentWithinCaps(ms('2027-03-13T20:00:00Z'), [ms('2027-03-13T17:00:00Z')], DENVER);
    assert.equal(new Date(next).toISOString(), '2027-03-14T07:00:00.000Z');
    // Sent Sunday 14 March (the 23-hour day); the next waits to Monday 00:00 MDT (06:00Z).
    const after = nextMomentWithinCaps(ms('2027-03-14T20:00:00Z'), [ms('2027-03-14T16:00:00Z')], DENVER);
    assert.equal(new Date(after).toISOString(), '2027-03-15T06:00:00.000Z');
  });

  it('three in any seven days: a fourth waits until the oldest is a week old', () => {
    const sent = [ms('2027-05-03T16:00:00Z'), ms('2027-05-04T16:00:00Z'), ms('2027-05-05T16:00:00Z')];
    const next = nextMomentWithinCaps(ms('2027-05-06T16:00:00Z'), sent, DENVER);
    assert.equal(next, ms('2027-05-10T16:00:00Z') + 1);
  });

  it('decideSending combines them: a capped message then lands in quiet hours and moves to 8:00', () => {
    const consentEvents = [granted('sms', 'reminder', '2027-03-01T10:00:00Z')];
    const decision = decideSending({
      nowMs: ms('2027-03-13T20:00:00Z'),
      channel: 'sms',
      kind: 'reminder',
      consentEvents,
      addressSuppressed: false,
      sentAtMs: [ms('2027-03-13T17:00:00Z')],
      timeZone: DENVER,
    });
    assert.deepEqual(decision, { action: 'hold', untilMs: ms('2027-03-14T14:00:00Z'), reason: 'frequency-cap' });
    const tooLate = decideSending({
      nowMs: ms('2027-03-13T20:00:00Z'),
      channel: 'sms',
      kind: 'reminder',
      consentEvents,
      addressSuppressed: false,
      sentAtMs: [ms('2027-03-13T17:00:00Z')],
      timeZone: DENVER,
      usefulUntilMs: ms('2027-03-14T00:00:00Z'),
    });
    assert.deepEqual(tooLate, { action: 'skip', reason: 'too-late' });
    assert.deepEqual(
      decideSending({ nowMs: ms('2027-03-13T20:00:00Z'), channel: 'sms', kind: 'care', consentEvents, addressSuppressed: false, sentAtMs: [], timeZone: DENVER }),
      { action: 'skip', reason: 'no-consent' },
    );
    assert.deepEqual(
      decideSending({ nowMs: ms('2027-03-13T20:00:00Z'), channel: 'sms', kind: 'reminder', consentEvents, addressSuppressed: true, sentAtMs: [], timeZone: DENVER }),
      { action: 'skip', reason: 'address-suppressed' },
    );
    assert.deepEqual(
      decideSending({ nowMs: ms('2027-03-13T20:00:00Z'), channel: 'sms', kind: 'reminder', consentEvents, addressSuppressed: false, sentAtMs: [], timeZone: DENVER }),
      { action: 'send' },
    );
  });
});

describe('SMS text', () => {
  it('folds into the GSM alphabet and must fit under 160 characters', () => {
    assert.equal(toGsmText('Recordatorio: cita el miércoles, día 14'), 'Recordatorio: cita el miércoles, dia 14');
    assert.equal(fitsOneSms('a'.repeat(159)), true);
    assert.equal(fitsOneSms('a'.repeat(160)), false);
    assert.equal(fitsOneSms('día'), false, 'í would switch the message to UCS-2');
  });
});

describe('inbound keywords', () => {
  it('reads the carrier keywords, whatever the case and spacing', () => {
    for (const word of ['STOP', 'stopall', 'Unsubscribe', 'CANCEL', 'end', 'QUIT', 'revoke', 'OPTOUT', 'opt  out', ' Stop. ']) {
      assert.equal(classifyInboundSms(word), 'opt-out', word);
    }
    for (const word of ['START', 'unstop']) assert.equal(classifyInboundSms(word), 'opt-in', word);
    for (const word of ['C', 'yes', 'Yes!']) assert.equal(classifyInboundSms(word), 'confirm', word);
    assert.equal(classifyInboundSms('HELP'), 'help');
    assert.equal(classifyInboundSms('Can I come at 3 instead?'), 'other');
    assert.equal(classifyInboundSms('stop texting me please'), 'other', 'only the whole message is a keyword');
  });
});

describe('message templates', () => {
  it('every SMS template fits one segment in both languages, with a full-length link and a long practice name', async () => {
    const { DEFAULT_TEMPLATES, renderSms } = await import('../src/reminders/message-templates.js');
    const values = {
      practice: 'Cedar Ridge Physical Therapy',
      phone: '+1 303-555-0142',
      startMs: ms('2027-09-29T16:00:00Z'),
      timeZone: DENVER,
      location: 'Denver Highlands',
      link: `https://cedarridge.example/exercises#${'x'.repeat(43)}`,
    };
    for (const language of ['en', 'es'] as const) {
      for (const [step, template] of Object.entries(DEFAULT_TEMPLATES[language])) {
        const text = renderSms(template.sms, values, language);
        assert.ok(fitsOneSms(text), `${language} ${step}: ${text.length} ${text}`);
        assert.ok(text.startsWith('Cedar Ridge Physical Therapy: '), 'names the practice');
        assert.ok(text.includes(values.link), 'keeps the link');
        // With a manage link's length, the opt-out words always fit.
        const withManageLink = renderSms(template.sms, { ...values, link: `https://cedarridge.example/visit#${'x'.repeat(43)}` }, language);
        assert.match(withManageLink, /STOP/, `${language} ${step}: ${withManageLink}`);
      }
    }
    // Too long for its optional parts: they go in order, the place first, and what fits stays.
    const reminder = renderSms(DEFAULT_TEMPLATES.es.reminder.sms, values, 'es');
    assert.match(reminder, /^Cedar Ridge Physical Therapy: cita mié, 29 de sept 10:00 a\.m\.: https:\/\/cedarridge\.example\/exercises#x{43} Baja: STOP$/);
    const english = renderSms(DEFAULT_TEMPLATES.en.reminder.sms, { ...values, link: `https://cedarridge.example/visit#${'x'.repeat(43)}` }, 'en');
    assert.equal(english, `Cedar Ridge Physical Therapy: visit Wed, Sep 29 10:00 AM. Manage: https://cedarridge.example/visit#${'x'.repeat(43)} STOP to opt out`);
  });
});

describe('visit type in messages', () => {
  it('is empty unless the practice opted in', async () => {
    const { renderSms } = await import('../src/reminders/message-templates.js');
    const values = { practice: 'Cedar Ridge PT', phone: '', startMs: ms('2027-06-01T16:00:00Z'), timeZone: DENVER, location: 'Denver', link: 'https://x.example/v#t' };
    assert.equal(renderSms('{practice}: {visitType} visit {date}: {link}', values, 'en'), 'Cedar Ridge PT:  visit Tue, Jun 1: https://x.example/v#t');
    assert.equal(renderSms('{practice}: {visitType} visit {date}: {link}', { ...values, visitType: 'Follow-up' }, 'en'), 'Cedar Ridge PT: Follow-up visit Tue, Jun 1: https://x.example/v#t');
  });
});
