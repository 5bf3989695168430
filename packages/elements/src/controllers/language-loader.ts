import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { registerShippedTranslation, type Catalog } from '../l10n/translation-registry.js';

/** A shipped language's catalogue for one namespace, loaded on demand. */
export type LanguageImport = () => Promise<Partial<Catalog>>;

/** Each (language, namespace) is fetched once per page. */
const loaded = new Map<string, Promise<void>>();

/**
 * Loads the catalogues an element ships beyond English (Spanish today) when its resolved locale
 * asks for them, registers them, and renders again: pages in English never download them.
 * English is bundled with the element; `ready` resolves when the current language is usable.
 */
export class LanguageLoader implements ReactiveController {
  private requested = '';
  ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost & { readonly resolvedLocale: string },
    private readonly namespace: string,
    private readonly languages: Readonly<Record<string, LanguageImport>>,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const language = this.host.resolvedLocale.toLowerCase().split('-')[0] ?? 'en';
    if (language === this.requested) return;
    this.requested = language;
    this.ready = this.loadLanguage(language);
  }

  private loadLanguage(language: string): Promise<void> {
    const importer = this.languages[language];
    if (!importer) return Promise.resolve();
    const key = `${language}|${this.namespace}`;
    let loading = loaded.get(key);
    if (!loading) {
      loading = importer().then(
        (messages) => registerShippedTranslation(language, this.namespace, messages),
        (error: unknown) => {
          // Offline or a missing chunk: stay in English now, try again on the next change.
          loaded.delete(key);
          console.warn(`[pxm] The ${language} texts of ${this.namespace} could not load; showing English.`, error);
        },
      );
      loaded.set(key, loading);
    }
    return loading.then(() => this.host.requestUpdate());
  }
}
