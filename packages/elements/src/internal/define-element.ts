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
    console.warn(`[pxm] <${tag}> was already defined ${describeDefinition(existing)}; keeping that one, so the page shows it instead of this copy's.`);
    return;
  }
  customElements.define(tag, constructor);
}

/** What registered a tag first, in words a developer can act on. */
function describeDefinition(existing: CustomElementConstructor): string {
  const name = existing.name ? `class ${existing.name}` : 'an anonymous class';
  // Another copy's elements share our prototype's shape (checked by name: classes differ per copy).
  const pxm = 'resolvedAdapter' in existing.prototype && 'resolvedLocale' in existing.prototype;
  return pxm ? `by another copy of PXM Elements (${name})` : `by another library, not PXM Elements (${name})`;
}
