/**
 * The REST contract as an OpenAPI 3.1 document (written to docs/api/openapi.yaml). Paths and
 * prose are here; every component schema is generated from core's zod schemas, so the document
 * cannot drift from what adapters and the server validate.
 */
import * as contract from '@pxm/core';
import * as booking from '@pxm/core/booking';
import * as forms from '@pxm/core/forms';
import * as hep from '@pxm/core/hep';
import * as progress from '@pxm/core/progress';
import * as referral from '@pxm/core/referral';
import * as survey from '@pxm/core/survey';
import { registry, toJSONSchema } from 'zod/v4/core';
import * as z from 'zod/mini';
import { EXAMPLES } from './examples.js';

/** Every schema of the contract, whichever entry point exports it. */
const core = { ...contract, ...booking, ...forms, ...hep, ...survey, ...progress, ...referral };

import type { Json, OperationSpec } from './operation-spec.js';
import { MESSAGING_OPERATIONS } from './messaging-operations.js';
import { OPERATOR_OPERATIONS } from './operator-operations.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The core schemas published as components, by component name. */
function componentSchemas(): Record<string, z.ZodMiniType> {
  const omitKey = <T extends z.ZodMiniObject>(schema: T, key: string) => z.omit(schema, { [key]: true } as never);
  return {
    Practice: core.PracticeSchema,
    CancellationPolicy: core.CancellationPolicySchema,
    Location: core.LocationSchema,
    AppointmentType: core.AppointmentTypeSchema,
    Provider: core.ProviderSchema,
    Slot: core.SlotSchema,
    Hold: core.HoldSchema,
    PatientDetails: core.PatientDetailsSchema,
    Coverage: core.CoverageSchema,
    ReminderConsent: core.ReminderConsentSchema,
    BookRequestBody: omitKey(core.BookRequestSchema, 'idempotencyKey'),
    Appointment: core.AppointmentSchema,
    ManagedAppointment: core.ManagedAppointmentSchema,
    CancelRequest: core.CancelRequestSchema,
    RescheduleRequestBody: omitKey(core.RescheduleRequestSchema, 'idempotencyKey'),
    WaitlistRequestBody: omitKey(core.WaitlistRequestSchema, 'idempotencyKey'),
    WaitlistEntry: core.WaitlistEntrySchema,
    EligibilityResult: core.EligibilityResultSchema,
    FormDefinition: core.FormDefinitionSchema,
    FormItem: core.FormItemSchema,
    Condition: core.ConditionSchema,
    Answers: core.AnswersSchema,
    Draft: core.DraftSchema,
    SaveDraftRequestBody: omitKey(core.SaveDraftRequestSchema, 'baseVersion'),
    PromScore: core.PromScoreSchema,
    IntakeSession: core.IntakeSessionSchema,
    AttachmentRef: core.AttachmentRefSchema,
    SubmitIntakeRequestBody: omitKey(core.SubmitIntakeRequestSchema, 'idempotencyKey'),
    IntakeResponse: core.IntakeResponseSchema,
    HepProgram: core.HepProgramSchema,
    ActivityLogEntry: core.ActivityLogEntrySchema,
    SurveyDefinition: core.SurveyDefinitionSchema,
    SurveyAnswers: core.SurveyAnswersSchema,
    SurveyInvitation: core.SurveyInvitationSchema,
    SubmitSurveyRequestBody: omitKey(core.SubmitSurveyRequestSchema, 'idempotencyKey'),
    SurveyResponse: core.SurveyResponseSchema,
    SurveyFeedbackBody: omitKey(core.SendSurveyFeedbackRequestSchema, 'idempotencyKey'),
    ProgressView: core.ProgressViewSchema,
    EpisodeOfCare: core.EpisodeOfCareSchema,
    Goal: core.GoalSchema,
    GoalRating: core.GoalRatingSchema,
    GoalRatingInput: core.GoalRatingInputSchema,
    GoalSetting: core.GoalSettingSchema,
    TherapistRatingInput: core.TherapistRatingInputSchema,
    MeasureSeries: core.MeasureSeriesSchema,
    MeasureResult: core.MeasureResultSchema,
    MeasureAssignment: core.MeasureAssignmentSchema,
    DueMeasure: core.DueMeasureSchema,
    ReferralInputBody: omitKey(core.ReferralInputSchema, 'idempotencyKey'),
    ReferralReceipt: core.ReferralReceiptSchema,
    ReferralAttachmentReceipt: core.AttachmentReceiptSchema,
    ReferralInboxItem: core.ReferralInboxItemSchema,
    ReferralDetails: core.ReferralDetailsSchema,
    ReferralTriageRequest: core.ReferralTriageRequestSchema,
    ReferralTransmission: core.ReferralTransmissionSchema,
    ReferralBookingContext: core.ReferralBookingContextSchema,
    PlanOfCareDeadline: core.PlanOfCareDeadlineSchema,
    RecertificationDue: core.RecertificationDueSchema,
  };
}

/** JSON Schema for each component; long generated patterns give way to the `format` they spell. */
function generatedSchemas(): Record<string, Json> {
  const reg = registry<{ id: string }>();
  for (const [id, schema] of Object.entries(componentSchemas())) reg.add(schema as never, { id });
  const output = toJSONSchema(reg as never, { uri: (id: string) => `#/components/schemas/${id}`, unrepresentable: 'any', io: 'input' } as never) as unknown as {
    schemas: Record<string, Json>;
  };
  const tidy = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(tidy);
    if (typeof node !== 'object' || node === null) return node;
    const copy: Json = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$schema' || key === '$id') continue;
      if (key === 'pattern' && 'format' in node) continue;
      copy[key] = tidy(value);
    }
    return copy;
  };
  return Object.fromEntries(Object.entries(output.schemas).map(([id, schema]) => [id, tidy(schema) as Json]));
}

const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details, extended with the contract error `code` and `retryable`.',
  required: ['type', 'title', 'status', 'detail', 'code', 'retryable'],
  properties: {
    type: { type: 'string', description: '`urn:pxm:error:<code>`.' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string', description: 'For people; clients branch on `code`, never on this text.' },
    code: { type: 'string', enum: [...core.ADAPTER_ERROR_CODES] },
    retryable: { type: 'boolean', description: 'Whether the same request may succeed later without any change.' },
    operation: { type: 'string', description: 'The contract operation, e.g. `booking.book`.' },
    issues: {
      type: 'array',
      description: 'Which fields were wrong (paths are dotted; values are never echoed).',
      items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
    requestId: { type: 'string', description: 'Also in the `X-Request-Id` header; quote it when reporting a problem.' },
  },
};

const pageOf = (item: string) => ({
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: {
    items: { type: 'array', items: ref(item) },
    nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; `null` on the last page.' },
  },
});

const ERROR_DESCRIPTIONS: Record<string, string> = {
  '400': 'Invalid request (`validation`): malformed JSON, a wrong type, an unknown field, a bad query parameter.',
  '401': '`unauthorized`: missing or wrong API key.',
  '404': '`token_invalid` (unknown link token, or a token of another capability) or `not_found`.',
  '409': '`slot_unavailable`, `conflict` or `already_submitted`.',
  '410': '`token_expired` or `hold_expired`.',
  '412': '`conflict`: the draft changed since the version in `If-Match`.',
  '413': 'The body is larger than the server accepts (`validation`).',
  '415': 'The body is not `application/json` (`validation`).',
  '428': '`If-Match` (or `If-None-Match: *`) is required (`validation`).',
  '429': 'An abuse limit was hit (per address, link, hold or key; see the server README): `retryable: true`, with `Retry-After` in seconds.',
  '501': '`unsupported`: this backend lacks the capability.',
  '503': 'The database is unavailable: `retryable: true`, with `Retry-After`. Safe to repeat.',
};

function errorResponses(codes: readonly string[]): Json {
  return Object.fromEntries(
    [...codes, '429', '503'].map((status) => [
      status,
      {
        description: ERROR_DESCRIPTIONS[status],
        ...(status === '503' || status === '429' ? { headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } } : {}),
        content: {
          'application/problem+json': {
            schema: { $ref: '#/components/schemas/Problem' },
            ...(status === '400' ? { example: EXAMPLES.validationProblem } : status === '503' ? { example: EXAMPLES.unavailableProblem } : status === '409' ? { example: EXAMPLES.problem } : {}),
          },
        },
      },
    ]),
  );
}


