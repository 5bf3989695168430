import { css, html } from 'lit';
import { PxmElement } from '../base/pxm-element.js';
import { hostStyles } from '../styles/host.styles.js';
import { defineElement } from '../internal/define-element.js';

/** A minimal element on the shared base that shows what it resolved; for spine tests only. */
export class ProbeElement extends PxmElement {
  static override styles = [
    hostStyles,
    css`
      p {
        background: var(--_color-surface);
      }
    `,
  ];

  protected override render() {
    return html`<p>
      <span data-adapter>${this.resolvedAdapter?.name ?? 'none'}</span>
      <span data-locale>${this.resolvedLocale}</span>
      <span data-zone>${this.resolvedTimeZone}</span>
      <span data-retry>${this.common.text('retry')}</span>
    </p>`;
  }

  fail(error: unknown) {
    return this.reportError(error, 'probe.fail');
  }
}

defineElement('pxm-test-probe', ProbeElement);
