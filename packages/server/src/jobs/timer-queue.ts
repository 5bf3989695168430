/**
 * SQLite's scheduler: one machine, so the job bodies run on in-process timers, each never
 * overlapping itself. Nothing is enqueued: the periodic purge frees lapsed holds too.
 */
import type { JobBody } from './job-bodies.js';
import type { JobName } from './job-names.js';
import { recordRun, type JobQueue } from './job-queue.js';

export interface TimerSchedule {
  name: JobName;
  everyMs: number;
}

export function createTimerQueue(
  bodies: Record<JobName, JobBody>,
  schedules: readonly TimerSchedule[],
  onFailure: (name: JobName, error: unknown) => void,
): JobQueue {
  const timers: NodeJS.Timeout[] = [];
  const runs = new Map<JobName, { completed: number; failed: number }>();
  return {
    kind: 'timers',
    enqueue: async () => undefined,
    async startWorking() {
      for (const schedule of schedules) {
        let running = false;
        const timer = setInterval(() => {
          if (running) return;
          running = true;
          bodies[schedule.name]({})
            .then(() => recordRun(runs, schedule.name, true))
            .catch((error: unknown) => {
              recordRun(runs, schedule.name, false);
              onFailure(schedule.name, error);
            })
            .finally(() => (running = false));
        }, schedule.everyMs);
        timer.unref();
        timers.push(timer);
      }
    },
    counts: async () => [],
    runs,
    async stop() {
      for (const timer of timers) clearInterval(timer);
      timers.length = 0;
    },
  };
}
