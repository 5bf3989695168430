/**
 * Slot ids name a provider, place, visit type and start so a backend can re-check the slot
 * without storing every slot it ever offered. Clients treat them as opaque.
 */
export interface SlotKey {
  locationId: string;
  appointmentTypeId: string;
  providerId: string;
  /** Milliseconds since the epoch. */
  startMs: number;
}

const SEPARATOR = '|';

export function encodeSlotId(key: SlotKey): string {
  return ['s1', key.locationId, key.appointmentTypeId, key.providerId, String(key.startMs)].join(SEPARATOR);
}

export function decodeSlotId(id: string): SlotKey | undefined {
  const parts = id.split(SEPARATOR);
  if (parts.length !== 5 || parts[0] !== 's1') return undefined;
  const [, locationId, appointmentTypeId, providerId, start] = parts as [string, string, string, string, string];
  const startMs = Number(start);
  if (!locationId || !appointmentTypeId || !providerId || !Number.isSafeInteger(startMs)) return undefined;
  return { locationId, appointmentTypeId, providerId, startMs };
}
