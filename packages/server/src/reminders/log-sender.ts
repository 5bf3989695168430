import type { ReminderMessage, ReminderSender } from './reminder-sender.js';

/**
 * The default sender: writes one line per reminder with ids and times only, never the
 * patient's name, number or address (logs are not a place for health information).
 */
export function createLogSender(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): ReminderSender {
  return {
    name: 'log',
    async send(message: ReminderMessage) {
      write(
        `[pxm] reminder ${message.id} via ${message.channel} for appointment ${message.appointment.id} at ${message.appointment.start} (${message.offsetMinutes} min before)`,
      );
    },
  };
}
