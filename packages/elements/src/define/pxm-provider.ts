import { defineElement } from '../internal/define-element.js';
import { PxmProvider } from '../provider/provider.js';

defineElement('pxm-provider', PxmProvider);

declare global {
  interface HTMLElementTagNameMap {
    'pxm-provider': PxmProvider;
  }
}
