/**
 * The viewer's localization, which also translates the parts that load later (progress, rating,
 * sync notices). Their strings live in the viewer's namespace, `pxm-hep-viewer`, so a host adds a
 * language for the whole viewer with one `registerTranslation(locale, 'pxm-hep-viewer', {...})`;
 * English is the last fallback. A part asks the controller it is handed, so its download carries
 * no translation code of its own.
 */
import { LocalizeController } from '../l10n/localize-controller.js';
import { lookupMessage, registerShippedTranslation, type Catalog } from '../l10n/translation-registry.js';
import type { HepViewerMessages } from './hep-viewer.messages.en.js';

type Args<M> = M extends (...args: infer A) => string ? A : [];

/** `t('key', ...args)` for one part's catalogue, checked against its English messages. */
export type PartText<C extends Catalog> = <K extends keyof C & string>(key: K, ...args: Args<C[K]>) => string;

/** Parts' catalogues, each registered on first use. */
const registered = new WeakSet<object>();

export class HepLocalizeController extends LocalizeController<HepViewerMessages> {
  /** A part's strings (English and the languages it ships), in the viewer's language. */
  part<P extends Catalog>(translations: { en: P } & Record<string, Partial<P>>): PartText<P> {
    for (const [language, messages] of Object.entries(translations)) {
      if (registered.has(messages)) continue;
      registered.add(messages);
      registerShippedTranslation(language, this.namespace, messages);
    }
    return (key, ...args) => {
      const message = lookupMessage(this.locale, this.namespace, key) ?? translations.en[key];
      return typeof message === 'function' ? message(...args) : (message ?? key);
    };
  }
}
