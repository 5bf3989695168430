/**
 * The in-page scenarios, exposed to the Node side as `window.pxmHarness`. The elements come from
 * `harness.ts` (the npm package bundled by esbuild) or from the script-tag build (`harness-cdn.ts`).
 */
import { PROFILES, profile } from './profiles/index.js';
import { INJECTION_CORPUS } from '../corpus/injection.js';
import { completeFlow } from './scenarios/flow.js';
import { faultScenario } from './scenarios/faults.js';
import { malformedIntoElement } from './scenarios/malformed.js';
import { armDetector, injectionRounds, pwnedCount } from './scenarios/injection.js';
import { detachMidFlow, moveMidFlow, twoInstances } from './scenarios/lifecycle.js';
import { deviceState } from './scenarios/storage.js';
import { accessibleStates, focused } from './scenarios/a11y.js';
import { flowStates, showState } from './scenarios/states.js';
import { secretNeedles } from './profiles/profile.js';

const harness = {
  profiles: PROFILES.map((p) => p.name),
  completeFlow,
  faultScenario,
  malformedIntoElement,
  injectionRounds,
  twoInstances,
  moveMidFlow,
  detachMidFlow,
  armDetector,
  pwnedCount,
  corpusSize: () => INJECTION_CORPUS.length,
  deviceState,
  accessibleStates,
  focused,
  showState,
  flowStates,
  secretNeedles: () => secretNeedles(),
  /** Mounts one element on a fresh backend and waits for its first usable state. */
  async mountOnly(name: string): Promise<void> {
    await profile(name).mount(document.getElementById('stage')!);
  },
  /** Removes everything mounted, and waits for removal work (released holds, timers) to run. */
  async clearStage(): Promise<void> {
    document.getElementById('stage')!.replaceChildren();
    await new Promise((resolve) => setTimeout(resolve, 20));
  },
};

export type Harness = typeof harness;

declare global {
  interface Window {
    pxmHarness: Harness;
  }
}

window.pxmHarness = harness;
