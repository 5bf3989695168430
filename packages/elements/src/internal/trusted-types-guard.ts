/**
 * Lit needs a Trusted Types policy named `lit-html` to clone templates. A page whose policy allows
 * none (`trusted-types 'none'`), or whose own Lit created `lit-html` first without
 * `'allow-duplicates'`, makes that creation throw while Lit loads: an uncaught `TypeError`, and
 * nothing renders. Imported before Lit by every entry: while Lit loads, a refused `lit-html`
 * policy is recorded instead of thrown, and the elements then say so once (console and
 * `pxm-error`) instead of rendering. The page's `createPolicy` is given back once they are defined.
 */
interface PolicyFactory {
  createPolicy(name: string, rules: object): unknown;
}

let refusal: string | undefined;
let restore: (() => void) | undefined;

const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
if (factory && typeof factory.createPolicy === 'function' && Object.hasOwn(factory, 'createPolicy') === false) {
  const original = factory.createPolicy;
  factory.createPolicy = function createPolicy(this: PolicyFactory, name: string, rules: object) {
    try {
      return original.call(this, name, rules);
    } catch (error) {
      if (name !== 'lit-html') throw error;
      refusal = error instanceof Error ? error.message : String(error);
      return undefined;
    }
  };
  restore = () => {
    delete (factory as Partial<PolicyFactory>).createPolicy;
    restore = undefined;
  };
}

/** Why the page refused Lit's policy, or undefined when it did not. */
export function trustedTypesRefusal(): string | undefined {
  return refusal;
}

/** Gives the page its own `createPolicy` back (Lit has loaded by the time elements are defined). */
export function releaseTrustedTypesGuard(): void {
  restore?.();
}
