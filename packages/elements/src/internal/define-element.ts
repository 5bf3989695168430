// Before any element module (and the libraries they bundle) evaluates: Lit's policy, then
// enumerable-prototype.ts in core.
import { releaseTrustedTypesGuard } from './trusted-types-guard.js';
import { hideEnumerablePrototypeKeys } from '@pxm/core';

/**
 * Registers a tag once. Two copies of the SDK on one page (a CMS plugin plus an app bundle) must
 * not crash the page: the first registration wins and the second only warns.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return; // server rendering without a DOM shim
  hideEnumerablePrototypeKeys();
  releaseTrustedTypesGuard();
  const existing = customElements.get(tag);
  if (existing === constructor) return;
  if (existing) {
    console.warn(`[pxm] <${tag}> was already defined by another copy of PXM Elements; keeping the first one.`);
    return;
  }
  customElements.define(tag, constructor);
}
