/**
 * Status messages to a referrer by plain email, where the practice allows email at all
 * (`emailAllowed`) and the referrer gave an address. It goes through the reminders' SMTP
 * transport (one pool, one DKIM key for all the server's mail). The text is the outbox's: the
 * milestone and the referral's reference, never the patient's name; a plan of care is attached
 * only where the practice allows it (`emailAttachesPlanOfCare`), otherwise the outbox sends a
 * notice asking for a secure channel. The Message-ID comes from the transmission id, so a copy
 * sent again after a lost answer is recognisably the same message.
 */
import { classifySmtpError, senderDomainOf, type SmtpTransport } from '../reminders/email-sender.js';
import { OutboundSendError, type EmailSender, type OutboundMessage, type OutboundReceipt } from './outbound-channels.js';

export interface ReferralEmailSenderOptions {
  transport: SmtpTransport;
  /** The practice's sender address (the reminders' `PXM_EMAIL_FROM`). */
  from: string;
}

export function createReferralEmailSender(options: ReferralEmailSenderOptions): EmailSender {
  const senderDomain = senderDomainOf(options.from);
  return {
    async sendEmail(message: OutboundMessage): Promise<OutboundReceipt> {
      try {
        const info = await options.transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          messageId: `<${message.idempotencyKey}@${senderDomain}>`,
          ...(message.document
            ? { attachments: [{ filename: message.document.filename, content: Buffer.from(message.document.bytes), contentType: message.document.contentType }] }
            : {}),
        });
        return { providerMessageId: info.messageId };
      } catch (error) {
        const failure = classifySmtpError(error);
        // A mailbox that does not exist takes no mail on a later try either.
        throw new OutboundSendError(failure.undeliverable ? 'email_undeliverable' : failure.outcome === 'permanent' ? 'email_rejected' : 'email_unavailable', {
          permanent: failure.outcome === 'permanent',
          cause: error,
        });
      }
    },
  };
}
