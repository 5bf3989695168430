/**
 * `/metrics` in Prometheus's text format (version 0.0.4): request counts and a latency histogram
 * by route pattern (never a path with a token in it), plus gauges read when scraped (the job
 * queue's depth and failures, from the database, so every process reports the same queue).
 * Written here rather than pulled in: the format is a few lines of text, and these are all the
 * series there are.
 */

import type { ReadRouting } from '../db/read-routing.js';
import type { JobQueue } from '../jobs/job-queue.js';

/** Upper bounds of the latency buckets, in seconds: the booking targets sit at 0.1. */
export const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

export interface Sample {
  labels: Record<string, string>;
  value: number;
}

export interface Gauge {
  name: string;
  help: string;
  type: 'gauge' | 'counter';
  read(): Promise<Sample[]>;
}

function labelText(labels: Record<string, string>): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([key, value]) => `${key}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`).join(',')}}`;
}

export interface Metrics {
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  addGauge(gauge: Gauge): void;
  render(): Promise<string>;
}

export function createMetrics(): Metrics {
  const requests = new Map<string, { labels: Record<string, string>; count: number }>();
  const latency = new Map<string, { labels: Record<string, string>; buckets: number[]; sum: number; count: number }>();
  const gauges: Gauge[] = [];
  return {
    observeRequest(method, route, status, seconds) {
      const counted = { method, route, status: String(status) };
      const countKey = JSON.stringify(counted);
      const entry = requests.get(countKey) ?? { labels: counted, count: 0 };
      entry.count++;
      requests.set(countKey, entry);
      const timed = { method, route };
      const timeKey = JSON.stringify(timed);
      const histogram = latency.get(timeKey) ?? { labels: timed, buckets: LATENCY_BUCKETS_SECONDS.map(() => 0), sum: 0, count: 0 };
      LATENCY_BUCKETS_SECONDS.forEach((bound, index) => {
        if (seconds <= bound) histogram.buckets[index]!++;
      });
      histogram.sum += seconds;
      histogram.count++;
      latency.set(timeKey, histogram);
    },
    addGauge(gauge) {
      gauges.push(gauge);
    },
    async render() {
      const lines: string[] = [
        '# HELP pxm_http_requests_total HTTP requests answered, by method, route pattern and status.',
        '# TYPE pxm_http_requests_total counter',
      ];
      for (const { labels, count } of requests.values()) lines.push(`pxm_http_requests_total${labelText(labels)} ${count}`);
      lines.push('# HELP pxm_http_request_duration_seconds Time to answer, by method and route pattern.', '# TYPE pxm_http_request_duration_seconds histogram');
      for (const { labels, buckets, sum, count } of latency.values()) {
        LATENCY_BUCKETS_SECONDS.forEach((bound, index) => lines.push(`pxm_http_request_duration_seconds_bucket${labelText({ ...labels, le: String(bound) })} ${buckets[index]}`));
        lines.push(`pxm_http_request_duration_seconds_bucket${labelText({ ...labels, le: '+Inf' })} ${count}`);
        lines.push(`pxm_http_request_duration_seconds_sum${labelText(labels)} ${sum}`);
        lines.push(`pxm_http_request_duration_seconds_count${labelText(labels)} ${count}`);
      }
      for (const gauge of gauges) {
        let samples: Sample[];
        try {
          samples = await gauge.read();
        } catch {
          continue; // the database is away: the series is missing from this scrape, not wrong
        }
        lines.push(`# HELP ${gauge.name} ${gauge.help}`, `# TYPE ${gauge.name} ${gauge.type}`);
        for (const sample of samples) lines.push(`${gauge.name}${labelText(sample.labels)} ${sample.value}`);
      }
      return `${lines.join('\n')}\n`;
    },
  };
}

/** The job queue's and the read replica's series, read when scraped. */
export function addServerGauges(metrics: Metrics, jobs: JobQueue, routing: ReadRouting): void {
  if (routing.hasReplica) {
    metrics.addGauge({
      name: 'pxm_read_replica_lag_seconds',
      help: 'Seconds since the last transaction the read replica replayed, while it has WAL to replay.',
      type: 'gauge',
      read: async () => {
        const lag = await routing.replicaLag();
        return lag.seconds === undefined ? [] : [{ labels: {}, value: lag.seconds }];
      },
    });
    metrics.addGauge({
      name: 'pxm_replica_reads_total',
      help: 'Reads that could use the replica, by where they were served (primary: behind the fence, or the replica failed).',
      type: 'counter',
      read: async () => [
        { labels: { source: 'replica' }, value: routing.served.replica },
        { labels: { source: 'primary' }, value: routing.served.primary },
      ],
    });
  }
  metrics.addGauge({
    name: 'pxm_jobs_queued',
    help: 'Jobs waiting to run, by job (the whole queue, every process; PostgreSQL).',
    type: 'gauge',
    read: async () => (await jobs.counts()).map((count) => ({ labels: { job: count.name }, value: count.queued })),
  });
  metrics.addGauge({
    name: 'pxm_jobs_failed',
    help: 'Jobs that gave up after their retries and are still kept, by job (PostgreSQL).',
    type: 'gauge',
    read: async () => (await jobs.counts()).map((count) => ({ labels: { job: count.name }, value: count.failed })),
  });
  metrics.addGauge({
    name: 'pxm_job_runs_total',
    help: 'Job runs in this process, by job and outcome.',
    type: 'counter',
    read: async () =>
      [...jobs.runs].flatMap(([job, runs]) => [
        { labels: { job, outcome: 'completed' }, value: runs.completed },
        { labels: { job, outcome: 'failed' }, value: runs.failed },
      ]),
  });
}
