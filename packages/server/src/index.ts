/**
 * `@pxm/server`: the reference REST backend of PXM Elements (docs/api/openapi.yaml). SQLite by
 * default, PostgreSQL when given a `postgres://` URL; every rule kept by the database.
 */
export { createPxmServer, DEFAULT_HOLD_TTL_MS, type PxmServer, type PxmServerOptions, type MessagingOptions, type RunningServer } from './server.js';
export { configFromEnv, startupBanner, type CliConfig } from './config.js';
export { clockStartingAt, systemClock, type Clock } from './clock.js';
export { openDatabase, DEFAULT_SQLITE_PATH, type DatabaseConfig } from './db/open.js';
export { openSqlite } from './db/sqlite.js';
export { openPostgres, openPostgresOnPool, createPostgresPool } from './db/postgres.js';
export { migrate, MIGRATIONS } from './db/migrate.js';
export type { Database, Dialect, Queryable, SqlValue } from './db/database.js';
export { TransactionMisuseError } from './db/transaction-scope.js';
export { seedDemoPractice } from './seed/demo-seed.js';
export type { EligibilityAnswer, EligibilityExchange, EligibilityProvider } from './eligibility/eligibility-provider.js';
export { demoPayerRules } from './eligibility/demo-payer-rules.js';
export { createClearinghouseEligibility, RAW_X12_ELIGIBILITY_PATH, type ClearinghouseOptions } from './eligibility/clearinghouse-x12.js';
export {
  DEFAULT_ELIGIBILITY_POLICY,
  coverageKey,
  type EligibilityCheckState,
  type EligibilityPolicy,
  type StaffEligibilityCheck,
} from './services/eligibility-service.js';
export { MessageSendError, type ReminderMessage, type ReminderSender, type SendReceipt } from './reminders/reminder-sender.js';
export { createLogSender } from './reminders/log-sender.js';
export {
  assertWebhookUrl,
  createWebhookSender,
  MIN_WEBHOOK_SECRET_LENGTH,
  reminderWebhookBody,
  signWebhook,
  type ReminderWebhookBody,
  type WebhookSenderOptions,
} from './reminders/webhook-sender.js';
export { reminderDueTimes, DEFAULT_REMINDER_OFFSETS_MINUTES, type ReminderPolicy } from './reminders/reminder-policy.js';
export type { DispatchResult } from './reminders/outbox.js';
export { createEmailSender, type DkimKey, type EmailSenderOptions } from './reminders/email-sender.js';
export { createSmsSender } from './reminders/sms-sender.js';
export { OutboundSendError, type DirectSender, type EmailSender, type FaxSender, type OutboundDocument, type OutboundMessage, type OutboundReceipt, type ReferralChannels } from './referrals/outbound-channels.js';
export { createPhaxioFaxSender, type PhaxioFaxSenderOptions } from './referrals/phaxio-fax-sender.js';
export { directSenderOf, type HispClient, type HispInboundMessage } from './referrals/direct-hisp.js';
export { createHispRestClient, type HispInbox, type HispRestClientOptions } from './referrals/hisp-rest-client.js';
export { createTwilioProvider, type TwilioProviderOptions } from './reminders/twilio-provider.js';
export { twilioSignature, verifyTwilioSignature } from './reminders/twilio-signature.js';
export type { DeliveryStatus, SmsInbound, SmsProvider, SmsSendRequest, SmsSendResult, SmsStatusReport } from './reminders/sms-provider.js';
export { DEFAULT_TEMPLATES, type MessageLanguage, type MessageStep, type MessageTemplates, type StepTemplate } from './reminders/message-templates.js';
export type { LinkTemplates } from './reminders/message-links.js';
export type { PracticeEvent } from './reminders/messaging-settings.js';
export { CONSENT_WORDING_SCOPES } from './reminders/consent-ledger.js';
export { DEFAULT_LIMITS, type Limit, type LimitsConfig } from './http/limits.js';
export type { JobOptions } from './server.js';
export { JOB_NAMES, type JobName } from './jobs/job-names.js';
export type { EnqueueOptions, JobCounts, JobQueue } from './jobs/job-queue.js';
export { READ_FENCE_HEADER } from './db/read-routing.js';
export { DEFAULT_PRACTICE_ID, PracticeIdSchema, PracticeRequestSchema, PracticeSettingsSchema, type PracticeRecord, type PracticeRequest, type PracticeSettings } from './tenancy/practice-settings.js';
export type { PracticeRegistry } from './tenancy/practice-registry.js';
export { practiceSchemaName } from './tenancy/practice-space.js';
