/** Progress on a memory base: its episodes (the options' or the demo's) over the base's intake and HEP. */
import { demoProgressEpisodes } from '@pxm/core/demo';
import type { MemoryBase } from './base.js';
import { createMemoryProgress, type MemoryProgressApi } from './progress.js';
import type { MemorySeed } from './seed.js';

export function createBaseProgress(base: MemoryBase, createdAt: Date, seeded?: MemorySeed['progress']): MemoryProgressApi {
  const progress = seeded ?? demoProgressEpisodes(createdAt);
  // Due measures open as intake forms, and adherence comes from the HEP: progress reads both.
  return createMemoryProgress({ ...base.context, seed: { ...base.context.seed, progress } }, base.intake, base.hep);
}
