/** English strings of the sync notices, loaded with it (same namespace as the viewer's). */
const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

export const syncEn = {
  syncWaiting: (n: number) => plural(n, '1 log is waiting to sync.', `${n} logs are waiting to sync.`),
  syncOffline: (n: number) =>
    `You are offline. ${plural(n, '1 log is', `${n} logs are`)} kept on this device and will be sent when you are back online.`,
  syncSending: 'Sending your logs…',
  syncNow: 'Send now',
  syncPageOnly: 'Keep this page open until your logs are sent: this browser cannot keep them after you close it.',
  syncRejected: (n: number) =>
    `${plural(n, '1 log', `${n} logs`)} could not be saved because the clinic's system did not accept ${plural(n, 'it', 'them')}. This can happen when your program has just changed.`,
  retryRejected: 'Try again',
  discardRejected: 'Remove',
  syncLinkProblem: (n: number) =>
    `${plural(n, '1 log', `${n} logs`)} could not be sent because this link no longer works. They are kept on this device for 7 days. Please ask the clinic for a new link.`,
};

export type SyncMessages = typeof syncEn;
