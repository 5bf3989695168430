/** The outbox's SMS channel: renders the one-segment text and hands it to the SMS provider. */
import { DEFAULT_TEMPLATES, renderSms, type MessageTemplates } from './message-templates.js';
import { MessageSendError, type ReminderMessage, type ReminderSender, type SendReceipt } from './reminder-sender.js';
import type { SmsProvider } from './sms-provider.js';

export interface SmsSenderOptions {
  provider: SmsProvider;
  /** This server's public origin: the provider posts delivery status to `<origin>/messaging/sms/status/<id>`. */
  publicUrl?: string;
  templates?: MessageTemplates;
  /** Fill `{visitType}` in templates (off: a visit type can reveal a condition). */
  showVisitType?: boolean;
}

export function statusCallbackUrl(publicUrl: string, messageId: string): string {
  return `${publicUrl.replace(/\/$/, '')}/messaging/sms/status/${encodeURIComponent(messageId)}`;
}

export function createSmsSender(options: SmsSenderOptions): ReminderSender {
  const templates = options.templates ?? DEFAULT_TEMPLATES;
  return {
    name: `sms:${options.provider.name}`,
    async send(message: ReminderMessage, signal: AbortSignal): Promise<SendReceipt> {
      let body: string;
      try {
        body = renderSms(templates[message.language][message.step].sms, {
          practice: message.practice.name,
          phone: message.practice.phone ?? '',
          startMs: Date.parse(message.appointment.start),
          timeZone: message.appointment.timeZone,
          location: message.appointment.modality === 'telehealth' ? 'video' : message.appointment.locationName,
          link: message.link ?? '',
          ...(options.showVisitType ? { visitType: message.appointment.appointmentTypeName } : {}),
        }, message.language);
      } catch (error) {
        throw new MessageSendError((error as Error).message, 'permanent', { cause: error });
      }
      const result = await options.provider.send(
        { to: message.to, body, messageId: message.id, ...(options.publicUrl ? { statusCallbackUrl: statusCallbackUrl(options.publicUrl, message.id) } : {}) },
        signal,
      );
      return { providerMessageId: result.providerMessageId, deliveryStatus: result.status };
    },
  };
}
