/** Spanish strings of the rating form and pain guidance. */
import type { Translation } from '../l10n/translation-registry.js';
import type { RatingMessages } from './rating.messages.en.js';

export const ratingEs: Translation<RatingMessages> = {
  rateHeading: '¿Cómo se sintió?',
  painLegend: 'Dolor durante el ejercicio',
  painHint: '0 es sin dolor y 10 es el peor dolor que pueda imaginar.',
  painNone: 'Sin dolor',
  painWorst: 'Peor dolor',
  difficultyLegend: '¿Qué tan difícil fue?',
  difficulty1: 'Muy fácil',
  difficulty2: 'Fácil',
  difficulty3: 'Adecuado',
  difficulty4: 'Difícil',
  difficulty5: 'Muy difícil',
  saveRating: 'Guardar',
  skipRating: 'Ahora no',
  ratingEmpty: 'Elija un nivel de dolor o qué tan difícil fue, o seleccione Ahora no.',
  painAlertTitle: (pain: number) => `Un dolor de ${pain} de 10 es alto`,
  painAlertDefault: 'Deje este ejercicio por hoy. Si el dolor no se calma, comuníquese con la clínica.',
  callPractice: (name: string) => `Llamar a ${name}`,
  callClinic: 'Llamar a la clínica',
  dismiss: 'Cerrar aviso',
};
