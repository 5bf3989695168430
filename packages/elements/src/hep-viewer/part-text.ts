/**
 * Strings of the parts of the viewer that load later (progress, rating, sync notices). They live
 * in the viewer's own namespace, `pxm-hep-viewer`, so a host adds a language for the whole viewer
 * with one `registerTranslation(locale, 'pxm-hep-viewer', {...})`; English is the last fallback.
 */
import { lookupMessage, registerShippedTranslation, type Catalog } from '../l10n/translation-registry.js';

export const HEP_NAMESPACE = 'pxm-hep-viewer';

type Args<M> = M extends (...args: infer A) => string ? A : [];

export type PartText<C extends Catalog> = <K extends keyof C & string>(key: K, ...args: Args<C[K]>) => string;

/** A typed translator for one part's catalogue, registered on first use. */
export function partText<C extends Catalog>(en: C, es: Partial<C>): (locale: string) => PartText<C> {
  let registered = false;
  return (locale) => {
    if (!registered) {
      registered = true;
      registerShippedTranslation('en', HEP_NAMESPACE, en);
      registerShippedTranslation('es', HEP_NAMESPACE, es);
    }
    return (key, ...args) => {
      const message = lookupMessage(locale, HEP_NAMESPACE, key) ?? en[key];
      return typeof message === 'function' ? message(...args) : (message ?? key);
    };
  };
}
