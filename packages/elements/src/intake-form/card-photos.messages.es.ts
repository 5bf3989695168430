import type { Translation } from '../l10n/translation-registry.js';
import type { CardPhotosMessages } from './card-photos.messages.en.js';

export const cardPhotosEs: Translation<CardPhotosMessages> = {
  front: 'Frente',
  back: 'Reverso',
  side: (side: string) => `${side} de la tarjeta`,
  takePhoto: 'Tomar una foto',
  choosePhoto: 'Elegir una foto',
  removePhoto: 'Quitar la foto',
  retry: 'Reintentar',
  preparing: 'Preparando la foto…',
  uploading: 'Subiendo…',
  uploaded: (kilobytes: string) => `Subida (${kilobytes} KB)`,
  onFile: 'Foto subida',
  failed: 'No se pudo subir la foto.',
  unreadable: 'No se puede leer esta foto. Elija una foto JPEG o PNG, o tome una nueva.',
  unavailable: 'Aquí no se pueden subir fotos.',
  preview: (side: string) => `Su tarjeta del seguro, ${side.toLowerCase()}`,
  added: (side: string) => `Foto del ${side.toLowerCase()} subida.`,
};
