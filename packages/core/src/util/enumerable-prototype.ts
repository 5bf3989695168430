/**
 * Practice websites run plugins that add enumerable properties to `Object.prototype`. Every
 * `for...in` then sees them, including those inside libraries we bundle (zod installs its
 * methods with one, esbuild's export helper is another), and loading fails. Imported first by
 * every entry: it turns such properties non-enumerable. Their values stay exactly as the page set
 * them; only `for...in` and `Object.keys` of plain objects stop seeing them. Properties added
 * later are handled where our own code enumerates (`Object.keys`, objects without a prototype).
 */
export function hideEnumerablePrototypeKeys(): number {
  const proto = Object.prototype as Record<string, unknown>;
  let hidden = 0;
  for (const key in proto) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, key);
    if (!descriptor?.enumerable || !descriptor.configurable) continue;
    Object.defineProperty(proto, key, { ...descriptor, enumerable: false });
    hidden += 1;
  }
  return hidden;
}

hideEnumerablePrototypeKeys();
