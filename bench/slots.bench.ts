/**
 * Slot computation: 90 days of free slots for every provider, location and visit type of the
 * demo practice, through the memory adapter (the slot engine plus busy-time assembly).
 */
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { summarize } from '../scripts/bench-browser.mjs';

const now = new Date('2027-03-01T16:00:00Z');
const adapter = createMemoryAdapter({ now: () => now });
const locations = await adapter.booking.listLocations();
const types = await adapter.booking.listAppointmentTypes();
const from = now.toISOString();
const to = new Date(now.getTime() + 90 * 86_400_000).toISOString();

async function allSlots(): Promise<number> {
  let count = 0;
  for (const location of locations) {
    for (const type of types) {
      count += (await adapter.booking.findSlots({ locationId: location.id, appointmentTypeId: type.id, from, to })).length;
    }
  }
  return count;
}

await allSlots(); // warm-up: Intl formatters, JIT
const samples: number[] = [];
let slots = 0;
for (let i = 0; i < 15; i++) {
  const start = performance.now();
  slots = await allSlots();
  samples.push(performance.now() - start);
}
const s = summarize(samples);
console.log(`90 days of slots, all providers, ${locations.length} locations x ${types.length} visit types: ${slots} slots`);
console.log(`  median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, min ${s.min.toFixed(1)} ms (n=${s.n})`);
