import type { Translation } from '../l10n/translation-registry.js';
import type { ReviewMessages } from './review.messages.en.js';

export const reviewEs: Translation<ReviewMessages> = {
  intro: 'Revise sus respuestas antes de enviarlas. Elija «Cambiar» para volver a una página; no se pierde nada de lo que escribió.',
  change: 'Cambiar',
  notAnswered: 'Sin respuesta',
  pageIncomplete: 'Faltan respuestas obligatorias en esta página.',
  yes: 'Sí',
  no: 'No',
  agreed: (version: string) => `Aceptado (versión ${version})`,
  notAgreed: 'No aceptado',
  signedBy: (name: string, when: string) => `Firmado por ${name} el ${when}`,
  photoOnFile: (side: string) => `${side}: foto subida`,
  front: 'Frente',
  back: 'Reverso',
  entry: (label: string, number: number) => `${label} ${number}`,
  defaultEntry: 'Entrada',
  of: (score: string, max: string) => `${score} de ${max}`,
  scoresTitle: 'Sus puntuaciones',
  higherBetter: 'Más alto es mejor.',
  higherWorse: 'Más bajo es mejor.',
  notScored: 'Sin puntuación: faltan respuestas o están incompletas.',
  change_since: (change: string, date: string) => `${change} desde el ${date}`,
  betterMeaningful: 'Una mejoría importante.',
  worseMeaningful: 'Un cambio importante a peor; su terapeuta lo hablará con usted.',
  smallChange: (mcid: string) => `Menor que el cambio de ${mcid} puntos que suele considerarse importante.`,
  noChange: 'Sin cambios.',
};
