/**
 * The patient-messaging part of the reference server's HTTP surface (not of the adapter
 * contract): the SMS provider's signed callbacks, one-click email unsubscribe, and the admin
 * API's consent ledger, replies queue, confirmations and journey triggers.
 */
import type { Json, OperationSpec } from './operation-spec.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const id = (name: string, description: string): Json => ({ name, in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 200 }, description });
const admin = [{ adminKey: [] }];

const LEDGER_ENTRY: Json = {
  type: 'object',
  required: ['id', 'patientId', 'channel', 'scope', 'granted', 'source', 'recordedAt'],
  properties: {
    id: { type: 'string' },
    patientId: { type: 'string' },
    channel: { type: 'string', enum: ['sms', 'email'] },
    scope: { type: 'string', enum: ['reminder', 'care', 'channel'], description: '`channel`: an opt-out or opt-in of the whole channel (a keyword, an unsubscribe link).' },
    granted: { type: 'boolean' },
    source: { type: 'string', enum: ['booking', 'waitlist', 'staff', 'keyword', 'unsubscribe-link'] },
    wordingVersion: { type: 'string', description: 'The consent wording the patient read (booking).' },
    language: { type: 'string' },
    timeZone: { type: 'string', description: 'The patient’s own zone, when the booking page reported it.' },
    keyword: { type: 'string', description: 'The word the patient texted (keyword).' },
    appointmentId: { type: 'string' },
    staffNote: { type: 'string' },
    recordedAt: { type: 'string', format: 'date-time' },
  },
};
const LEDGER: Json = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: LEDGER_ENTRY } } };
const APPOINTMENT_STATE: Json = {
  type: 'object',
  required: ['id', 'status', 'patientId'],
  properties: {
    id: { type: 'string' },
    status: { type: 'string', enum: ['booked', 'cancelled'] },
    patientId: { type: 'string' },
    confirmedAt: { type: 'string', format: 'date-time' },
    confirmedVia: { type: 'string', enum: ['sms', 'manage-link', 'staff'] },
    completedAt: { type: 'string', format: 'date-time' },
    dischargedAt: { type: 'string', format: 'date-time' },
  },
};
const FORM = 'application/x-www-form-urlencoded';
const SIGNATURE: Json = {
  name: 'X-Twilio-Signature',
  in: 'header',
  required: true,
  schema: { type: 'string' },
  description: 'Base64 HMAC-SHA1, keyed with the auth token, of this route’s public URL followed by each POST parameter name and value sorted by name.',
};

