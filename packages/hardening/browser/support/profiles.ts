/** The elements covered, as the page's profiles name them (see src/page/profiles/index.ts). */
const ALL = ['booking', 'survey', 'hep-viewer', 'intake-form', 'progress', 'referral'] as const;
export type ProfileName = (typeof ALL)[number];

/** `HARDENING_ELEMENTS=intake-form,survey` narrows every proof to those elements (when working on one). */
const only = (process.env.HARDENING_ELEMENTS ?? '').split(',').map((name) => name.trim()).filter(Boolean);
export const PROFILE_NAMES: readonly ProfileName[] = only.length > 0 ? ALL.filter((name) => only.includes(name)) : ALL;
