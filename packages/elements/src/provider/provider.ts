import { LitElement, css, html, type PropertyDeclarations } from 'lit';
import { ContextProvider } from '@lit/context';
import type { PxmAdapter } from '@pxm/core';
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
  };

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The backend every descendant element uses unless it sets its own `.adapter`. */
  declare adapter: PxmAdapter | undefined;
  /** BCP 47 language tag for descendants, e.g. `es` or `en-US`. */
  declare locale: string | undefined;
  /** The patient's IANA time zone, when the host knows it better than the browser. */
  declare timeZone: string | undefined;

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