const p = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const json = (schema: Json, example?: unknown) => ({ 'application/json': { schema, ...(example === undefined ? {} : { example }) } });

function operation(spec: OperationSpec): Json {
  return {
    operationId: spec.operationId,
    tags: [spec.tag],
    summary: spec.summary,
    description: spec.description,
    ...(spec.parameters ? { parameters: spec.parameters } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: spec.body.required ?? true,
            content: Object.fromEntries(
              [spec.body.contentType ?? 'application/json'].flat().map((type) => [type, { schema: spec.body!.schema, ...(spec.body!.example === undefined ? {} : { example: spec.body!.example }) }]),
            ),
          },
        }
      : {}),
    responses: {
      [spec.ok.status]: {
        description: spec.ok.description,
        ...(spec.ok.headers ? { headers: spec.ok.headers } : {}),
        ...(spec.ok.schema ? { content: json(spec.ok.schema, spec.ok.example) } : {}),
      },
      ...errorResponses(spec.errors),
    },
    ...(spec.security ? { security: spec.security } : {}),
  };
}

const PAGING = [p('Limit'), p('Cursor')];
const EPISODE_ID = [{ name: 'episodeId', in: 'path', required: true, schema: { type: 'string' }, description: 'The `id` returned when the episode was opened.' }];
const ADMIN = [{ adminKey: [] }];
const idParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const referralWithRecords = {
  allOf: [ref('ReferralInboxItem'), { type: 'object', properties: { transmissions: { type: 'array', items: ref('ReferralTransmission') } } }],
};
const faxCallbackBody = {
  schema: {
    type: 'object',
    required: ['fax', 'success'],
    properties: {
      fax: { type: 'string', description: 'JSON: the fax (`id`, `from_number`, `status`, ...).' },
      success: { type: 'string', enum: ['true', 'false'] },
      is_test: { type: 'string' },
      direction: { type: 'string' },
      event_type: { type: 'string' },
      file: { type: 'string', format: 'binary', description: 'The received PDF (inbound only).' },
    },
  },
  contentType: 'multipart/form-data',
};
const signedFax =
  ' Signed as Phaxio documents: `X-Phaxio-Signature` is the hex HMAC-SHA1, keyed with the callback token, of the callback URL as configured, each field\'s name and value sorted by name, then each file field\'s name and the SHA-1 hex of its bytes. A signature that does not verify is 401 and changes nothing. 404 unless fax callbacks are configured.';
const signedHisp =
  ' Signed by the HISP: `X-Hisp-Timestamp` (epoch seconds, within 5 minutes) and `X-Hisp-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">` with the shared secret. A signature that does not verify, or a stale timestamp, is 401 and changes nothing. 404 unless Direct callbacks are configured.';