export const MESSAGING_OPERATIONS: Record<string, Record<string, OperationSpec>> = {
  '/messaging/sms/inbound': {
    post: {
      operationId: 'messaging.inboundSms',
      tag: 'messaging',
      summary: 'A text from a patient (provider callback)',
      description:
        'Signed by the SMS provider; a bad signature is 401 and changes nothing. `C`/`YES` confirms the next visit; STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT and OPT OUT opt out of texts at once; START/UNSTOP opt back in; HELP answers with the practice name and phone; anything else waits in the staff queue. The reply (TwiML) carries the answer to the patient.',
      parameters: [SIGNATURE],
      body: { contentType: FORM, schema: { type: 'object', required: ['MessageSid', 'From', 'Body'], properties: { MessageSid: { type: 'string' }, From: { type: 'string' }, Body: { type: 'string' } } } },
      ok: { status: '200', description: 'TwiML: a `<Message>` to the patient, or none.' },
      errors: ['400', '401', '404'],
    },
  },
  '/messaging/sms/status/{messageId}': {
    post: {
      operationId: 'messaging.deliveryStatus',
      tag: 'messaging',
      summary: 'Delivery status of a message (provider callback)',
      description: 'Signed by the SMS provider. Moves the message to queued, sent, delivered, failed or undeliverable; a number that cannot receive is marked and the practice told.',
      parameters: [id('messageId', 'The outbox id, from the callback URL given with the message.'), SIGNATURE],
      body: { contentType: FORM, schema: { type: 'object', required: ['MessageSid', 'MessageStatus'], properties: { MessageSid: { type: 'string' }, MessageStatus: { type: 'string' }, ErrorCode: { type: 'string' } } } },
      ok: { status: '204', description: 'Recorded.' },
      errors: ['400', '401', '404'],
    },
  },
  '/messaging/unsubscribe/{token}': {
    post: {
      operationId: 'messaging.unsubscribe',
      tag: 'messaging',
      summary: 'One-click unsubscribe (RFC 8058)',
      description: 'The URL of an email’s List-Unsubscribe header. Records the opt-out of email in the consent ledger.',
      parameters: [id('token', 'Sealed: names the patient and the channel.')],
      ok: { status: '200', description: 'Unsubscribed (an HTML page).' },
      errors: ['404'],
    },
    get: {
      operationId: 'messaging.unsubscribePage',
      tag: 'messaging',
      summary: 'The unsubscribe page',
      description: 'The same link opened from the email’s text: an HTML page whose button POSTs to it. A GET never unsubscribes (mail scanners follow links).',
      parameters: [id('token', 'Sealed: names the patient and the channel.')],
      ok: { status: '200', description: 'An HTML page.' },
      errors: [],
    },
  },
  '/admin/patients/{patientId}/consents': {
    get: {
      operationId: 'admin.listConsents',
      tag: 'admin',
      summary: 'A patient’s consent ledger',
      description: 'Every grant and revocation, per channel and kind, oldest first: who, when, how (booking with its wording version, staff, keyword, unsubscribe link). Append-only.',
      security: admin,
      parameters: [id('patientId', 'The patient.')],
      ok: { status: '200', description: 'The ledger.', schema: LEDGER },
      errors: ['400', '401'],
    },
    post: {
      operationId: 'admin.recordConsent',
      tag: 'admin',
      summary: 'Record a consent or revocation given to staff',
      description: 'Appends one entry (source `staff`).',
      security: admin,
      parameters: [id('patientId', 'The patient.')],
      body: {
        schema: {
          type: 'object',
          additionalProperties: false,
          required: ['channel', 'scope', 'granted'],
          properties: { channel: { type: 'string', enum: ['sms', 'email'] }, scope: { type: 'string', enum: ['reminder', 'care', 'channel'] }, granted: { type: 'boolean' }, note: { type: 'string', maxLength: 500 } },
        },
      },
      ok: { status: '201', description: 'The ledger after the entry.', schema: LEDGER },
      errors: ['400', '401', '404', '413', '415'],
    },
  },
  '/admin/replies': {
    get: {
      operationId: 'admin.listReplies',
      tag: 'admin',
      summary: 'The staff queue of patient replies',
      description: 'Texts that were not a keyword, oldest first.',
      security: admin,
      parameters: [{ name: 'state', in: 'query', schema: { type: 'string', enum: ['queued', 'done'] } }, { $ref: '#/components/parameters/Limit' }],
      ok: {
        status: '200',
        description: 'Replies.',
        schema: {
          type: 'object',
          required: ['items'],
          properties: {
            items: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'channel', 'body', 'state', 'receivedAt'],
                properties: { id: { type: 'string' }, channel: { type: 'string' }, patientId: { type: 'string' }, body: { type: 'string' }, state: { type: 'string' }, receivedAt: { type: 'string', format: 'date-time' } },
              },
            },
          },
        },
      },
      errors: ['400', '401'],
    },
  },
  '/admin/replies/{replyId}/done': {
    post: {
      operationId: 'admin.closeReply',
      tag: 'admin',
      summary: 'Mark a reply handled',
      description: 'Takes it off the queue.',
      security: admin,
      parameters: [id('replyId', 'The reply.')],
      ok: { status: '204', description: 'Done.' },
      errors: ['400', '401', '404'],
    },
  },
  '/admin/appointments/{appointmentId}': {
    get: {
      operationId: 'admin.getAppointment',
      tag: 'admin',
      summary: 'A visit’s state',
      description: 'Booked or cancelled; confirmed (when, how), completed, discharged.',
      security: admin,
      parameters: [id('appointmentId', 'The appointment.')],
      ok: { status: '200', description: 'The state.', schema: APPOINTMENT_STATE },
      errors: ['400', '401', '404'],
    },
  },
  '/admin/appointments/{appointmentId}/confirmation': {
    post: {
      operationId: 'admin.confirmAppointment',
      tag: 'admin',
      summary: 'Confirm a visit for the patient',
      description: 'Staff confirm (the patient called). The practice webhook hears of it once.',
      security: admin,
      parameters: [id('appointmentId', 'The appointment.')],
      ok: { status: '200', description: 'The state.', schema: APPOINTMENT_STATE },
      errors: ['400', '401', '404'],
    },
  },
  '/admin/appointments/{appointmentId}/completion': {
    post: {
      operationId: 'admin.completeVisit',
      tag: 'admin',
      summary: 'Mark a visit completed (journey trigger)',
      description:
        'Records that the visit took place. With a program, issues its link and sends it (once; a repeated call changes nothing). Pending intake messages of the visit are dropped. For a visit booked with a referral, the first one starts the 30-day plan-of-care clock and queues a status message to the referrer (`referralId` in the answer).',
      security: admin,
      parameters: [id('appointmentId', 'The appointment.')],
      body: { schema: { type: 'object', additionalProperties: false, properties: { program: ref('HepProgram') } } },
      ok: { status: '200', description: 'The state, with the program link issued (shown once).', schema: { ...APPOINTMENT_STATE, properties: { ...(APPOINTMENT_STATE.properties as Json), hepProgramId: { type: 'string' }, hepToken: { type: 'string' }, referralId: { type: 'string' } } } },
      errors: ['400', '401', '404', '409', '413', '415'],
    },
  },
  '/admin/appointments/{appointmentId}/discharge': {
    post: {
      operationId: 'admin.discharge',
      tag: 'admin',
      summary: 'Discharge (journey trigger)',
      description: 'Issues the survey invitation and sends it (once).',
      security: admin,
      parameters: [id('appointmentId', 'The appointment.')],
      body: { schema: { type: 'object', additionalProperties: false, required: ['survey'], properties: { survey: ref('SurveyDefinition') } } },
      ok: { status: '200', description: 'The state, with the invitation issued (shown once).', schema: { ...APPOINTMENT_STATE, properties: { ...(APPOINTMENT_STATE.properties as Json), invitationId: { type: 'string' }, surveyToken: { type: 'string' } } } },
      errors: ['400', '401', '404', '409', '413', '415'],
    },
  },
};
