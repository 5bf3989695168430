/** One sender per channel: SMS to the SMS provider, email over SMTP, and a fallback for a channel with none. */
import type { ReminderChannel } from '@pxm/core/booking';
import type { ReminderMessage, ReminderSender } from './reminder-sender.js';

export function routeByChannel(senders: Partial<Record<ReminderChannel, ReminderSender>>, fallback: ReminderSender): ReminderSender {
  return {
    name: `channels(${Object.entries(senders).map(([channel, sender]) => `${channel}:${sender?.name ?? fallback.name}`).join(',') || fallback.name})`,
    send: (message: ReminderMessage, signal: AbortSignal) => (senders[message.channel] ?? fallback).send(message, signal),
    dropsDuplicates: (message: ReminderMessage) => (senders[message.channel] ?? fallback).dropsDuplicates?.(message) ?? false,
  };
}
