/** Readers for JSON that has not been checked yet (a resource as the server sent it). */
export type Raw = Record<string, unknown>;

export const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

export const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The JSON in `text`; undefined when there is none or it does not parse. */
export function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The first extension with `url` among the `extension` list of an unchecked element. */
export function rawExtension(raw: Raw, url: string): Raw | undefined {
  const found = listOf(raw.extension).find((ext) => isObject(ext) && ext.url === url);
  return isObject(found) ? found : undefined;
}
