/** Small readers and writers for FHIR elements: extensions, identifiers, references, codings. */
import type { CodeableConcept, Coding, Extension, Identifier, Reference, Resource } from './types.js';

export function extensionOf(holder: { extension?: Extension[] | undefined } | undefined, url: string): Extension | undefined {
  return holder?.extension?.find((ext) => ext.url === url);
}

export function extensionsOf(holder: { extension?: Extension[] | undefined } | undefined, url: string): Extension[] {
  return holder?.extension?.filter((ext) => ext.url === url) ?? [];
}

/** Replaces every extension with `url` by `next` (none when undefined), keeping the others. */
export function withExtension<T extends { extension?: Extension[] | undefined }>(holder: T, url: string, next: Extension | Extension[] | undefined): T {
  const kept = (holder.extension ?? []).filter((ext) => ext.url !== url);
  const added = next === undefined ? [] : Array.isArray(next) ? next : [next];
  const extension = [...kept, ...added];
  const copy = { ...holder };
  if (extension.length > 0) copy.extension = extension;
  else delete copy.extension;
  return copy;
}

/** Sub-extension of a complex extension (its parts are extensions of it). */
export const part: (ext: Extension | undefined, url: string) => Extension | undefined = extensionOf;

export const parts: (ext: Extension | undefined, url: string) => Extension[] = extensionsOf;

/** A complex extension from named parts, skipping the undefined ones. */
export function complexExtension(url: string, fields: Array<Extension | undefined>): Extension {
  return { url, extension: fields.filter((field): field is Extension => field !== undefined) };
}

export function identifierOf(holder: { identifier?: Identifier[] | Identifier | undefined } | undefined, system: string): Identifier | undefined {
  const list = holder?.identifier === undefined ? [] : Array.isArray(holder.identifier) ? holder.identifier : [holder.identifier];
  return list.find((id) => id.system === system);
}

export function identifierValue(holder: { identifier?: Identifier[] | Identifier | undefined } | undefined, system: string): string | undefined {
  return identifierOf(holder, system)?.value;
}

/** `system|value` for token searches (`identifier=`, `code=`). */
export function token(system: string, value: string): string {
  return `${system}|${value}`;
}

export function referenceTo(resource: Resource & { id?: string | undefined }): string {
  return `${resource.resourceType}/${resource.id ?? ''}`;
}

/**
 * The `[type, id]` of a relative or absolute literal reference (`Location/a`,
 * `https://x/fhir/Location/a/_history/3`); undefined for contained (`#x`) or logical references.
 */
export function parseReference(reference: Reference | string | undefined): { type: string; id: string } | undefined {
  const text = typeof reference === 'string' ? reference : reference?.reference;
  if (!text || text.startsWith('#')) return undefined;
  const match = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(text);
  return match ? { type: match[1]!, id: match[2]! } : undefined;
}

export function referenceId(reference: Reference | string | undefined, type: string): string | undefined {
  const parsed = parseReference(reference);
  return parsed && parsed.type === type ? parsed.id : undefined;
}

export function hasCoding(concept: CodeableConcept | undefined, system: string, code?: string): boolean {
  return (concept?.coding ?? []).some((coding) => coding.system === system && (code === undefined || coding.code === code));
}

export function codeIn(concept: CodeableConcept | undefined, system: string): string | undefined {
  return concept?.coding?.find((coding) => coding.system === system)?.code;
}

export function sameCoding(a: Coding, b: Coding): boolean {
  return a.system === b.system && a.code === b.code && a.code !== undefined;
}

/** True when any coding of `a` equals any coding of `b`. */
export function conceptsOverlap(a: readonly CodeableConcept[] | undefined, b: readonly CodeableConcept[] | undefined): boolean {
  const left = (a ?? []).flatMap((concept) => concept.coding ?? []);
  const right = (b ?? []).flatMap((concept) => concept.coding ?? []);
  return left.some((x) => right.some((y) => sameCoding(x, y)));
}