/** The referral inbox, its loop back to referrers, and the fax and Direct callbacks. */
const REFERRAL_INBOX_OPERATIONS: Record<string, Record<string, OperationSpec>> = {
  '/admin/referrals': {
    get: {
      operationId: 'admin.listReferrals',
      tag: 'admin',
      summary: 'The referral inbox',
      description:
        'Referrals from every channel (web form, fax, Direct), newest first, paginated. Filter by `status`, `source`, or `duplicates=true` (only those marked a possible duplicate of an older one). Fax and Direct referrals are `complete: false` until staff fill their details in.',
      security: ADMIN,
      parameters: [
        { name: 'status', in: 'query', schema: { type: 'string', enum: ['new', 'contacted', 'scheduled', 'declined'] } },
        { name: 'source', in: 'query', schema: { type: 'string', enum: ['web', 'fax', 'direct'] } },
        { name: 'duplicates', in: 'query', schema: { type: 'string', enum: ['true', 'false'] } },
        ...PAGING,
      ],
      ok: { status: '200', description: 'A page of referrals.', schema: pageOf('ReferralInboxItem') },
      errors: ['400', '401'],
    },
  },
  '/admin/referrals/{id}': {
    get: {
      operationId: 'admin.getReferral',
      tag: 'admin',
      summary: 'One referral',
      description: 'The referral with its files (ids, types, sizes), its triage history (who, when, from, to, why) and its transmissions to the referrer with their delivery status.',
      security: ADMIN,
      parameters: [idParam('id')],
      ok: { status: '200', description: 'The referral.', schema: referralWithRecords },
      errors: ['400', '401', '404'],
    },
  },
  '/admin/referrals/{id}/attachments/{attachmentId}': {
    get: {
      operationId: 'admin.getReferralAttachment',
      tag: 'admin',
      summary: 'A referral\'s file',
      description: 'The bytes, with their type, as an attachment download.',
      security: ADMIN,
      parameters: [idParam('id'), idParam('attachmentId')],
      ok: { status: '200', description: 'The file.' },
      errors: ['400', '401', '404'],
    },
  },
  '/admin/referrals/{id}/triage': {
    post: {
      operationId: 'admin.triageReferral',
      tag: 'admin',
      summary: 'Triage a referral',
      description:
        'Moves it (new -> contacted, scheduled or declined; contacted -> contacted, scheduled or declined; scheduled -> contacted or declined; declined -> new), with `by` (who) and a `reason` exactly when declining. Each step is appended to the history. Becoming scheduled queues a status message to the referrer. Another move is 409.',
      security: ADMIN,
      parameters: [idParam('id')],
      body: { schema: ref('ReferralTriageRequest') },
      ok: { status: '200', description: 'The referral after the step.', schema: ref('ReferralInboxItem') },
      errors: ['400', '401', '404', '409', '415'],
    },
  },
  '/admin/referrals/{id}/details': {
    put: {
      operationId: 'admin.updateReferralDetails',
      tag: 'admin',
      summary: 'Fill in a referral',
      description: 'What staff read from a faxed or Direct order (or a correction): the referral becomes complete and its duplicate mark is worked out again.',
      security: ADMIN,
      parameters: [idParam('id')],
      body: { schema: ref('ReferralDetails') },
      ok: { status: '200', description: 'The referral.', schema: ref('ReferralInboxItem') },
      errors: ['400', '401', '404', '415'],
    },
  },
  '/admin/referrals/{id}/booking-links': {
    post: {
      operationId: 'admin.createReferralBookingLink',
      tag: 'admin',
      summary: 'A link to book with the referral attached',
      description:
        'A link token (shown once) for `<pxm-booking referral-token>`: the visit type is the first of the referral\'s discipline a new patient may book, unless `appointmentTypeId` names one. Booking with it links the visit to the referral and schedules it. Default life 30 days. 409 while the referral is incomplete.',
      security: ADMIN,
      parameters: [idParam('id')],
      body: { schema: { type: 'object', properties: { appointmentTypeId: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' } }, additionalProperties: false } },
      ok: {
        status: '201',
        description: 'The link.',
        schema: { type: 'object', required: ['id', 'token', 'appointmentTypeId', 'expiresAt'], properties: { id: { type: 'string' }, token: { type: 'string' }, appointmentTypeId: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' } } },
      },
      errors: ['400', '401', '404', '409', '415'],
    },
  },
  '/admin/referrals/{id}/discharge': {
    post: {
      operationId: 'admin.dischargeReferral',
      tag: 'admin',
      summary: 'Discharge the referred patient',
      description: 'Records the discharge (once) and queues a status message to the referrer. 409 before a first visit was seen.',
      security: ADMIN,
      parameters: [idParam('id')],
      ok: { status: '200', description: 'When.', schema: { type: 'object', required: ['referralId', 'dischargedAt'], properties: { referralId: { type: 'string' }, dischargedAt: { type: 'string', format: 'date-time' } } } },
      errors: ['400', '401', '404', '409'],
    },
  },
  '/admin/referrals/{id}/plans-of-care': {
    post: {
      operationId: 'admin.uploadPlanOfCare',
      tag: 'admin',
      summary: 'Upload a plan of care',
      description: 'The plan as a PDF body, with its certification date (`certifiedOn`, a local date). It is queued for transmission to the referrer by their channel (Direct, fax, or email where allowed).',
      security: ADMIN,
      parameters: [idParam('id'), { name: 'certifiedOn', in: 'query', required: true, schema: { type: 'string', format: 'date' } }],
      body: { schema: { type: 'string', format: 'binary' }, contentType: 'application/pdf' },
      ok: {
        status: '201',
        description: 'The stored plan; `queued` is false when the referrer has no channel.',
        schema: { type: 'object', required: ['id', 'referralId', 'certifiedOn', 'size', 'queued'], properties: { id: { type: 'string' }, referralId: { type: 'string' }, certifiedOn: { type: 'string', format: 'date' }, size: { type: 'integer' }, queued: { type: 'boolean' } } },
      },
      errors: ['400', '401', '404', '413', '415'],
    },
  },
  '/admin/plans-of-care/late': {
    get: {
      operationId: 'admin.listLatePlansOfCare',
      tag: 'admin',
      summary: 'Plans of care not sent within 30 days',
      description: 'Referrals whose plan of care was not transmitted by the 30th day after the first visit, counted in calendar days in the clinic\'s time zone (unsent and past the date, or sent late).',
      security: ADMIN,
      parameters: [p('Limit')],
      ok: { status: '200', description: 'The list.', schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('PlanOfCareDeadline') } } } },
      errors: ['400', '401'],
    },
  },
  '/admin/recertifications': {
    get: {
      operationId: 'admin.listRecertificationsDue',
      tag: 'admin',
      summary: 'Recertifications coming due',
      description: 'The latest plan of each referral still in care whose recertification date (90 days after certification, in the clinic\'s zone) is within `withinDays` (default 14) or has passed.',
      security: ADMIN,
      parameters: [{ name: 'withinDays', in: 'query', schema: { type: 'integer', minimum: 0, maximum: 999 } }, p('Limit')],
      ok: { status: '200', description: 'The list.', schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('RecertificationDue') } } } },
      errors: ['400', '401'],
    },
  },
  '/admin/referral-transmissions/dispatch': {
    post: {
      operationId: 'admin.dispatchReferralTransmissions',
      tag: 'admin',
      summary: 'Send due messages to referrers now',
      description: 'Runs every due transmission once (the poller does it every minute unless turned off for a job queue). Each row is claimed before it is sent: safe from several processes.',
      security: ADMIN,
      ok: { status: '200', description: 'Counts.', schema: { type: 'object', properties: { sent: { type: 'integer' }, retrying: { type: 'integer' }, failed: { type: 'integer' }, skipped: { type: 'integer' } } } },
      errors: ['401'],
    },
  },
  '/booking/referral-context/{token}': {
    get: {
      operationId: 'booking.getReferralContext',
      tag: 'booking',
      summary: 'The visit a referral link books',
      description: 'For `<pxm-booking>` opened with a referral booking link: the visit type and discipline, nothing about the patient. Send the token again as `referralToken` when booking.',
      parameters: [idParam('token')],
      ok: { status: '200', description: 'The context.', schema: ref('ReferralBookingContext') },
      errors: ['404', '410'],
    },
  },
  '/webhooks/fax/inbound': {
    post: {
      operationId: 'referral.receiveFax',
      tag: 'referral',
      summary: 'Inbound fax (provider callback)',
      description: `A received fax becomes a referral (source fax, status new, details to fill in) with its PDF. The same fax id again answers 200 with the same referral.${signedFax}`,
      body: faxCallbackBody,
      ok: { status: '201', description: 'Taken in.', schema: { type: 'object', properties: { accepted: { type: 'boolean' }, referralId: { type: 'string' }, created: { type: 'boolean' } } } },
      errors: ['400', '401', '404', '409', '413'],
    },
  },
  '/webhooks/fax/status': {
    post: {
      operationId: 'referral.faxStatus',
      tag: 'referral',
      summary: 'Sent-fax delivery status (provider callback)',
      description: `Records the delivery status of a status message or plan of care sent by fax: the \`fax\` field's \`id\` is the id the send API answered; \`success\` \`true\` makes the transmission delivered, otherwise failed with \`fax_<error_type>\` (or \`fax_failed\`).${signedFax}`,
      body: faxCallbackBody,
      ok: { status: '200', description: 'Whether a transmission matched.', schema: { type: 'object', properties: { matched: { type: 'boolean' } } } },
      errors: ['400', '401', '404'],
    },
  },
  '/webhooks/direct/messages': {
    post: {
      operationId: 'referral.receiveDirect',
      tag: 'referral',
      summary: 'Inbound Direct message (HISP callback)',
      description: `A Direct message with a PDF or image becomes a referral (source direct, status new). The same message id again answers 200.${signedHisp}`,
      body: { schema: { type: 'object' } },
      ok: { status: '201', description: 'Taken in.', schema: { type: 'object', properties: { accepted: { type: 'boolean' }, referralId: { type: 'string' }, created: { type: 'boolean' } } } },
      errors: ['400', '401', '404', '409', '413'],
    },
  },
  '/webhooks/direct/status': {
    post: {
      operationId: 'referral.directStatus',
      tag: 'referral',
      summary: 'Direct delivery status (HISP callback)',
      description: `Records the delivery status (MDN) of a message sent by Direct: \`{ event: "message.status", messageId, status, reason? }\` where \`status\` is \`processed\` (the receiving HISP has it; nothing changes), \`dispatched\` or \`delivered\` (the transmission becomes delivered) or \`failed\` (it becomes failed; a short word-like \`reason\` is kept as \`direct_<reason>\`, free text as \`direct_failed\`).${signedHisp}`,
      body: { schema: { type: 'object' } },
      ok: {
        status: '200',
        description: 'Whether a transmission matched; `final: false` for `processed`, which changes nothing.',
        schema: { type: 'object', properties: { matched: { type: 'boolean' }, final: { type: 'boolean' } } },
      },
      errors: ['400', '401', '404'],
    },
  },
};

