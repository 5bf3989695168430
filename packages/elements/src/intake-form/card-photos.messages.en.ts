/** Strings of the insurance card photos (namespace `pxm-intake-form-cards`). */
export const cardPhotosEn = {
  front: 'Front',
  back: 'Back',
  side: (side: string) => `${side} of the card`,
  takePhoto: 'Take a photo',
  choosePhoto: 'Choose a photo',
  removePhoto: 'Remove photo',
  retry: 'Retry',
  preparing: 'Preparing the photo…',
  uploading: 'Uploading…',
  uploaded: (kilobytes: string) => `Uploaded (${kilobytes} KB)`,
  onFile: 'Photo uploaded',
  failed: 'The photo could not be uploaded.',
  unreadable: 'This photo can’t be read. Please choose a JPEG or PNG photo, or take a new one.',
  unavailable: 'Photos can’t be uploaded here.',
  preview: (side: string) => `Your insurance card, ${side.toLowerCase()}`,
  added: (side: string) => `${side} photo uploaded.`,
};

export type CardPhotosMessages = typeof cardPhotosEn;
