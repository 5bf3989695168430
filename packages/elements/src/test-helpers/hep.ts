/** Programs, backends and queries for the `<pxm-hep-viewer>` tests. */
import { addDays, localDateIn } from '@pxm/core/time';
import type { ActivityLogEntry, Exercise, HepProgram } from '@pxm/core/hep';
import { createMemoryAdapter, type MemoryAdapter } from '@pxm/adapter-memory';
import { until } from './events.js';
import type { PxmHepViewer } from '../hep-viewer/hep-viewer.js';

export const ZONE = 'America/Denver';

/** Today in the program's zone, on the test clock (scripts/test-clock.mjs): `new Date()` in a test page is PXM_TEST_NOW. */
export function todayInZone(): string {
  return localDateIn(new Date(), ZONE);
}

export const exercises: Exercise[] = [
  {
    id: 'quad-sets',
    name: 'Quad sets',
    dosage: { sets: 3, reps: 10, holdSeconds: 5, side: 'right' },
    frequency: { timesPerDay: 2 },
    instructions: 'Tighten the front of your thigh.',
    note: 'Keep your toes pointing up.',
  },
  {
    id: 'heel-slides',
    name: 'Heel slides',
    dosage: { sets: 2, reps: 15, side: 'left', equipment: ['Towel'] },
    frequency: { timesPerDay: 1 },
  },
  {
    id: 'balance',
    name: 'Single-leg balance',
    dosage: { sets: 3, holdSeconds: 30, side: 'alternating' },
    frequency: { timesPerDay: 1 },
    logPerSet: true,
  },
  {
    id: 'bridges',
    name: 'Bridges',
    dosage: { reps: 12, side: 'both', load: 'Body weight' },
    frequency: { timesPerDay: 1, daysPerWeek: 3 },
  },
];

/** A running program (started ten days ago) with the given exercises. */
export function testProgram(overrides: Partial<HepProgram> = {}): HepProgram {
  const today = todayInZone();
  return {
    id: 'test-program',
    version: 1,
    title: 'Back to running',
    updatedAt: `${addDays(today, -10)}T09:00:00-07:00`,
    startDate: addDays(today, -10),
    timeZone: ZONE,
    painAlertThreshold: 7,
    painGuidance: 'Stop and rest. Call us if it does not settle within an hour.',
    practiceName: 'Cedar Ridge Physical Therapy',
    practicePhone: '+1 303-555-0142',
    exercises,
    ...overrides,
  };
}

export function freshToken(): string {
  return `test-hep-${crypto.randomUUID()}`;
}

/** A memory backend holding one program under a fresh token. */
export function backendWith(program: HepProgram, logs: ActivityLogEntry[] = [], expiresAt?: string): { memory: MemoryAdapter; token: string } {
  const token = freshToken();
  const memory = createMemoryAdapter({ seed: { hepPrograms: [{ token, program, logs, ...(expiresAt ? { expiresAt } : {}) }] } });
  return { memory, token };
}

export function shadow(element: Element): ShadowRoot {
  return element.shadowRoot!;
}

/** The accessible name of a control, the way these elements give it: aria-label, else its text. */
export function nameOf(element: Element): string {
  return (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function buttons(root: ParentNode): HTMLButtonElement[] {
  return [...root.querySelectorAll<HTMLButtonElement>('button, [role="tab"]')];
}

export function button(root: ParentNode, name: string | RegExp): HTMLButtonElement {
  const found = buttons(root).find((candidate) => (typeof name === 'string' ? nameOf(candidate) === name : name.test(nameOf(candidate))));
  if (!found) throw new Error(`No button named ${String(name)}; have: ${buttons(root).map(nameOf).join(' | ')}`);
  return found;
}

export function maybeButton(root: ParentNode, name: string | RegExp): HTMLButtonElement | undefined {
  try {
    return button(root, name);
  } catch {
    return undefined;
  }
}

/** The card (`li`) of an exercise, found by its heading. */
export function card(viewer: PxmHepViewer, exerciseName: string): HTMLElement {
  const heading = [...shadow(viewer).querySelectorAll('li.card h3')].find((h) => h.textContent?.trim() === exerciseName);
  if (!heading) throw new Error(`No card for ${exerciseName}`);
  return heading.closest('li')!;
}

/** A radio in a fieldset, found by the fieldset's legend and the option's label text. */
export function radio(root: ParentNode, legend: string, label: string): HTMLInputElement {
  const fieldset = [...root.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent?.trim() === legend);
  if (!fieldset) throw new Error(`No group ${legend}`);
  const option = [...fieldset.querySelectorAll('label')].find((l) => l.querySelector('.chip')?.textContent?.trim() === label);
  if (!option) throw new Error(`No option ${label} in ${legend}`);
  return option.querySelector('input')!;
}

export async function loaded(viewer: PxmHepViewer): Promise<void> {
  await until(() => shadow(viewer).querySelector('.header, .state-card, .state'), 'viewer rendered');
  await until(() => !shadow(viewer).querySelector('.state.loading'), 'viewer loaded');
  await viewer.updateComplete;
}

export async function activity(memory: MemoryAdapter, token: string): Promise<ActivityLogEntry[]> {
  return memory.hep.listActivity(token);
}

/** Polls an async condition until it holds; fails with `message` after `timeout` ms. */
export async function eventually(predicate: () => Promise<unknown>, message = 'condition', timeout = 5_000): Promise<void> {
  const start = performance.now();
  while (!(await predicate())) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for: ${message}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
