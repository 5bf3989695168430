/** Strings of the consent and signature step (namespace `pxm-intake-form-signing`). */
export const signingEn = {
  consentVersion: (version: string) => `Version ${version}`,
  disclosureTitle: 'Electronic records and signatures',
  defaultDisclosure:
    'You are agreeing to sign this document electronically; your electronic signature has the same effect as a handwritten one. You may ask the practice for a paper copy at no charge, and you may withdraw your agreement to use electronic records at any time by telling the practice (documents already signed stay signed). This covers the forms and consents in this intake. You need a device with a current web browser; you can save or print this page, or ask the practice for a copy.',
  agree: 'I have read this and I agree',
  signatureNeedsConsent: 'Agree to the consent above before you sign.',
  fullName: 'Your full name',
  signMethod: 'How would you like to sign?',
  signDraw: 'Draw my signature',
  signType: 'Type my name as my signature',
  drawArea: 'Signature drawing area',
  drawHint: 'Sign with your finger, a stylus or the mouse.',
  drawAlternative: 'Can’t draw here? Choose “Type my name as my signature”.',
  clearDrawing: 'Clear drawing',
  typedPreview: 'Your typed signature',
  signIntent: 'By selecting “Sign”, I agree that this is my electronic signature and has the same legal effect as signing by hand.',
  sign: 'Sign',
  signAgain: 'Sign again',
  signedNow: 'Signed.',
  signedBy: (name: string, when: string) => `Signed by ${name} on ${when}`,
  signedDrawn: 'Drawn signature',
  signedTyped: 'Typed signature',
  needName: 'Type your full name first.',
  needDrawing: 'Draw your signature first, or choose to type your name instead.',
};

export type SigningMessages = typeof signingEn;
