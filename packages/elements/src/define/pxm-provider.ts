// First, before any library's code runs: tame enumerable Object.prototype properties a page's
// plugins added (zod and bundlers' export helpers enumerate with for...in).
import '@pxm/core/prototype-guard';
import { defineElement } from '../internal/define-element.js';
import { PxmProvider } from '../provider/provider.js';

defineElement('pxm-provider', PxmProvider);

declare global {
  interface HTMLElementTagNameMap {
    'pxm-provider': PxmProvider;
  }
}
