import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatInZone, formatLocalDate, timeZoneName } from '@pxm/core/time';
import { lookupMessage, onTranslationsChanged, registerShippedTranslation, type Catalog } from './translation-registry.js';

// Building an Intl formatter costs far more than using one; lists of cards format many numbers.
const numberFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

function cached<T>(cache: Map<string, T>, key: string, create: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = create();
    cache.set(key, value);
  }
  return value;
}

/** Shipped catalogues are registered once, on first use, not at import time. */
const registered = new Set<string>();

type Args<M> = M extends (...args: infer A) => string ? A : [];

export interface LocaleSource {
  /** The resolved locale of the host, e.g. `es-MX`. */
  readonly resolvedLocale: string;
}

/**
 * Translates and formats for one element and one namespace. The English catalogue is the
 * type: `t('slotsFound', 3)` is checked against its parameters at compile time.
 */
export class LocalizeController<C extends Catalog> implements ReactiveController {
  private readonly host: ReactiveControllerHost & LocaleSource;
  protected readonly namespace: string;
  private readonly english: C;
  private unsubscribe: (() => void) | undefined;

  /** `translations.en` is the complete catalogue; other languages ship beside it. */
  constructor(
    host: ReactiveControllerHost & LocaleSource,
    namespace: string,
    translations: { en: C } & Record<string, Partial<C>>,
  ) {
    this.host = host;
    this.namespace = namespace;
    this.english = translations.en;
    for (const [language, messages] of Object.entries(translations)) {
      if (!registered.has(`${language}|${namespace}`)) {
        registered.add(`${language}|${namespace}`);
        registerShippedTranslation(language, namespace, messages);
      }
    }
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = onTranslationsChanged(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  get locale(): string {
    return this.host.resolvedLocale;
  }

  /** The message for `key` in the current language (English when it has none), with its arguments. */
  text<K extends keyof C & string>(key: K, ...args: Args<C[K]>): string {
    const message = lookupMessage(this.locale, this.namespace, key) ?? this.english[key];
    if (typeof message === 'function') return message(...args);
    return message ?? key;
  }

  /** An instant in an explicit zone, e.g. `Mon, Mar 15, 8:00 AM`. */
  dateTime(instant: string | Date, timeZone: string, options: Intl.DateTimeFormatOptions): string {
    return formatInZone(instant, timeZone, this.locale, options);
  }

  /** A zone-less calendar date (`YYYY-MM-DD`). */
  date(localDate: string, options: Intl.DateTimeFormatOptions): string {
    return formatLocalDate(localDate, this.locale, options);
  }

  zoneName(instant: string | Date, timeZone: string, style: 'short' | 'long' = 'short'): string {
    return timeZoneName(instant, timeZone, this.locale, style);
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return cached(numberFormats, `${this.locale}|${JSON.stringify(options ?? {})}`, () => new Intl.NumberFormat(this.locale, options)).format(value);
  }

  /** Money as a practice writes it: "$50", "$12.50" (no ".00" on whole amounts). */
  money(amountMinor: number, currency: string): string {
    const digits = amountMinor % 100 === 0 ? 0 : undefined;
    return this.number(amountMinor / 100, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
  }

  list(items: string[], type: Intl.ListFormatType = 'conjunction'): string {
    return cached(listFormats, `${this.locale}|${type}`, () => new Intl.ListFormat(this.locale, { style: 'long', type })).format(items);
  }
}