export const OPERATIONS: Record<string, Record<string, OperationSpec>> = {
  '/booking/practice': {
    get: {
      operationId: 'booking.getPractice',
      tag: 'booking',
      summary: 'The practice',
      description: 'Name, contact, cancellation policy, what to bring, review links.',
      ok: { status: '200', description: 'The practice.', schema: ref('Practice'), example: EXAMPLES.practice },
      errors: [],
    },
  },
  '/booking/locations': {
    get: {
      operationId: 'booking.listLocations',
      tag: 'booking',
      summary: 'Locations',
      description: 'Every location, each with its IANA time zone. Paginated.',
      parameters: PAGING,
      ok: { status: '200', description: 'A page of locations.', schema: pageOf('Location'), example: EXAMPLES.locationsPage },
      errors: ['400'],
    },
  },
  '/booking/appointment-types': {
    get: {
      operationId: 'booking.listAppointmentTypes',
      tag: 'booking',
      summary: 'Appointment types',
      description: 'Visit types, optionally only those offered at a location. Paginated.',
      parameters: [{ name: 'locationId', in: 'query', schema: { type: 'string' } }, ...PAGING],
      ok: { status: '200', description: 'A page of appointment types.', schema: pageOf('AppointmentType'), example: EXAMPLES.appointmentTypesPage },
      errors: ['400'],
    },
  },
  '/booking/providers': {
    get: {
      operationId: 'booking.listProviders',
      tag: 'booking',
      summary: 'Providers',
      description: 'Providers, optionally only those at a location and/or offering a visit type. Paginated.',
      parameters: [{ name: 'locationId', in: 'query', schema: { type: 'string' } }, { name: 'appointmentTypeId', in: 'query', schema: { type: 'string' } }, ...PAGING],
      ok: { status: '200', description: 'A page of providers.', schema: pageOf('Provider'), example: EXAMPLES.providersPage },
      errors: ['400'],
    },
  },
  '/booking/slots': {
    get: {
      operationId: 'booking.findSlots',
      tag: 'booking',
      summary: 'Free slots',
      description:
        'Free slots starting in `[from, to)` (at most 190 days), sorted by start then provider, computed in the location\'s zone across DST changes. Held and booked times are not offered. Without `providerId`: any provider ("first available"). Paginated (default 500 per page).',
      parameters: [
        { name: 'locationId', in: 'query', required: true, schema: { type: 'string' } },
        { name: 'appointmentTypeId', in: 'query', required: true, schema: { type: 'string' } },
        { name: 'providerId', in: 'query', schema: { type: 'string' } },
        { name: 'from', in: 'query', required: true, schema: { type: 'string', format: 'date-time' }, example: '2027-03-08T00:00:00-07:00' },
        { name: 'to', in: 'query', required: true, schema: { type: 'string', format: 'date-time' }, example: '2027-03-20T00:00:00-06:00' },
        ...PAGING,
      ],
      ok: { status: '200', description: 'A page of slots.', schema: pageOf('Slot'), example: EXAMPLES.slotsPage },
      errors: ['400', '404'],
    },
  },
  '/booking/holds': {
    post: {
      operationId: 'booking.holdSlot',
      tag: 'booking',
      summary: 'Hold a slot',
      description:
        'Reserves the slot until `expiresAt` (10 minutes by default): it is hidden from everyone else and cannot be held twice. With an `Idempotency-Key`, a repeated request returns the same hold instead of failing on its own hold.',
      parameters: [p('IdempotencyKeyOptional')],
      body: { schema: { type: 'object', additionalProperties: false, required: ['slotId'], properties: { slotId: { type: 'string', description: 'From a slot search; opaque.' } } }, example: EXAMPLES.holdRequest },
      ok: { status: '201', description: 'The hold.', schema: ref('Hold'), example: EXAMPLES.hold },
      errors: ['400', '404', '409', '413', '415'],
    },
  },
  '/booking/holds/{holdId}/renewal': {
    post: {
      operationId: 'booking.renewHold',
      tag: 'booking',
      summary: 'Extend a hold',
      description: 'Moves an unexpired hold\'s expiry to now plus the hold time. Safe to repeat.',
      parameters: [p('HoldId')],
      ok: { status: '200', description: 'The renewed hold.', schema: ref('Hold'), example: EXAMPLES.hold },
      errors: ['409', '410'],
    },
  },
  '/booking/holds/{holdId}': {
    delete: {
      operationId: 'booking.releaseHold',
      tag: 'booking',
      summary: 'Release a hold',
      description: 'Frees the slot at once. Releasing an unknown, expired or used hold also answers 204.',
      parameters: [p('HoldId')],
      ok: { status: '204', description: 'Released (or nothing to release).' },
      errors: [],
    },
  },
  '/booking/appointments': {
    post: {
      operationId: 'booking.book',
      tag: 'booking',
      summary: 'Book a held slot',
      description:
        'Books the held slot once. The `Idempotency-Key` header is required: the same key with the same body returns the same appointment (201 again), so a retried or double-clicked booking books once; the same key with any other body (another hold, another patient) is 409 `conflict`. A new patient is created; a returning one is matched on last name, date of birth and phone or email. When no single record matches (none, or a duplicate), the visit is booked anyway under a new record marked unverified for the front desk to reconcile: the reply (201, the same appointment shape) never tells whether a person is a patient. Reminder consents schedule SMS/email reminders.',
      parameters: [p('IdempotencyKey')],
      body: { schema: ref('BookRequestBody'), example: EXAMPLES.bookRequest },
      ok: { status: '201', description: 'The appointment, with its manage token (shown here only).', schema: ref('Appointment'), example: EXAMPLES.appointment },
      errors: ['400', '404', '409', '410', '413', '415'],
    },
  },
  '/booking/appointments/{manageToken}': {
    get: {
      operationId: 'booking.getAppointment',
      tag: 'booking',
      summary: 'Open a manage link',
      description: 'The appointment behind a manage token, its cancellation policy, and whether a change now falls inside the notice window. A past visit is 410 `token_expired`.',
      parameters: [p('ManageToken')],
      ok: { status: '200', description: 'The managed appointment.', schema: ref('ManagedAppointment'), example: EXAMPLES.managedAppointment },
      errors: ['404', '410'],
    },
  },
  '/booking/appointments/{manageToken}/cancellation': {
    post: {
      operationId: 'booking.cancelAppointment',
      tag: 'booking',
      summary: 'Cancel',
      description:
        'Cancels the visit, frees its time and cancels its pending reminders. Inside the notice window, when the practice charges a late fee, `acknowledgedFee: true` is required (400 otherwise). Cancelling a cancelled visit returns it unchanged: safe to repeat.',
      parameters: [p('ManageToken')],
      body: { schema: ref('CancelRequest'), example: EXAMPLES.cancelRequest },
      ok: { status: '200', description: 'The cancelled appointment.', schema: ref('Appointment'), example: EXAMPLES.cancelledAppointment },
      errors: ['400', '404', '410', '413', '415'],
    },
  },
  '/booking/appointments/{manageToken}/confirmation': {
    post: {
      operationId: 'booking.confirmAppointment',
      tag: 'booking',
      summary: "Confirm (\"I'll be there\")",
      description:
        'The patient says they will come. Sets `confirmedAt` (the practice webhook hears of it once); confirming a confirmed visit returns it unchanged: safe to repeat. A cancelled visit is 409. Optional for a backend: the element offers the button only when the adapter has the method.',
      parameters: [p('ManageToken')],
      ok: { status: '200', description: 'The confirmed appointment.', schema: ref('Appointment') },
      errors: ['404', '409', '410'],
    },
  },
  '/booking/appointments/{manageToken}/reschedule': {
    post: {
      operationId: 'booking.rescheduleAppointment',
      tag: 'booking',
      summary: 'Reschedule',
      description:
        'Books the held new time, then cancels the old visit, in one transaction: the patient never has neither. The manage token moves to the new appointment. `Idempotency-Key` required.',
      parameters: [p('ManageToken'), p('IdempotencyKey')],
      body: { schema: ref('RescheduleRequestBody'), example: EXAMPLES.rescheduleRequest },
      ok: { status: '201', description: 'The new appointment.', schema: ref('Appointment'), example: EXAMPLES.rescheduledAppointment },
      errors: ['400', '404', '409', '410', '413', '415'],
    },
  },
  '/booking/waitlist': {
    post: {
      operationId: 'booking.joinWaitlist',
      tag: 'booking',
      summary: 'Join the waitlist',
      description: 'Records the patient\'s preferences for a visit type. `Idempotency-Key` required.',
      parameters: [p('IdempotencyKey')],
      body: { schema: ref('WaitlistRequestBody'), example: EXAMPLES.waitlistRequest },
      ok: { status: '201', description: 'The waitlist entry.', schema: ref('WaitlistEntry'), example: EXAMPLES.waitlistEntry },
      errors: ['400', '404', '409', '413', '415'],
    },
  },
  '/booking/eligibility': {
    post: {
      operationId: 'booking.verifyEligibility',
      tag: 'booking',
      summary: 'Check insurance eligibility (optional)',
      description: 'Asks the backend\'s eligibility provider (a clearinghouse, or payer rules). Changes nothing; safe to repeat. Backends without one answer 501 or leave the path out.',
      body: { schema: ref('Coverage'), example: EXAMPLES.coverage },
      ok: { status: '200', description: 'The result.', schema: ref('EligibilityResult'), example: EXAMPLES.eligibility },
      errors: ['400', '413', '415', '501'],
    },
  },
  '/intake/{token}': {
    get: {
      operationId: 'intake.loadForm',
      tag: 'intake',
      summary: 'Open an intake link',
      description: 'The form, the saved draft (if any) and prior outcome scores. The `ETag` is the draft version (`"0"` without a draft).',
      parameters: [p('IntakeToken')],
      ok: { status: '200', description: 'The session.', schema: ref('IntakeSession'), example: EXAMPLES.intakeSession, headers: { ETag: { $ref: '#/components/headers/DraftETag' } } },
      errors: ['404', '410'],
    },
  },
  '/intake/{token}/draft': {
    put: {
      operationId: 'intake.saveDraft',
      tag: 'intake',
      summary: 'Save the draft',
      description:
        'Replaces the draft, built on the version in `If-Match` (`If-None-Match: *` for the first save). A save on a stale version is 412 `conflict`: the draft changed in another tab. Repeating the save that made the current version returns that draft, so a retry after a lost reply is safe.',
      parameters: [p('IntakeToken'), p('IfMatch'), p('IfNoneMatch')],
      body: { schema: ref('SaveDraftRequestBody'), example: EXAMPLES.saveDraftRequest },
      ok: { status: '200', description: 'The saved draft; `ETag` is its version.', schema: ref('Draft'), example: EXAMPLES.draft, headers: { ETag: { $ref: '#/components/headers/DraftETag' } } },
      errors: ['400', '404', '409', '410', '412', '413', '415', '428'],
    },
  },
  '/intake/{token}/attachments': {
    post: {
      operationId: 'intake.uploadAttachment',
      tag: 'intake',
      summary: 'Upload a file',
      description:
        'The file itself as the body (never base64 in answers), typed by `Content-Type` (JPEG, PNG, WebP, HEIC or PDF; the bytes must match the type), at most 10 MiB. Put the returned reference in the answers. With an `Idempotency-Key`, a repeated upload returns the same reference.',
      parameters: [p('IntakeToken'), { name: 'purpose', in: 'query', schema: { type: 'string', maxLength: 100 }, example: 'insurance-card-front' }, p('IdempotencyKeyOptional')],
      body: { schema: { type: 'string', format: 'binary' }, contentType: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'] },
      ok: { status: '201', description: 'The stored file\'s reference.', schema: ref('AttachmentRef'), example: EXAMPLES.attachment },
      errors: ['400', '404', '409', '410', '413'],
    },
  },
  '/intake/{token}/submission': {
    post: {
      operationId: 'intake.submit',
      tag: 'intake',
      summary: 'Submit',
      description: 'Submits once. The same `Idempotency-Key` returns the same response; any other submit of the link is 409 `already_submitted`, even concurrently.',
      parameters: [p('IntakeToken'), p('IdempotencyKey')],
      body: { schema: ref('SubmitIntakeRequestBody'), example: EXAMPLES.submitIntakeRequest },
      ok: { status: '201', description: 'The response.', schema: ref('IntakeResponse'), example: EXAMPLES.intakeResponse },
      errors: ['400', '404', '409', '410', '413', '415'],
    },
  },
  '/hep/{token}': {
    get: {
      operationId: 'hep.loadProgram',
      tag: 'hep',
      summary: 'Open a home exercise program',
      description: 'The current version of the program (`ETag` is its version).',
      parameters: [p('HepToken')],
      ok: { status: '200', description: 'The program.', schema: ref('HepProgram'), example: EXAMPLES.hepProgram },
      errors: ['404', '410'],
    },
  },
  '/hep/{token}/activity': {
    post: {
      operationId: 'hep.logActivity',
      tag: 'hep',
      summary: 'Log activity',
      description:
        'Stores 1 to 200 entries, or voids earlier ones (`voided: true`). Idempotent on the client-made `clientId`: an entry sent again returns the stored one and never makes a second. Safe to repeat.',
      parameters: [p('HepToken')],
      body: {
        schema: { type: 'object', additionalProperties: false, required: ['entries'], properties: { entries: { type: 'array', minItems: 1, maxItems: 200, items: ref('ActivityLogEntry') } } },
        example: EXAMPLES.logActivityRequest,
      },
      ok: {
        status: '200',
        description: 'The stored entries, in the order sent.',
        schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('ActivityLogEntry') } } },
        example: EXAMPLES.activityList,
      },
      errors: ['400', '404', '410', '413', '415'],
    },
    get: {
      operationId: 'hep.listActivity',
      tag: 'hep',
      summary: 'Read the activity log',
      description: 'Entries completed in `[from, to)`, oldest first. Paginated (default 500).',
      parameters: [
        p('HepToken'),
        { name: 'from', in: 'query', schema: { type: 'string', format: 'date-time' } },
        { name: 'to', in: 'query', schema: { type: 'string', format: 'date-time' } },
        ...PAGING,
      ],
      ok: { status: '200', description: 'A page of entries.', schema: pageOf('ActivityLogEntry'), example: EXAMPLES.activityPage },
      errors: ['400', '404', '410'],
    },
  },
  '/survey/{token}': {
    get: {
      operationId: 'survey.loadInvitation',
      tag: 'survey',
      summary: 'Open a survey invitation',
      description: 'The invitation in any state (`open`, `answered`, `expired`), with answers saved so far.',
      parameters: [p('SurveyToken')],
      ok: { status: '200', description: 'The invitation.', schema: ref('SurveyInvitation'), example: EXAMPLES.surveyInvitation },
      errors: ['404'],
    },
  },
  '/survey/{token}/answers': {
    patch: {
      operationId: 'survey.savePartial',
      tag: 'survey',
      summary: 'Save partial answers',
      description: 'JSON Merge Patch of the saved answers: listed answers replace, `null` clears one, others stay. Checked against the definition. Safe to repeat.',
      parameters: [p('SurveyToken')],
      body: { schema: ref('SurveyAnswers'), example: EXAMPLES.partialAnswers, contentType: 'application/merge-patch+json' },
      ok: { status: '204', description: 'Saved.' },
      errors: ['400', '404', '409', '410', '413', '415'],
    },
  },
  '/survey/{token}/response': {
    post: {
      operationId: 'survey.submit',
      tag: 'survey',
      summary: 'Submit the response',
      description: 'Exactly one response per invitation, ever. The same `Idempotency-Key` returns the same response; any other submit is 409 `already_submitted`, even concurrently.',
      parameters: [p('SurveyToken'), p('IdempotencyKey')],
      body: { schema: ref('SubmitSurveyRequestBody'), example: EXAMPLES.submitSurveyRequest },
      ok: { status: '201', description: 'The response.', schema: ref('SurveyResponse'), example: EXAMPLES.surveyResponse },
      errors: ['400', '404', '409', '410', '413', '415'],
    },
  },
  '/survey/{token}/feedback': {
    post: {
      operationId: 'survey.sendFeedback',
      tag: 'survey',
      summary: 'Send private feedback (optional)',
      description: 'A private note to the practice, offered beside the public review links. Stored once per `Idempotency-Key`.',
      parameters: [p('SurveyToken'), p('IdempotencyKey')],
      body: { schema: ref('SurveyFeedbackBody'), example: EXAMPLES.feedbackRequest },
      ok: { status: '204', description: 'Received.' },
      errors: ['400', '404', '410', '413', '415'],
    },
  },
  '/progress/{token}': {
    get: {
      operationId: 'progress.loadProgress',
      tag: 'progress',
      summary: 'Open an episode of care',
      description:
        'The episode, its goals with every rating (patient and therapist, oldest first), each outcome measure from baseline to now, the measures due again and, when the episode has a home exercise program, its adherence. Each due measure carries the intake link token (`formToken`) of a form holding only that measure; submitting that form adds the result to the episode.',
      parameters: [p('ProgressToken')],
      ok: { status: '200', description: 'The episode.', schema: ref('ProgressView'), example: EXAMPLES.progressView },
      errors: ['404', '410'],
    },
  },
  '/progress/{token}/goal-ratings': {
    post: {
      operationId: 'progress.rateGoal',
      tag: 'progress',
      summary: "Rate a goal (the patient's rating)",
      description:
        'A level (-2 to +2, Goal Attainment Scaling), a note of at most 500 characters, or both. Idempotent on the client-made `clientId`: sent again, it returns the goal with the rating stored the first time; the same `clientId` for another goal is 409 `conflict`. Safe to repeat.',
      parameters: [p('ProgressToken')],
      body: { schema: ref('GoalRatingInput'), example: EXAMPLES.goalRatingInput },
      ok: { status: '200', description: 'The goal with its ratings.', schema: ref('Goal'), example: EXAMPLES.ratedGoal },
      errors: ['400', '404', '409', '410', '413', '415'],
    },
  },
  '/admin/intake-links': {
    post: {
      operationId: 'admin.createIntakeLink',
      tag: 'admin',
      summary: 'Issue an intake link',
      description: 'Stores the form and answers with a new token (shown once; stored only as a hash). Default expiry 30 days.',
      security: [{ adminKey: [] }],
      body: {
        schema: { type: 'object', additionalProperties: false, required: ['form'], properties: { form: ref('FormDefinition'), expiresAt: { type: 'string', format: 'date-time' }, priorScores: { type: 'array', items: ref('PromScore') } } },
      },
      ok: { status: '201', description: 'The link.', schema: ref('IssuedLink') },
      errors: ['400', '401', '413', '415'],
    },
  },
  '/admin/hep-programs': {
    post: {
      operationId: 'admin.createHepProgram',
      tag: 'admin',
      summary: 'Issue a home exercise program',
      description: 'Stores the program with a new token. Default expiry 180 days.',
      security: [{ adminKey: [] }],
      body: { schema: { type: 'object', additionalProperties: false, required: ['program'], properties: { program: ref('HepProgram'), expiresAt: { type: 'string', format: 'date-time' } } } },
      ok: { status: '201', description: 'The link.', schema: ref('IssuedLink') },
      errors: ['400', '401', '413', '415'],
    },
  },
  '/admin/hep-programs/{programId}': {
    put: {
      operationId: 'admin.updateHepProgram',
      tag: 'admin',
      summary: 'Edit a home exercise program',
      description: 'Replaces the program: its version goes up by one and the previous schedule is kept in `revisions`, so adherence is counted against the schedule in force each day.',
      security: [{ adminKey: [] }],
      parameters: [{ name: 'programId', in: 'path', required: true, schema: { type: 'string' }, description: 'The `id` returned when the program was issued.' }],
      body: { schema: { type: 'object', additionalProperties: false, required: ['program'], properties: { program: ref('HepProgram') } } },
      ok: { status: '200', description: 'The new version.', schema: { type: 'object', required: ['id', 'version'], properties: { id: { type: 'string' }, version: { type: 'integer' } } } },
      errors: ['400', '401', '404', '413', '415'],
    },
  },
  '/admin/progress-episodes': {
    post: {
      operationId: 'admin.createProgressEpisode',
      tag: 'admin',
      summary: 'Open an episode of care (progress link)',
      description:
        'Stores the episode with its goals (GAS levels optional), the measures assigned with their schedule (every N days, every N visits, at discharge) and, optionally, the HEP program whose adherence shows beside the measures. Answers a new token (shown once). Default expiry 180 days.',
      security: [{ adminKey: [] }],
      body: {
        schema: {
          type: 'object',
          additionalProperties: false,
          required: ['episode'],
          properties: {
            episode: ref('EpisodeOfCare'),
            goals: { type: 'array', maxItems: 20, items: ref('GoalSetting') },
            assignments: { type: 'array', maxItems: 20, items: ref('MeasureAssignment') },
            hepProgramId: { type: 'string' },
            expiresAt: { type: 'string', format: 'date-time' },
          },
        },
      },
      ok: { status: '201', description: 'The link.', schema: ref('IssuedLink') },
      errors: ['400', '401', '413', '415'],
    },
  },
  '/admin/progress-episodes/{episodeId}/goals': {
    put: {
      operationId: 'admin.setProgressGoals',
      tag: 'admin',
      summary: 'Set the goals',
      description: 'Replaces the goals (text in the patient\'s words, target date, status, GAS levels). Ratings stay with their goal id.',
      security: [{ adminKey: [] }],
      parameters: EPISODE_ID,
      body: { schema: { type: 'object', additionalProperties: false, required: ['goals'], properties: { goals: { type: 'array', maxItems: 20, items: ref('GoalSetting') } } } },
      ok: { status: '200', description: 'The goals.', schema: { type: 'object', required: ['id', 'goals'], properties: { id: { type: 'string' }, goals: { type: 'array', items: ref('Goal') } } } },
      errors: ['400', '401', '404', '413', '415'],
    },
  },
  '/admin/progress-episodes/{episodeId}/goal-ratings': {
    post: {
      operationId: 'admin.rateProgressGoal',
      tag: 'admin',
      summary: "Record the therapist's rating of a goal",
      description: 'A level, a note, or both, with the therapist\'s name; shown to the patient beside their own ratings.',
      security: [{ adminKey: [] }],
      parameters: EPISODE_ID,
      body: { schema: ref('TherapistRatingInput') },
      ok: { status: '201', description: 'The goal with its ratings.', schema: ref('Goal') },
      errors: ['400', '401', '404', '413', '415'],
    },
  },
  '/admin/progress-episodes/{episodeId}/measures': {
    put: {
      operationId: 'admin.assignProgressMeasures',
      tag: 'admin',
      summary: 'Assign outcome measures and when they are due',
      description: 'Replaces the assignments: each measure every `everyDays` days (clinic calendar days), every `everyVisits` visits, and/or `atDischarge`. A measure never taken is due at once (its baseline).',
      security: [{ adminKey: [] }],
      parameters: EPISODE_ID,
      body: { schema: { type: 'object', additionalProperties: false, required: ['assignments'], properties: { assignments: { type: 'array', maxItems: 20, items: ref('MeasureAssignment') } } } },
      ok: { status: '200', description: 'The assignments.', schema: { type: 'object', required: ['id', 'assignments'], properties: { id: { type: 'string' }, assignments: { type: 'array', items: ref('MeasureAssignment') } } } },
      errors: ['400', '401', '404', '413', '415'],
    },
  },
  '/admin/progress-episodes/{episodeId}/results': {
    post: {
      operationId: 'admin.recordProgressResult',
      tag: 'admin',
      summary: 'Record a result taken in the clinic',
      description: 'A score of an instrument at a time (`source: clinic`). Results taken from a due-measure link are recorded when that form is submitted.',
      security: [{ adminKey: [] }],
      parameters: EPISODE_ID,
      body: { schema: { type: 'object', additionalProperties: false, required: ['instrumentId', 'score', 'takenAt'], properties: { instrumentId: { type: 'string' }, score: { type: 'number' }, takenAt: { type: 'string', format: 'date-time' } } } },
      ok: { status: '201', description: 'The result.', schema: ref('MeasureResult') },
      errors: ['400', '401', '404', '413', '415'],
    },
  },
  '/admin/progress-episodes/{episodeId}/visits': {
    post: {
      operationId: 'admin.recordProgressVisit',
      tag: 'admin',
      summary: 'Record an attended visit',
      description: 'Counts toward measures due every N visits. `attendedAt` defaults to now.',
      security: [{ adminKey: [] }],
      parameters: EPISODE_ID,
      body: { schema: { type: 'object', additionalProperties: false, properties: { attendedAt: { type: 'string', format: 'date-time' } } } },
      ok: { status: '201', description: 'The visit.', schema: { type: 'object', required: ['id', 'attendedAt'], properties: { id: { type: 'string' }, attendedAt: { type: 'string', format: 'date-time' } } } },
      errors: ['400', '401', '404', '413', '415'],
    },
  },
  '/admin/progress-episodes/{episodeId}/discharge': {
    post: {
      operationId: 'admin.recordProgressDischarge',
      tag: 'admin',
      summary: 'Record discharge',
      description: 'The episode becomes `discharged`; measures assigned `atDischarge` fall due from then. Recording it again keeps the first time.',
      security: [{ adminKey: [] }],
      parameters: EPISODE_ID,
      body: { schema: { type: 'object', additionalProperties: false, properties: { dischargedAt: { type: 'string', format: 'date-time' } } } },
      ok: { status: '200', description: 'The episode.', schema: ref('EpisodeOfCare') },
      errors: ['400', '401', '404', '413', '415'],
    },
  },
  '/admin/survey-invitations': {
    post: {
      operationId: 'admin.createSurveyInvitation',
      tag: 'admin',
      summary: 'Issue a survey invitation',
      description: 'Stores the survey with a new token. Default expiry 30 days.',
      security: [{ adminKey: [] }],
      body: { schema: { type: 'object', additionalProperties: false, required: ['survey'], properties: { survey: ref('SurveyDefinition'), expiresAt: { type: 'string', format: 'date-time' } } } },
      ok: { status: '201', description: 'The link.', schema: ref('IssuedLink') },
      errors: ['400', '401', '413', '415'],
    },
  },
  '/admin/link-revocations': {
    post: {
      operationId: 'admin.revokeLink',
      tag: 'admin',
      summary: 'Revoke a link',
      description:
        'Takes back a manage, intake, HEP, survey, progress or referral booking link (sent to the wrong person, a lost device). Name it by the record it opens (`id`: the appointment, intake link, HEP program, survey invitation or progress episode id, or the referral booking link\'s `id` as created) or by its `token`, not both. From then on the link answers `404` `token_invalid`, like a token that never existed; the record itself (visit, answers, logs) is kept. Revoking a revoked link again answers the same.',
      security: [{ adminKey: [] }],
      body: {
        schema: {
          type: 'object',
          additionalProperties: false,
          required: ['kind'],
          properties: {
            kind: { type: 'string', enum: ['manage', 'intake', 'hep', 'survey', 'progress', 'referral-booking'] },
            id: { type: 'string', minLength: 1, maxLength: 200 },
            token: { type: 'string', minLength: 8, maxLength: 2000 },
          },
        },
        example: { kind: 'intake', id: 'intake_V1StGXR8Z5jdHi6BmyTaQw' },
      },
      ok: {
        status: '200',
        description: 'Revoked.',
        schema: { type: 'object', required: ['kind', 'id'], properties: { kind: { type: 'string', enum: ['manage', 'intake', 'hep', 'survey', 'progress', 'referral-booking'] }, id: { type: 'string' } } },
        example: { kind: 'intake', id: 'intake_V1StGXR8Z5jdHi6BmyTaQw' },
      },
      errors: ['400', '401', '404', '413', '415'],
    },
  },
  '/admin/reminders': {
    get: {
      operationId: 'admin.listReminders',
      tag: 'admin',
      summary: 'The message outbox',
      description: 'Reminders and journey steps by due time, with their state and delivery status. No phone numbers, addresses or links.',
      security: [{ adminKey: [] }],
      parameters: [{ name: 'status', in: 'query', schema: { type: 'string', enum: ['pending', 'sending', 'sent', 'failed', 'cancelled'] } }, p('Limit')],
      ok: { status: '200', description: 'Reminders.', schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('OutboxReminder') } } } },
      errors: ['400', '401'],
    },
  },
  '/admin/appointments/{appointmentId}/eligibility': {
    get: {
      operationId: 'admin.listEligibilityChecks',
      tag: 'admin',
      summary: 'What the payer said about a visit',
      description:
        'Every eligibility check tied to the appointment, oldest first: its state (`answered`, `confirm-later` when the provider was down or slow, `unchecked` when booked without a check), the normalized result, and for X12 providers the raw 270 sent and 271 received, with the segments the reader did not know and any AAA rejections.',
      security: [{ adminKey: [] }],
      parameters: [{ name: 'appointmentId', in: 'path', required: true, schema: { type: 'string' } }],
      ok: {
        status: '200',
        description: 'The checks.',
        schema: {
          type: 'object',
          required: ['items'],
          properties: {
            items: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'state', 'checkedAt', 'attempts', 'result'],
                properties: {
                  id: { type: 'string' },
                  state: { type: 'string', enum: ['answered', 'confirm-later', 'unchecked'] },
                  checkedAt: { type: 'string', format: 'date-time' },
                  recheckAt: { type: 'string', format: 'date-time', description: 'When the queued re-check runs.' },
                  attempts: { type: 'integer' },
                  result: ref('EligibilityResult'),
                  raw: { type: 'object', required: ['request', 'response'], properties: { request: { type: 'string' }, response: { type: 'string' } } },
                  unknownSegments: { type: 'array', items: { type: 'object', required: ['tag', 'position'], properties: { tag: { type: 'string' }, position: { type: 'integer' } } } },
                  rejections: {
                    type: 'array',
                    items: { type: 'object', required: ['loop', 'reason'], properties: { loop: { type: 'string' }, reason: { type: 'string' }, followUp: { type: 'string' } } },
                  },
                },
              },
            },
          },
        },
      },
      errors: ['400', '401'],
    },
  },
  '/admin/eligibility/recheck': {
    post: {
      operationId: 'admin.recheckEligibility',
      tag: 'admin',
      summary: 'Run due eligibility re-checks now',
      description: 'Re-checks coverage the provider could not answer in time, and booked visits 48 hours before they start (the server also does this every 5 minutes).',
      security: [{ adminKey: [] }],
      ok: {
        status: '200',
        description: 'What happened.',
        schema: {
          type: 'object',
          required: ['checked', 'stillWaiting', 'dropped'],
          properties: { checked: { type: 'integer' }, stillWaiting: { type: 'integer' }, dropped: { type: 'integer' } },
        },
      },
      errors: ['401'],
    },
  },
  ...REFERRAL_INBOX_OPERATIONS,
  '/referrals': {
    post: {
      operationId: 'referral.submitReferral',
      tag: 'referral',
      summary: 'Send a referral',
      description:
        'A physician\'s office refers a patient, without an account: the patient, the referring clinician (the NPI\'s check digit is verified), ICD-10-CM codes (checked for shape), the order, urgency, consent to contact the patient, and the ids of files uploaded first. Answers with a reference the office can quote. `Idempotency-Key` required: the same key returns the same receipt, another body under it is 409. Rate-limited per client address.',
      parameters: [p('IdempotencyKey')],
      body: { schema: ref('ReferralInputBody'), example: EXAMPLES.referralInput },
      ok: { status: '201', description: 'The receipt.', schema: ref('ReferralReceipt'), example: EXAMPLES.referralReceipt },
      errors: ['400', '409', '413', '415'],
    },
  },
  '/referrals/attachments': {
    post: {
      operationId: 'referral.uploadReferralAttachment',
      tag: 'referral',
      summary: 'Upload a referral\'s file',
      description:
        'The order as a PDF, or a photo of it, as the body, typed by `Content-Type` (PDF, JPEG, PNG or WebP; the bytes must match the type), at most 10 MiB. Put the returned id in the referral\'s `attachmentIds`; files no referral lists within a day are deleted. With an `Idempotency-Key`, a repeated upload returns the same id. Rate-limited per client address.',
      parameters: [p('IdempotencyKeyOptional')],
      body: { schema: { type: 'string', format: 'binary' }, contentType: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] },
      ok: { status: '201', description: 'The stored file.', schema: ref('ReferralAttachmentReceipt'), example: EXAMPLES.referralAttachment },
      errors: ['400', '409', '413'],
    },
  },
  '/admin/reminders/dispatch': {
    post: {
      operationId: 'admin.dispatchReminders',
      tag: 'admin',
      summary: 'Send due reminders now',
      description: 'Runs the dispatcher once (it also runs every 30 seconds). Safe from several processes at once.',
      security: [{ adminKey: [] }],
      ok: {
        status: '200',
        description: 'What happened.',
        schema: { type: 'object', required: ['sent', 'failed', 'cancelled'], properties: { sent: { type: 'integer' }, failed: { type: 'integer' }, cancelled: { type: 'integer' } } },
      },
      errors: ['401'],
    },
  },
};

