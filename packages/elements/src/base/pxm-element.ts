import { trustedTypesRefusal } from '../internal/trusted-types-guard.js';
import { LitElement, ReactiveElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ContextConsumer } from '@lit/context';
import {
  type AdapterError,
  hideEnumerablePrototypeKeys,
  isAbortError,
  toAdapterError,
  type PxmAdapter,
} from '@pxm/core';
import { pxmConfigContext, type PxmConfig } from '../context/pxm-config.js';
import { PxmErrorEvent } from '../events/pxm-error-event.js';
import { commonEn } from '../l10n/common.en.js';
import { commonEs } from '../l10n/common.es.js';
import { LocalizeController } from '../l10n/localize-controller.js';
import { RootFontGuard } from '../internal/root-font-guard.js';

/** The `lang` of the nearest ancestor that has one, looking through shadow roots. */
function inheritedLang(element: Element): string | undefined {
  // Server rendering has no tree to walk (and no Element class): only the element's own attribute.
  if (typeof Element === 'undefined') return element.getAttribute?.('lang') || undefined;
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

let trustedTypesReported = false;

/** The values of the `theme` attribute on every element and on `<pxm-provider>`. */
export type PxmTheme = 'auto' | 'light' | 'dark';

/** The zone the visitor's device is set to. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * What every PXM element shares: where its adapter, locale and time zone come from (its own
 * properties first, then the nearest `<pxm-provider>`), error reporting, and common strings.
 * Subclasses never register themselves; see `src/define/`.
 */
export class PxmElement extends LitElement {
  static override properties: PropertyDeclarations = {
    adapter: { attribute: false },
    locale: { type: String, reflect: true },
    timeZone: { type: String, attribute: 'time-zone', reflect: true },
    theme: { type: String, reflect: true },
  };

  /** The backend, set directly; overrides the one from `<pxm-provider>`. */
  declare adapter: PxmAdapter | undefined;
  /** BCP 47 language tag; overrides the provider's and the page's `lang`. */
  declare locale: string | undefined;
  /** The patient's IANA time zone; defaults to the provider's, then the browser's. */
  declare timeZone: string | undefined;
  /**
   * Light or dark: `auto` follows the visitor's system setting, `light` and `dark` pin one.
   * Unset, the element follows the page's `color-scheme` (or its provider's `theme`).
   */
  declare theme: PxmTheme | undefined;

  private configConsumer = this.createConfigConsumer();
  protected readonly common = new LocalizeController(this, 'common', { en: commonEn, es: commonEs });
  /** Keeps a page's `html { font-size: 62.5% }` from shrinking the element. */
  protected readonly rootFontGuard = new RootFontGuard(this);

  private createConfigConsumer(): ContextConsumer<typeof pxmConfigContext, this> {
    return new ContextConsumer(this, { context: pxmConfigContext, subscribe: true });
  }

  override connectedCallback(): void {
    // Properties a page script added to Object.prototype since load must not reach our for...in paths.
    hideEnumerablePrototypeKeys();
    super.connectedCallback();
    // A provider upgraded after this element missed its request; ask again once it exists.
    if (!this.configConsumer.value && typeof customElements !== 'undefined' && !customElements.get('pxm-provider')) {
      void customElements.whenDefined('pxm-provider').then(() => {
        if (!this.isConnected || this.configConsumer.value) return;
        this.removeController(this.configConsumer);
        this.configConsumer = this.createConfigConsumer();
      });
    }
  }

  /**
   * Without its Trusted Types policy Lit cannot render (every template would be a refused
   * `innerHTML`): say so once to the developer, fire `pxm-error`, and show one plain sentence built
   * with DOM calls that need no policy.
   */
  protected override update(changed: PropertyValues): void {
    const refusal = trustedTypesRefusal();
    if (!refusal) {
      super.update(changed);
      return;
    }
    ReactiveElement.prototype['update'].call(this, changed);
    if (this.hasUpdated) return;
    if (!trustedTypesReported) {
      trustedTypesReported = true;
      console.error(
        `[pxm] PXM Elements cannot render: this page's Content-Security-Policy refused the Trusted Types policy "lit-html" that Lit needs (${refusal}). Allow it: trusted-types lit-html (add 'allow-duplicates' when the page has its own Lit). See docs/csp-and-privacy.md.`,
      );
    }
    const notice = document.createElement('p');
    notice.setAttribute('role', 'alert');
    notice.textContent = this.common.text('error_unsupported');
    this.renderRoot.replaceChildren(notice);
    this.dispatchEvent(new PxmErrorEvent({ code: 'unsupported', operation: 'trusted-types' }));
  }

  protected get providerConfig(): PxmConfig | undefined {
    return this.configConsumer.value;
  }

  /** The adapter in use: the element's own `.adapter`, else the nearest `<pxm-provider>`'s. */
  get resolvedAdapter(): PxmAdapter | undefined {
    return this.adapter ?? this.providerConfig?.adapter;
  }

  /** The language in use: `locale`, else the provider's, else the nearest `lang` attribute, else `en`. */
  get resolvedLocale(): string {
    return this.locale || this.providerConfig?.locale || inheritedLang(this) || 'en';
  }

  /** The patient's time zone in use: `time-zone`, else the provider's, else the browser's. */
  get resolvedTimeZone(): string {
    return this.timeZone || this.providerConfig?.timeZone || browserTimeZone();
  }

  /** True when the element is laid out right to left (arrow keys flip). */
  protected get isRtl(): boolean {
    return getComputedStyle(this).direction === 'rtl';
  }

  /**
   * Normalizes a failure, fires `pxm-error` with its code, and returns it; returns undefined
   * for an aborted call, which is not a failure.
   */
  protected reportError(error: unknown, operation: string): AdapterError | undefined {
    if (isAbortError(error)) return undefined;
    const adapterError = toAdapterError(error, operation);
    this.dispatchEvent(new PxmErrorEvent({ code: adapterError.code, operation: adapterError.operation ?? operation }));
    return adapterError;
  }

  /** The patient-facing sentence for an error code. */
  protected errorMessage(error: AdapterError | undefined): string {
    // A failed request with the browser online is the server (down, or refusing this origin), not the patient's connection.
    if (error?.code === 'network' && globalThis.navigator?.onLine !== false) return this.common.text('error_unreachable');
    return this.common.text(`error_${error?.code ?? 'server'}`);
  }
}
