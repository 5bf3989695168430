/** Spanish strings of the sync notices. */
import type { Translation } from '../l10n/translation-registry.js';
import type { SyncMessages } from './sync.messages.en.js';

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

export const syncEs: Translation<SyncMessages> = {
  syncWaiting: (n: number) => plural(n, '1 registro pendiente de enviar.', `${n} registros pendientes de enviar.`),
  syncOffline: (n: number) =>
    `No tiene conexión. ${plural(n, '1 registro se guarda', `${n} registros se guardan`)} en este dispositivo y se enviarán cuando vuelva a tener conexión.`,
  syncSending: 'Enviando sus registros…',
  syncNow: 'Enviar ahora',
  syncPageOnly: 'Mantenga esta página abierta hasta que se envíen sus registros: este navegador no puede guardarlos si la cierra.',
  syncRejected: (n: number) =>
    `${plural(n, '1 registro no se pudo guardar', `${n} registros no se pudieron guardar`)} porque el sistema de la clínica no ${plural(n, 'lo', 'los')} aceptó. Puede pasar cuando su programa acaba de cambiar.`,
  retryRejected: 'Intentar de nuevo',
  discardRejected: 'Quitar',
  syncLinkProblem: (n: number) =>
    `${plural(n, '1 registro no se pudo enviar', `${n} registros no se pudieron enviar`)} porque este enlace ya no funciona. Se guardan en este dispositivo durante 7 días. Pida un enlace nuevo a la clínica.`,
};
