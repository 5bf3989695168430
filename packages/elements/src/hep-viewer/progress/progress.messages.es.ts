/** Spanish strings of the Progress view. */
import type { Translation } from '../../l10n/translation-registry.js';
import type { ProgressMessages } from './progress.messages.en.js';

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

export const progressEs: Translation<ProgressMessages> = {
  adherenceHeading: 'Sesiones hechas según lo indicado',
  last7Days: 'Últimos 7 días',
  last28Days: 'Últimos 28 días',
  wholeProgram: 'Todo el programa',
  sessionsOf: (done: number, due: number) => `${done} de ${due} sesiones`,
  nothingDueYet: 'Todavía no le tocaba nada',
  streakDays: (n: number) => plural(n, '1 día', `${n} días`),
  streakHeading: 'Racha',
  bestStreak: (n: number) => plural(n, 'Mejor: 1 día', `Mejor: ${n} días`),
  streakExplained: 'Días seguidos con todo hecho. Los días de descanso no la interrumpen.',
  painHeading: 'Dolor',
  painDown: 'El dolor está bajando respecto a la semana anterior.',
  painUp: 'El dolor es mayor que la semana anterior. Dígaselo a su terapeuta.',
  painSteady: 'El dolor es parecido al de la semana anterior.',
  painUnknown: 'Valore su dolor después de los ejercicios para ver cómo cambia.',
  painAverage: (average: string) => `Promedio esta semana: ${average} de 10`,
  weeklyChart: 'Sesiones hechas cada semana',
  painChart: 'Dolor promedio por día, últimos 28 días (0 a 10)',
  showTable: 'Ver como tabla',
  showChart: 'Ver como gráfico',
  columnWeek: 'Semana del',
  columnDone: 'Hechas',
  columnDue: 'Indicadas',
  columnPercent: 'Hecho según lo indicado',
  columnDate: 'Fecha',
  columnAverage: 'Dolor promedio',
  columnHighest: 'Máximo',
};
