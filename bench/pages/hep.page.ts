/**
 * `<pxm-hep-viewer>`: time from the element connecting to a 12-exercise program painted (every
 * card in the DOM and the next frame shown), against the demo backend with four weeks of logs.
 * The first run is cold (later parts of the viewer are fetched on demand, as on a real page); the
 * others are warm (modules cached, a new element and a new backend each time).
 */
import '@pxm/elements/define/pxm-hep-viewer';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { addDays, localDateIn, toZonedIso, zonedTimeToInstant } from '@pxm/core/time';
import type { ActivityLogEntry, Exercise, HepProgram } from '@pxm/core/hep';
import type { PxmHepViewer } from '@pxm/elements';

const ZONE = 'America/Denver';
const today = localDateIn(new Date(), ZONE);
const sides = ['left', 'right', 'both', 'alternating'] as const;

const exercises: Exercise[] = Array.from({ length: 12 }, (_, i) => ({
  id: `exercise-${i + 1}`,
  name: `Exercise ${i + 1}`,
  dosage: { sets: 2 + (i % 3), reps: 8 + i, ...(i % 2 ? { holdSeconds: 5 } : {}), side: sides[i % 4], ...(i % 3 === 0 ? { equipment: ['Band'] } : {}) },
  // Every exercise due every day, so all twelve are on Today.
  frequency: { timesPerDay: 1 + (i % 2) },
  instructions: 'Move slowly and keep breathing. Stop if the pain is sharp.',
  ...(i % 4 === 0 ? { note: 'Keep your back flat.' } : {}),
}));

const program: HepProgram = {
  id: 'bench-program',
  version: 1,
  title: 'Twelve-exercise program',
  updatedAt: toZonedIso(zonedTimeToInstant(addDays(today, -28), '09:00', ZONE), ZONE),
  startDate: addDays(today, -28),
  timeZone: ZONE,
  exercises,
};

let counter = 0;
const uuid = () => `00000000-0000-4000-8000-${(counter += 1).toString(16).padStart(12, '0')}`;
const logs: ActivityLogEntry[] = [];
for (let day = 28; day >= 1; day--) {
  for (const exercise of exercises) {
    logs.push({
      clientId: uuid(),
      exerciseId: exercise.id,
      programVersion: 1,
      completedAt: toZonedIso(zonedTimeToInstant(addDays(today, -day), '18:00', ZONE), ZONE),
      completedSets: exercise.dosage.sets!,
      pain: day % 10,
    });
  }
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Milliseconds to the cards being in the DOM (rendered) and to the frame that shows them (painted). */
async function once(run: number): Promise<{ rendered: number; painted: number }> {
  const token = `bench-hep-${run}-${Date.now()}`;
  const el = document.createElement('pxm-hep-viewer') as PxmHepViewer;
  el.adapter = createMemoryAdapter({ seed: { hepPrograms: [{ token, program, logs }] } });
  el.setAttribute('token', token);
  el.setAttribute('offline-queue', 'off');
  const start = performance.now();
  document.body.append(el);
  while ((el.shadowRoot?.querySelectorAll('li.card').length ?? 0) < 12) await tick();
  const rendered = performance.now() - start;
  // The cards are in the DOM; the next frame is the one that shows them.
  await frame();
  const painted = performance.now() - start;
  el.remove();
  return { rendered, painted };
}

const cold = await once(0);
const warm: Array<{ rendered: number; painted: number }> = [];
for (let i = 1; i <= 40; i++) warm.push(await once(i));
const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, p95: sorted[Math.floor(sorted.length * 0.95)]! };
};
const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
(window as unknown as { __pxmBench: unknown }).__pxmBench = {
  cold,
  firstContentfulPaint: paint,
  samples: warm.length,
  rendered: stats(warm.map((w) => w.rendered)),
  painted: stats(warm.map((w) => w.painted)),
  logs: logs.length,
};