const tokenParameter = (name: string, description: string) => ({
  name: 'token',
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', minLength: 8, maxLength: 2000 },
  'x-capability': name,
});

export function buildOpenApiDocument(): Json {
  const paths: Json = {};
  for (const [path, methods] of Object.entries({ ...OPERATIONS, ...MESSAGING_OPERATIONS, ...OPERATOR_OPERATIONS })) {
    paths[path] = Object.fromEntries(Object.entries(methods).map(([method, spec]) => [method, operation(spec)]));
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'PXM Elements REST contract',
      version: '1.0.0',
      summary: 'Booking, intake, home exercise programs, surveys, progress and referrals for the PXM Elements web components.',
      description: [
        'The HTTP form of the PXM Elements adapter contract. `@pxm/adapter-rest` speaks it; `@pxm/server` implements it; any backend that implements it can serve the elements. See docs/api/README.md.',
        '',
        'Conventions:',
        '- JSON bodies (`application/json`), at most 1 MiB by default. Request bodies are strict: an unknown field is 400.',
        '- Instants are ISO-8601 with an offset. Each location has an IANA time zone.',
        '- Every error is `application/problem+json` with the contract `code` and `retryable`.',
        '- Lists are paginated: `?limit=&cursor=`, answered `{ items, nextCursor }`.',
        '- Writes that create something take an `Idempotency-Key` header; the same key returns the same result.',
        '- Patient-facing resources are addressed by link tokens (at least 128 random bits), never by enumerable ids.',
        '- Replies carry `Cache-Control: no-store`.',
      ].join('\n'),
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [
      { url: 'http://127.0.0.1:8787', description: 'The reference server started by `pnpm server` (`pnpm server:demo` for the demo practice): the default practice.' },
      {
        url: 'http://127.0.0.1:8787/practices/{practice}',
        description: 'One practice of a server that hosts several: every path of this document (except `/operator/...`) under the practice’s prefix, with that practice’s data, admin key and configuration.',
        variables: { practice: { default: 'default', description: 'The practice id given to `POST /operator/practices`; `default` is the un-prefixed practice.' } },
      },
    ],
    tags: [
      { name: 'booking', description: 'Scheduling: catalogue, slots, holds, appointments, manage links, waitlist, eligibility.' },
      { name: 'intake', description: 'Digital intake by link token: versioned drafts, attachments, one submission.' },
      { name: 'hep', description: 'Home exercise programs by link token, with idempotent activity logs.' },
      { name: 'survey', description: 'Satisfaction surveys by invitation token: one response per invitation.' },
      { name: 'progress', description: 'An episode of care by link token: goals with Goal Attainment Scaling and ratings, outcome measures over time, measures due again.' },
      { name: 'referral', description: 'Referrals in from physicians\' offices, without an account: files first, then the referral.' },
      { name: 'admin', description: 'Issuing links, watching reminders, the consent ledger and replies (the reference server; behind an API key).' },
      { name: 'messaging', description: 'The SMS provider’s signed callbacks and email unsubscribe (the reference server).' },
      { name: 'operator', description: 'Creating practices on a server that hosts several (the reference server; behind the operator key).' },
    ],
    paths,
    components: {
      securitySchemes: {
        adminKey: { type: 'http', scheme: 'bearer', description: 'The admin API key (`PXM_ADMIN_API_KEY` on the reference server); under `/practices/{practice}/`, that practice’s own key.' },
        operatorKey: { type: 'http', scheme: 'bearer', description: 'The operator key (`PXM_OPERATOR_KEY` on the reference server): creates practices, opens no practice’s admin API.' },
      },
      parameters: {
        Limit: { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1 }, description: 'Page size; each list has its own maximum.' },
        Cursor: { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'Opaque; the `nextCursor` of the previous page.' },
        HoldId: { name: 'holdId', in: 'path', required: true, schema: { type: 'string' }, description: 'Random, unguessable.' },
        ManageToken: { name: 'manageToken', in: 'path', required: true, schema: { type: 'string', minLength: 8, maxLength: 2000 }, description: 'From the booking confirmation or a reminder.' },
        IntakeToken: tokenParameter('intake', 'An intake link token.'),
        HepToken: tokenParameter('hep', 'A home exercise program link token.'),
        SurveyToken: tokenParameter('survey', 'A survey invitation token.'),
        ProgressToken: tokenParameter('progress', 'A progress (episode of care) link token.'),
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          schema: { type: 'string', minLength: 8, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' },
          description: 'Made by the client per intended action (a UUID). The same key returns the stored result; keys are kept at least 24 hours.',
        },
        IdempotencyKeyOptional: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          schema: { type: 'string', minLength: 8, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' },
          description: 'When sent, a repeated request returns the first result.',
        },
        IfMatch: { name: 'If-Match', in: 'header', schema: { type: 'string', example: '"3"' }, description: 'The draft version this save builds on, as an ETag.' },
        IfNoneMatch: { name: 'If-None-Match', in: 'header', schema: { type: 'string', const: '*' }, description: '`*` for the first save, when there is no draft yet.' },
      },
      headers: {
        DraftETag: { schema: { type: 'string', example: '"4"' }, description: 'The draft version, for the next `If-Match`.' },
        RetryAfter: { schema: { type: 'integer', minimum: 0 }, description: 'Seconds to wait before trying again.' },
      },
      schemas: {
        Problem: problemSchema,
        IssuedLink: {
          type: 'object',
          required: ['id', 'token'],
          properties: {
            id: { type: 'string' },
            token: { type: 'string', description: 'Put it in the link you send the patient; it is not shown again.' },
            expiresAt: { type: 'string', format: 'date-time' },
            version: { type: 'integer' },
          },
        },
        OutboxReminder: {
          type: 'object',
          required: ['id', 'appointmentId', 'channel', 'offsetMinutes', 'dueAt', 'status', 'attempts'],
          properties: {
            id: { type: 'string' },
            appointmentId: { type: 'string' },
            channel: { type: 'string', enum: ['sms', 'email'] },
            offsetMinutes: { type: 'integer' },
            dueAt: { type: 'string', format: 'date-time' },
            status: { type: 'string', enum: ['pending', 'sending', 'sent', 'failed', 'cancelled'] },
            attempts: { type: 'integer' },
            lastError: { type: 'string', description: 'Why it failed, or why it was not sent (`no-consent`, `too-late`, `address-suppressed`, `appointment changed`, ...).' },
            sentAt: { type: 'string', format: 'date-time' },
            patientId: { type: 'string' },
            step: { type: 'string', enum: ['reminder', 'intake', 'intake-nudge', 'exercise-program', 'survey'] },
            deliveryStatus: { type: 'string', enum: ['queued', 'sent', 'delivered', 'failed', 'undeliverable'], description: 'What the provider reported.' },
            heldFor: { type: 'string', enum: ['quiet-hours', 'frequency-cap'], description: 'A pending message the sending rules moved later.' },
          },
        },
        ...generatedSchemas(),
      },
    },
  };
}
