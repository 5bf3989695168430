/**
 * `<pxm-booking>`: time from the element connecting to the first day's times painted, with the
 * demo backend. The first run is cold (the step views are fetched on demand, as on a real page);
 * the others are warm (modules cached, a new element and a new backend each time).
 */
import '@pxm/elements/define/pxm-booking';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import type { PxmBooking } from '@pxm/elements';

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

async function once(): Promise<number> {
  const el = document.createElement('pxm-booking') as PxmBooking;
  el.adapter = createMemoryAdapter();
  el.setAttribute('location', 'denver-highlands');
  el.setAttribute('appointment-type', 'initial-evaluation');
  el.setAttribute('time-zone', 'America/Denver');
  const start = performance.now();
  document.body.append(el);
  while (!el.shadowRoot?.querySelector('[part~="time"]')) await frame();
  // The times are in the DOM; the next frame is the one that shows them.
  await frame();
  const elapsed = performance.now() - start;
  el.remove();
  return elapsed;
}

const cold = await once();
const warm: number[] = [];
for (let i = 0; i < 40; i++) warm.push(await once());
warm.sort((a, b) => a - b);
(window as unknown as { __pxmBench: unknown }).__pxmBench = {
  cold,
  samples: warm.length,
  median: warm[Math.floor(warm.length / 2)],
  p95: warm[Math.floor(warm.length * 0.95)],
};
