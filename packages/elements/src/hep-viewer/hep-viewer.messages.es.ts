/** Spanish strings of `<pxm-hep-viewer>`. */
import type { Translation } from '../l10n/translation-registry.js';
import type { HepViewerMessages } from './hep-viewer.messages.en.js';

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);
const timesADay = (n: number) => (n === 1 ? 'Una vez al día' : n === 2 ? 'Dos veces al día' : `${n} veces al día`);

export const hepViewerEs: Translation<HepViewerMessages> = {
  loading: 'Cargando su programa de ejercicios…',
  updatedOn: (date: string) => `Actualizado el ${date}`,
  startedOn: (date: string) => `Comenzó el ${date}`,
  version: (n: number) => `versión ${n}`,
  fromPractice: (name: string) => `De ${name}`,

  views: 'Vistas del programa',
  tabToday: 'Hoy',
  tabProgram: 'Ejercicios',
  tabProgress: 'Progreso',

  doneCount: (done: number, total: number) => `${done} de ${total} hechos hoy`,
  allDone: 'Todo hecho por hoy. ¡Muy bien!',
  restDay: 'Hoy no le toca nada. Disfrute del descanso.',
  nextDue: (date: string) => `Sus próximos ejercicios son el ${date}.`,
  notStarted: (date: string) => `Su programa empieza el ${date}. Esto es lo que incluye.`,
  ended: (date: string) => `Este programa terminó el ${date}. Pregunte en la clínica si debe continuar.`,
  notDueCount: (n: number) => plural(n, 'Hoy no le toca 1 ejercicio más.', `Hoy no le tocan ${n} ejercicios más.`),
  seeAll: 'Ver todos los ejercicios',
  noExercises: 'Su programa todavía no tiene ejercicios. Su terapeuta los añadirá; vuelva a mirar después de su próxima visita.',
  streak: (n: number) => plural(n, 'Racha de 1 día', `Racha de ${n} días`),

  labelSets: 'Series',
  labelReps: 'Repeticiones',
  labelHold: 'Mantener',
  labelFrequency: 'Con qué frecuencia',
  labelSide: 'Lado',
  labelLoad: 'Carga',
  labelEquipment: 'Material',
  sets: (n: number) => plural(n, '1 serie', `${n} series`),
  reps: (n: number) => plural(n, '1 repetición', `${n} repeticiones`),
  holdSeconds: (n: number) => plural(n, '1 segundo', `${n} segundos`),
  holdMinutes: (n: number) => plural(n, '1 minuto', `${n} minutos`),
  frequencyDaily: (times: number) => timesADay(times),
  frequencyWeekdays: (times: number, days: string) => `${timesADay(times)}, los ${days}`,
  frequencyPerWeek: (times: number, days: number) => `${timesADay(times)}, ${days} días por semana`,
  sideLeft: 'Lado izquierdo',
  sideRight: 'Lado derecho',
  sideBoth: 'Ambos lados',
  sideAlternating: 'Alternando lados',
  instructions: 'Cómo hacerlo',
  note: 'Nota de su terapeuta',
  sessionsToday: (done: number, total: number) => `${done} de ${total} hoy`,
  weekProgress: (done: number, total: number) => `${done} de ${total} esta semana`,
  doneForToday: 'Hecho por hoy',
  doneForWeek: 'Hecho esta semana',
  done: 'Hecho',
  doneLabel: (name: string) => `Hecho: ${name}`,
  setDone: (n: number, total: number) => `Serie ${n} de ${total} hecha`,
  setDoneLabel: (n: number, total: number, name: string) => `Serie ${n} de ${total} hecha: ${name}`,
  undo: 'Deshacer',
  undoLabel: (name: string) => `Deshacer: ${name}`,
  loggedAt: (time: string) => `Registrado a las ${time}`,
  waitingToSync: 'Pendiente de enviar',
  notSaved: 'No guardado',
  announceLogged: (name: string) => `${name} registrado. Puede deshacerlo durante 10 segundos.`,
  announceSet: (name: string, n: number, total: number) => `${name}: serie ${n} de ${total} registrada.`,
  announceUndone: (name: string) => `${name}: registro deshecho.`,

  ratingSaved: 'Gracias. Su valoración está guardada.',
  /** Shown on the card beside the time once a rating is stored. */
  ratingSavedMark: 'Valoración guardada',

  videoLabel: (name: string) => `Video: ${name}`,
  speed: 'Velocidad',
  loop: 'Repetir',
  showVideo: 'Mostrar el video',
  savingData: 'Se muestran imágenes para ahorrar datos.',
  videoFailed: 'No se pudo reproducir el video, así que se muestran imágenes.',
  videoMissing: 'El video de este ejercicio no está disponible ahora.',
  picture: (name: string, n: number, total: number) => (total === 1 ? name : `${name}, imagen ${n} de ${total}`),

  syncSent: (n: number) => plural(n, 'Su registro está guardado.', `Sus ${n} registros están guardados.`),

  progressHeading: 'Su progreso',
  historyUnavailable: 'No se pudieron cargar sus registros anteriores, así que el progreso y lo marcado hoy pueden estar incompletos.',
  ratingUnavailable: 'Su registro está guardado. La valoración del dolor no se pudo cargar sin conexión; aparecerá aquí cuando vuelva a estar en línea.',
  chartsFailed: 'No se pudo cargar la vista de progreso.',

  actions: 'Acciones del programa',
  print: 'Imprimir',
  reminders: 'Añadir recordatorios a mi calendario',
  reminderSummary: 'Hora de hacer ejercicio',
  reminderDescription: 'Es hora de sus ejercicios en casa. Abra su programa desde el enlace que le envió la clínica.',
  remindersNone: 'No queda nada que recordar en este programa.',
  remindersReady: 'Se está descargando el archivo de calendario. Ábralo para añadir los recordatorios.',

  printedOn: (date: string) => `Impreso el ${date}`,
  printTickHeading: 'Marque una casilla cada vez que lo haga',

  invalidTitle: 'Este enlace no funciona',
  expiredTitle: 'Este enlace ha caducado',
  loadFailedTitle: 'No se pudo cargar su programa',
};
