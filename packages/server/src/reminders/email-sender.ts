/**
 * Email over SMTP (nodemailer). Each message has a plain-text and an HTML part saying the same,
 * a List-Unsubscribe header with one-click unsubscribe (RFC 8058), a Message-ID made from the
 * outbox id (a receiver or a log can tell a copy), and a DKIM signature when a key is configured.
 */
import { createTransport, type SMTPTransportOptions, type Transporter } from 'nodemailer';
import { DEFAULT_TEMPLATES, renderEmail, type MessageTemplates } from './message-templates.js';
import { MessageSendError, type ReminderMessage, type ReminderSender, type SendReceipt } from './reminder-sender.js';

export interface DkimKey {
  /** The signing domain (d=), normally the From address's domain. */
  domainName: string;
  /** The selector (s=): the key is published at `<selector>._domainkey.<domain>`. */
  keySelector: string;
  /** PEM private key. */
  privateKey: string;
}

/** One SMTP transport (a connection pool, DKIM) for every email this server sends: reminders and referrers alike. */
export type SmtpTransport = Transporter<{ messageId: string }>;

export function createSmtpTransport(options: { smtp: string | SMTPTransportOptions; dkim?: DkimKey | undefined }): SmtpTransport {
  return createTransport(options.smtp as SMTPTransportOptions, options.dkim ? { dkim: options.dkim } : {}) as unknown as SmtpTransport;
}

/** The domain of a From address (`"Summit PT" <x@summitpt.example>`), for Message-IDs. */
export function senderDomainOf(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'pxm.invalid';
}

export interface EmailSenderOptions {
  /** `smtp://user:pass@host:587`, `smtps://...`, or nodemailer's SMTP options. */
  smtp: string | SMTPTransportOptions;
  /** `"Summit Physical Therapy" <reminders@summitpt.example>` */
  from: string;
  dkim?: DkimKey;
  templates?: MessageTemplates;
  /** Fill `{visitType}` in templates (off: a visit type such as "Pelvic health" reveals a condition). */
  showVisitType?: boolean;
  /** A transport shared with the server's other email (made from `smtp` and `dkim` when absent). */
  transport?: SmtpTransport;
}

/** SMTP reply codes that say the mailbox will never take mail (bad address, no such user). */
const UNDELIVERABLE_CODES = new Set([550, 551, 553, 554]);
/** Commands after which the server may already have the message: a failure there is not retried. */
const COMMANDS_AFTER_HANDOVER = new Set(['DATA', 'DATA_FINAL', 'MESSAGE']);

export function classifySmtpError(error: unknown): MessageSendError {
  const detail = error as { responseCode?: number; command?: string; code?: string; message?: string };
  const message = `SMTP: ${detail.message ?? String(error)}`.slice(0, 300);
  const code = detail.responseCode;
  if (code !== undefined && code >= 500) return new MessageSendError(message, 'permanent', { undeliverable: UNDELIVERABLE_CODES.has(code) && detail.command !== 'DATA', cause: error });
  if (code !== undefined && code >= 400) return new MessageSendError(message, 'retry', { cause: error });
  if (detail.command && COMMANDS_AFTER_HANDOVER.has(detail.command.toUpperCase())) return new MessageSendError(message, 'unknown', { cause: error });
  // Connection refused, TLS or login failures, a timeout before the message went: nothing was taken.
  return new MessageSendError(message, detail.code === 'ETIMEDOUT' && detail.command === undefined ? 'unknown' : 'retry', { cause: error });
}

export function createEmailSender(options: EmailSenderOptions) {
  const transport = options.transport ?? createSmtpTransport(options);
  const templates = options.templates ?? DEFAULT_TEMPLATES;
  const senderDomain = senderDomainOf(options.from);
  const sender: ReminderSender & { close(): void } = {
    name: 'smtp',
    async send(message: ReminderMessage, signal: AbortSignal): Promise<SendReceipt> {
      const email = renderEmail(templates[message.language][message.step], {
        practice: message.practice.name,
        phone: message.practice.phone ?? '',
        startMs: Date.parse(message.appointment.start),
        timeZone: message.appointment.timeZone,
        location: message.appointment.modality === 'telehealth' ? 'video' : [message.appointment.locationName, message.appointment.locationAddress].filter(Boolean).join(', '),
        link: message.link ?? '',
        ...(message.unsubscribeUrl ? { unsubscribe: message.unsubscribeUrl } : {}),
        ...(options.showVisitType ? { visitType: message.appointment.appointmentTypeName } : {}),
      }, message.language);
      signal.throwIfAborted();
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          messageId: `<${message.id}@${senderDomain}>`,
          // The one-click header pair (RFC 8058): mail clients show "Unsubscribe" and POST to it.
          ...(message.unsubscribeUrl ? { list: { unsubscribe: { url: message.unsubscribeUrl, comment: 'Unsubscribe' } }, headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } } : {}),
        });
        return { providerMessageId: info.messageId, deliveryStatus: 'sent' };
      } catch (error) {
        throw classifySmtpError(error);
      }
    },
    close: () => transport.close(),
  };
  return sender;
}
