/**
 * The survey's shipped languages beyond English load when a page first needs them, so an
 * English page never downloads Spanish (and the other way round costs one small request).
 * Hosts can still add or override any language with `registerTranslation`.
 */
import { registerShippedTranslation } from '../l10n/translation-registry.js';

const loaders: Record<string, () => Promise<void>> = {
  es: () => import('./survey.messages.es.js').then(({ surveyEs }) => registerShippedTranslation('es', 'survey', surveyEs)),
};

const loading = new Map<string, Promise<void>>();

/** Resolves once the shipped catalogue for the locale's language is registered (at once for English). */
export function loadSurveyLanguage(locale: string): Promise<void> {
  const language = locale.split('-')[0]!.toLowerCase();
  const loader = loaders[language];
  if (!loader) return Promise.resolve();
  let promise = loading.get(language);
  if (!promise) {
    // A failed download is tried again next time; English shows meanwhile.
    promise = loader().catch(() => void loading.delete(language));
    loading.set(language, promise);
  }
  return promise;
}
