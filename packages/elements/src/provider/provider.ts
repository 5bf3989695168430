import { LitElement, css, html, type PropertyDeclarations } from 'lit';
import { ContextProvider } from '@lit/context';
import type { PxmAdapter } from '@pxm/core';
import type { PxmTheme } from '../base/pxm-element.js';
import { pxmConfigContext } from '../context/pxm-config.js';

/**
 * Gives every PXM element inside it the same backend adapter, language and time zone, so a page
 * configures them once.
 *
 * @summary Shares the adapter, locale and time zone with descendant PXM elements.
 * @tag pxm-provider
 * @slot - The PXM elements (and any other content) that use this configuration.
 */
export class PxmProvider extends LitElement {
  static override properties: PropertyDeclarations = {
    adapter: { attribute: false },
    locale: { type: String, reflect: true },
    timeZone: { type: String, attribute: 'time-zone', reflect: true },
    theme: { type: String, reflect: true },
  };

  static override styles = css`
    :host {
      display: contents;
    }

    /* color-scheme is inherited, so descendants without a theme of their own follow these. */
    :host([theme='auto']) {
      color-scheme: light dark;
    }

    :host([theme='light']) {
      color-scheme: light;
    }

    :host([theme='dark']) {
      color-scheme: dark;
    }
  `;

  /** The backend every descendant element uses unless it sets its own `.adapter`. */
  declare adapter: PxmAdapter | undefined;
  /** BCP 47 language tag for descendants, e.g. `es` or `en-US`. */
  declare locale: string | undefined;
  /** The patient's IANA time zone, when the host knows it better than the browser. */
  declare timeZone: string | undefined;
  /**
   * Light or dark for every descendant element: `auto` follows the visitor's system setting,
   * `light` and `dark` pin one. Unset, elements follow the page's `color-scheme`.
   */
  declare theme: PxmTheme | undefined;

  private readonly provider = new ContextProvider(this, {
    context: pxmConfigContext,
    initialValue: { adapter: undefined, locale: undefined, timeZone: undefined },
  });

  protected override willUpdate(): void {
    this.provider.setValue({ adapter: this.adapter, locale: this.locale, timeZone: this.timeZone });
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
