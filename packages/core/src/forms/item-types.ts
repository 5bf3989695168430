/** Every item type a form definition may use. */
export const FORM_ITEM_TYPES = [
  'text',
  'long-text',
  'number',
  'date',
  'yes-no',
  'single-choice',
  'multiple-choice',
  'scale',
  'phone',
  'email',
  'address',
  'insurance-card',
  'consent',
  'signature',
  'section',
  'group',
  'display',
] as const;
export type FormItemType = (typeof FORM_ITEM_TYPES)[number];
