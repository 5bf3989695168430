import type { Translation } from '../l10n/translation-registry.js';
import type { SigningMessages } from './signing.messages.en.js';

export const signingEs: Translation<SigningMessages> = {
  consentVersion: (version: string) => `Versión ${version}`,
  disclosureTitle: 'Documentos y firmas electrónicas',
  defaultDisclosure:
    'Usted acepta firmar este documento de forma electrónica; su firma electrónica tiene el mismo efecto que una firma a mano. Puede pedir a la clínica una copia en papel sin costo y puede retirar en cualquier momento su acuerdo de usar documentos electrónicos avisando a la clínica (lo ya firmado sigue firmado). Esto abarca los formularios y consentimientos de este registro. Necesita un dispositivo con un navegador actual; puede guardar o imprimir esta página, o pedir una copia a la clínica.',
  agree: 'Lo he leído y estoy de acuerdo',
  signatureNeedsConsent: 'Acepte el consentimiento de arriba antes de firmar.',
  fullName: 'Su nombre completo',
  signMethod: '¿Cómo desea firmar?',
  signDraw: 'Dibujar mi firma',
  signType: 'Escribir mi nombre como firma',
  drawArea: 'Área para dibujar la firma',
  drawHint: 'Firme con el dedo, un lápiz táctil o el ratón.',
  drawAlternative: '¿No puede dibujar aquí? Elija «Escribir mi nombre como firma».',
  clearDrawing: 'Borrar el dibujo',
  typedPreview: 'Su firma escrita',
  signIntent: 'Al elegir «Firmar», acepto que esta es mi firma electrónica y que tiene el mismo efecto legal que firmar a mano.',
  sign: 'Firmar',
  signAgain: 'Firmar de nuevo',
  signedNow: 'Firmado.',
  signedBy: (name: string, when: string) => `Firmado por ${name} el ${when}`,
  signedDrawn: 'Firma dibujada',
  signedTyped: 'Firma escrita',
  needName: 'Escriba primero su nombre completo.',
  needDrawing: 'Dibuje primero su firma, o elija escribir su nombre.',
};
