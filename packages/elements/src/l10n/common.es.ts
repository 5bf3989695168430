import type { Translation } from './translation-registry.js';
import type { CommonMessages } from './common.en.js';

export const commonEs: Translation<CommonMessages> = {
  loading: 'Cargando…',
  retry: 'Intentar de nuevo',
  close: 'Cerrar',
  back: 'Atrás',
  next: 'Siguiente',
  cancel: 'Cancelar',
  saving: 'Guardando…',
  saved: 'Guardado',
  required: 'Obligatorio',
  optional: 'opcional',
  noAdapter: 'Esta página aún no está conectada a un sistema de citas o de pacientes.',
  error_slot_unavailable: 'Alguien acaba de reservar ese horario. Elija otro, por favor.',
  error_hold_expired: 'Solo podíamos reservar ese horario unos minutos. Vuelva a elegir un horario.',
  error_not_found: 'No encontramos lo que buscaba.',
  error_conflict: 'Esto se modificó en otro lugar mientras tanto.',
  error_already_submitted: 'Esto ya se envió. ¡Gracias!',
  error_token_invalid: 'Este enlace no es válido. Revise el enlace que recibió o comuníquese con la clínica.',
  error_token_expired: 'Este enlace ha caducado. Pida uno nuevo a la clínica.',
  error_unauthorized: 'No ha iniciado sesión o su sesión terminó.',
  error_validation: 'Algunos datos necesitan su atención.',
  error_network: 'Parece que no tiene conexión. Revísela e inténtelo de nuevo.',
  error_timeout: 'Esto está tardando demasiado. Inténtelo de nuevo.',
  error_server: 'Algo salió mal de nuestro lado. Inténtelo de nuevo.',
  error_unsupported: 'Esta función no está disponible aquí.',
};
