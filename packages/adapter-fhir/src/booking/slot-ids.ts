/**
 * Contract ids for the Slot fallback. A slot id names the FHIR Slot and the visit type it is
 * offered for (one Slot may serve several types); a hold id adds the secret that proves the
 * caller made the hold. FHIR ids never contain `~`, so it separates the parts.
 */
const SEP = '~';
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

export interface SlotRef {
  slotId: string;
  typeId: string;
}

export interface HoldRef extends SlotRef {
  secret: string;
}

export function encodeSlotRef(ref: SlotRef): string {
  return `${ref.slotId}${SEP}${ref.typeId}`;
}

export function decodeSlotRef(id: unknown): SlotRef | undefined {
  if (typeof id !== 'string') return undefined;
  const parts = id.split(SEP);
  if (parts.length !== 2 || !FHIR_ID.test(parts[0]!) || !FHIR_ID.test(parts[1]!)) return undefined;
  return { slotId: parts[0]!, typeId: parts[1]! };
}

export function encodeHoldRef(ref: HoldRef): string {
  return `${ref.slotId}${SEP}${ref.typeId}${SEP}${ref.secret}`;
}

export function decodeHoldRef(id: unknown): HoldRef | undefined {
  if (typeof id !== 'string') return undefined;
  const parts = id.split(SEP);
  if (parts.length !== 3 || !FHIR_ID.test(parts[0]!) || !FHIR_ID.test(parts[1]!) || !/^[A-Za-z0-9_-]{16,100}$/.test(parts[2]!)) return undefined;
  return { slotId: parts[0]!, typeId: parts[1]!, secret: parts[2]! };
}
