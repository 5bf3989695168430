/**
 * One SMS segment: 160 characters of the GSM 7-bit alphabet. A character outside it (an accent
 * like "í", an emoji) turns the whole message into UCS-2, where a segment holds only 70, and a
 * patient may pay for several. So SMS text is folded into the GSM alphabet, then must fit under 160.
 */

/** The GSM 03.38 basic character set (the extension table is left out: those cost two). */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM = new Set(GSM_BASIC);

/** The longest SMS a reminder may be (strictly under one 160-character segment). */
export const SMS_MAX_LENGTH = 159;

/** Replaces what the GSM alphabet lacks with its plain letter ("á" -> "a"), or "?" when there is none. */
export function toGsmText(text: string): string {
  let out = '';
  for (const character of text) {
    if (GSM.has(character)) {
      out += character;
      continue;
    }
    const plain = character.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += [...plain].every((part) => GSM.has(part)) ? plain : character === '’' ? "'" : '?';
  }
  return out;
}

export function fitsOneSms(text: string): boolean {
  return [...text].every((character) => GSM.has(character)) && text.length <= SMS_MAX_LENGTH;
}
