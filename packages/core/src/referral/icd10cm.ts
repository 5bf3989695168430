/**
 * ICD-10-CM diagnosis codes, checked for shape only (the code set changes every October 1; a
 * list would be stale and large). Shape: a letter, a digit, a digit or letter (`M17`, `M1A`),
 * then optionally a dot and one to four digits or letters (`M17.11`, `S72.001A`, `T14.8XXA`).
 */
const ICD10CM_SHAPE = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

/** True for a code in its written form: upper case, with the dot after the third character. */
export function isIcd10CmShape(code: string): boolean {
  return ICD10CM_SHAPE.test(code);
}

/**
 * What an office typed, in the written form when it is a code: trimmed, upper case, and the dot
 * put back when it was left out (`m1711` becomes `M17.11`). Anything that is not a code comes
 * back trimmed but otherwise as typed (`knee` does not become `KNE.E`), for the office to correct.
 */
export function normalizeIcd10Code(typed: string): string {
  const compact = typed.trim().toUpperCase().replace(/\s/g, '');
  const written = compact.includes('.') || compact.length <= 3 ? compact : `${compact.slice(0, 3)}.${compact.slice(3)}`;
  return isIcd10CmShape(written) ? written : typed.trim();
}
