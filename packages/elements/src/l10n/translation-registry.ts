/**
 * Every user-facing string lives in a catalogue: one per namespace (`common`, `booking`, ...)
 * and language. English ships for every namespace and is the final fallback; Spanish ships too;
 * a host adds a language with `registerTranslation('fr', 'booking', {...})`.
 */

/** A message: plain text, or a function of its parameters (plurals, numbers, names of things). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Message = string | ((...args: any[]) => string);

export type Catalog = Record<string, Message>;

/** A translation must provide the same keys with the same parameters as the English catalogue. */
export type Translation<C extends Catalog> = { [K in keyof C]: C[K] };

const registry = new Map<string, Map<string, Partial<Catalog>>>();
const listeners = new Set<() => void>();

function normalize(locale: string): string {
  return locale.toLowerCase();
}

/**
 * Adds or extends a language for one namespace. Missing keys fall back to the base language
 * (`es` for `es-MX`) and then to English. Elements already on the page re-render.
 */
export function registerTranslation<C extends Catalog>(locale: string, namespace: string, messages: Partial<C>): void {
  addMessages(locale, namespace, messages, false);
}

/** The catalogues an element ships: they never replace what a host registered first. */
export function registerShippedTranslation<C extends Catalog>(locale: string, namespace: string, messages: Partial<C>): void {
  addMessages(locale, namespace, messages, true);
}

function addMessages(locale: string, namespace: string, messages: Partial<Catalog>, asDefaults: boolean): void {
  const key = normalize(locale);
  let namespaces = registry.get(key);
  if (!namespaces) {
    namespaces = new Map();
    registry.set(key, namespaces);
  }
  const existing = namespaces.get(namespace);
  namespaces.set(namespace, asDefaults ? { ...messages, ...existing } : { ...existing, ...messages });
  for (const listener of listeners) listener();
}

/** Languages to try for a locale, most specific first: `es-MX` gives `es-mx`, `es`. */
export function fallbackChain(locale: string): string[] {
  const parts = normalize(locale).split('-');
  const chain: string[] = [];
  for (let i = parts.length; i > 0; i--) chain.push(parts.slice(0, i).join('-'));
  return chain;
}

export function lookupMessage(locale: string, namespace: string, key: string): Message | undefined {
  for (const candidate of fallbackChain(locale)) {
    const message = registry.get(candidate)?.get(namespace)?.[key];
    if (message !== undefined) return message;
  }
  return undefined;
}

/** True when some namespace has been registered for the language. */
export function hasLanguage(locale: string): boolean {
  return fallbackChain(locale).some((candidate) => registry.has(candidate));
}

/** Called whenever a translation is registered, so mounted elements can re-render. */
export function onTranslationsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
