/**
 * What the messages say, in English and Spanish. Nothing in them tells a condition: the practice,
 * the date and time, the place and a link, no visit type, no provider (a visit type such as
 * "Pelvic floor therapy" would say too much on a lock screen). A practice may replace any text.
 *
 * SMS templates mark optional parts with [[ ]], least needed first: when the message would not
 * fit in one segment they are dropped in that order (the place, then "reply C", then "STOP"),
 * so the practice, the time and the link always stay.
 */
import { formatInZone } from '@pxm/core/time';
import { fitsOneSms, toGsmText } from './rules/sms-text.js';

export type MessageLanguage = 'en' | 'es';
/** The kind of message each outbox row is: a reminder, or one of the journey steps. */
export type MessageStep = 'reminder' | 'intake' | 'intake-nudge' | 'exercise-program' | 'survey';

export interface StepTemplate {
  sms: string;
  emailSubject: string;
  /** Plain text; the HTML part is made from it (paragraphs, the link made clickable). */
  emailText: string;
}

export type MessageTemplates = Record<MessageLanguage, Record<MessageStep, StepTemplate>>;

const EMAIL_FOOTER_EN = '\n\nReplies to this email are not read. To reach us, call {phone}.\nTo stop these emails: {unsubscribe}';
const EMAIL_FOOTER_ES = '\n\nNo leemos las respuestas a este correo. Para hablar con nosotros, llame al {phone}.\nPara no recibir más correos: {unsubscribe}';

export const DEFAULT_TEMPLATES: MessageTemplates = {
  en: {
    reminder: {
      sms: '{practice}: visit {date} {time}[[ at {location}]]. Manage: {link}[[ Reply C to confirm.]][[ STOP to opt out]]',
      emailSubject: '{practice}: your visit on {date}',
      emailText: 'This is a reminder of your visit with {practice} on {date} at {time}, at {location}.\n\nConfirm, reschedule or cancel: {link}' + EMAIL_FOOTER_EN,
    },
    intake: {
      sms: '{practice}: forms for your visit {date}: {link}[[ STOP to opt out]]',
      emailSubject: '{practice}: your forms before {date}',
      emailText: 'Before your visit with {practice} on {date} at {time}, please fill in your forms: {link}' + EMAIL_FOOTER_EN,
    },
    'intake-nudge': {
      sms: '{practice}: forms still to do for {date}: {link}[[ STOP to opt out]]',
      emailSubject: '{practice}: your forms are waiting',
      emailText: 'Your forms for your visit with {practice} on {date} are not done yet: {link}' + EMAIL_FOOTER_EN,
    },
    'exercise-program': {
      sms: '{practice}: your exercise program: {link}[[ STOP to opt out]]',
      emailSubject: '{practice}: your home exercise program',
      emailText: 'Your home exercise program from {practice} is ready: {link}' + EMAIL_FOOTER_EN,
    },
    survey: {
      sms: '{practice}: how did we do? {link}[[ STOP to opt out]]',
      emailSubject: '{practice}: how did we do?',
      emailText: 'Thank you for choosing {practice}. Tell us how we did: {link}' + EMAIL_FOOTER_EN,
    },
  },
  es: {
    reminder: {
      sms: '{practice}: cita {date} {time}[[ en {location}]]: {link}[[ Responda C para confirmar.]][[ Baja: STOP]]',
      emailSubject: '{practice}: su cita del {date}',
      emailText: 'Le recordamos su cita con {practice} el {date} a las {time}, en {location}.\n\nConfirmar, cambiar o cancelar: {link}' + EMAIL_FOOTER_ES,
    },
    intake: {
      sms: '{practice}: formularios para el {date}: {link}[[ Baja: STOP]]',
      emailSubject: '{practice}: sus formularios antes del {date}',
      emailText: 'Antes de su cita con {practice} el {date} a las {time}, complete sus formularios: {link}' + EMAIL_FOOTER_ES,
    },
    'intake-nudge': {
      sms: '{practice}: aún faltan sus formularios: {link}[[ Baja: STOP]]',
      emailSubject: '{practice}: sus formularios están pendientes',
      emailText: 'Sus formularios para su cita con {practice} el {date} siguen pendientes: {link}' + EMAIL_FOOTER_ES,
    },
    'exercise-program': {
      sms: '{practice}: su programa de ejercicios: {link}[[ Baja: STOP]]',
      emailSubject: '{practice}: su programa de ejercicios',
      emailText: 'Su programa de ejercicios en casa de {practice} está listo: {link}' + EMAIL_FOOTER_ES,
    },
    survey: {
      sms: '{practice}: ¿cómo lo hicimos? {link}[[ Baja: STOP]]',
      emailSubject: '{practice}: ¿cómo lo hicimos?',
      emailText: 'Gracias por elegir {practice}. Díganos cómo lo hicimos: {link}' + EMAIL_FOOTER_ES,
    },
  },
};

