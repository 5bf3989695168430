import type { PxmAdapter } from '@pxm/core';

/**
 * Adapters chosen by attributes, for pages with no build step:
 *
 * ```html
 * <pxm-provider adapter="rest" adapter-base-url="https://api.clinic.example/pxm/v1">
 * ```
 *
 * An adapter file (`pxm-adapter-rest.js`) registers a factory under a name; every PXM element or
 * provider whose `adapter` attribute names it gets an instance, built from its `adapter-*`
 * attributes. Elements added later (or whose attributes change) are configured too. Elements with
 * the same name and options share one instance, so a booking and a survey on one page talk to the
 * same in-browser backend. Nothing is put on `window`.
 */

/** The `adapter-*` options of one element, read by name without the prefix. */
export interface AdapterAttributes {
  /** The value of `adapter-<name>`, or undefined when absent or empty. */
  string(name: string): string | undefined;
  /** `adapter-<name>` as a finite number; throws a clear error for anything else. */
  number(name: string): number | undefined;
  /** `adapter-<name>` split on spaces and commas. */
  list(name: string): string[] | undefined;
  /** `adapter-<name>`: absent is undefined, `off`/`false`/`no` is false, anything else true. */
  flag(name: string): boolean | undefined;
}

export interface AdapterFactory {
  /** The option names it reads (without `adapter-`): changes to them rebuild the adapter. */
  readonly options: readonly string[];
  create(options: AdapterAttributes): PxmAdapter;
}

interface Configurable extends Element {
  adapter?: PxmAdapter | undefined;
}

const factories = new Map<string, AdapterFactory>();
const instances = new Map<string, PxmAdapter>();
/** What each element was given, so a later change of its attributes swaps it. */
const applied = new WeakMap<Element, string>();
let observer: MutationObserver | undefined;

class AttributeReader implements AdapterAttributes {
  constructor(private readonly element: Element) {}

  string(name: string): string | undefined {
    const value = this.element.getAttribute(`adapter-${name}`)?.trim();
    return value ? value : undefined;
  }

  number(name: string): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed)) throw new Error(`adapter-${name}="${value}" is not a number.`);
    return parsed;
  }

  list(name: string): string[] | undefined {
    return this.string(name)?.split(/[\s,]+/).filter(Boolean);
  }

  flag(name: string): boolean | undefined {
    const value = this.string(name);
    if (value === undefined) return this.element.hasAttribute(`adapter-${name}`) ? true : undefined;
    return !/^(off|false|no|0)$/i.test(value);
  }
}

const isPxm = (element: Element) => element.localName.startsWith('pxm-') && element.hasAttribute('adapter');

function configure(element: Element): void {
  const name = element.getAttribute('adapter')?.trim() ?? '';
  const factory = factories.get(name);
  if (!factory) return;
  const options = factory.options.map((option) => `${option}=${element.getAttribute(`adapter-${option}`) ?? ''}`);
  const key = `${name}?${options.join('&')}`;
  if (applied.get(element) === key) return;
  let adapter = instances.get(key);
  if (!adapter) {
    try {
      adapter = factory.create(new AttributeReader(element));
    } catch (error) {
      console.error(`[pxm] <${element.localName} adapter="${name}">: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    instances.set(key, adapter);
  }
  applied.set(element, key);
  (element as Configurable).adapter = adapter;
}

function configureTree(root: ParentNode): void {
  if (root instanceof Element && isPxm(root)) configure(root);
  for (const element of root.querySelectorAll('[adapter]')) if (isPxm(element)) configure(element);
}

function watch(): void {
  const attributeFilter = ['adapter', ...new Set([...factories.values()].flatMap((f) => f.options.map((o) => `adapter-${o}`)))];
  observer?.disconnect();
  observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        if (record.target instanceof Element && isPxm(record.target)) configure(record.target);
        continue;
      }
      for (const node of record.addedNodes) if (node instanceof Element) configureTree(node);
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter });
}

/**
 * Makes `adapter="<name>"` available on the page: configures the elements already there and
 * those added later. Registering a name again replaces its factory for elements configured after.
 */
export function registerAdapter(name: string, factory: AdapterFactory): void {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`Adapter names are lowercase words: "${name}".`);
  factories.set(name, factory);
  if (typeof document === 'undefined') return;
  watch();
  configureTree(document);
}

/**
 * Once the page has loaded, says which `adapter="..."` names no loaded file provides (a missing
 * or misspelled script tag would otherwise leave the element waiting with no hint).
 */
export function reportMissingAdapters(): void {
  if (typeof document === 'undefined') return;
  const check = () => {
    const missing = new Set<string>();
    for (const element of document.querySelectorAll('[adapter]')) {
      const name = element.getAttribute('adapter')?.trim() ?? '';
      if (isPxm(element) && !factories.has(name)) missing.add(name);
    }
    for (const name of missing) {
      console.warn(`[pxm] adapter="${name}" is used on this page but no adapter file registered it: add <script type="module" src=".../pxm-adapter-${name}.js">.`);
    }
  };
  if (document.readyState === 'complete') setTimeout(check);
  else window.addEventListener('load', () => setTimeout(check), { once: true });
}