/** What fills a template: nothing but the practice, the time, the place and links. */
export interface TemplateValues {
  practice: string;
  phone: string;
  /** The visit's instant and zone, formatted per language. */
  startMs: number;
  timeZone: string;
  location: string;
  link: string;
  unsubscribe?: string;
  /** `{visitType}`: filled only for a practice that opted in (a visit type can reveal a condition). */
  visitType?: string;
}

const LOCALES: Record<MessageLanguage, string> = { en: 'en-US', es: 'es-US' };

function fill(template: string, values: TemplateValues, language: MessageLanguage): string {
  const locale = LOCALES[language];
  const words: Record<string, string> = {
    practice: values.practice,
    phone: values.phone,
    date: formatInZone(values.startMs, values.timeZone, locale, { weekday: 'short', month: 'short', day: 'numeric' }),
    time: formatInZone(values.startMs, values.timeZone, locale, { hour: 'numeric', minute: '2-digit' }),
    location: values.location,
    link: values.link,
    unsubscribe: values.unsubscribe ?? '',
    visitType: values.visitType ?? '',
  };
  // Intl puts narrow no-break spaces in times ("9:00 AM"); a plain space reads the same everywhere.
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (words[name] ?? whole).replace(/[\u202f\u00a0]/g, ' '));
}

/** The SMS text: one GSM segment, optional parts dropped in order (the first is the least needed) until it fits. */
export function renderSms(template: string, values: TemplateValues, language: MessageLanguage): string {
  const parts = template.split(/(\[\[.*?\]\])/).filter((part) => part.length > 0);
  let optional = parts.map((part, index) => (part.startsWith('[[') ? index : -1)).filter((index) => index >= 0);
  for (;;) {
    const text = toGsmText(
      parts
        .map((part, index) => (part.startsWith('[[') ? (optional.includes(index) ? part.slice(2, -2) : '') : part))
        .map((part) => fill(part, values, language))
        .join(''),
    );
    if (fitsOneSms(text)) return text;
    if (optional.length === 0) throw new Error('The SMS does not fit in one segment even without its optional parts: shorten the template or the practice name.');
    optional = optional.slice(1);
  }
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The HTML part says what the text part says: paragraphs, with links made clickable. */
function htmlOf(text: string, language: MessageLanguage): string {
  const paragraphs = text.split(/\n{2,}/).map((paragraph) => {
    const escaped = escapeHtml(paragraph).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
    return `<p>${escaped.replace(/\n/g, '<br>')}</p>`;
  });
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"></head><body>${paragraphs.join('')}</body></html>`;
}

export function renderEmail(template: StepTemplate, values: TemplateValues, language: MessageLanguage): RenderedEmail {
  const text = fill(template.emailText, values, language);
  return { subject: fill(template.emailSubject, values, language), text, html: htmlOf(text, language) };
}

/** Defaults with a practice's own texts laid over them. */
export function mergeTemplates(overrides: Partial<Record<MessageLanguage, Partial<Record<MessageStep, Partial<StepTemplate>>>>> | undefined): MessageTemplates {
  const merged = structuredClone(DEFAULT_TEMPLATES);
  for (const language of ['en', 'es'] as const) {
    for (const [step, template] of Object.entries(overrides?.[language] ?? {})) {
      Object.assign(merged[language][step as MessageStep], template);
    }
  }
  return merged;
}
