import '@pxm/elements/define/pxm-provider';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import type { PxmProvider } from '@pxm/elements';

const adapter = createMemoryAdapter();
const samples: number[] = [];
for (let i = 0; i < 200; i++) {
  const start = performance.now();
  const provider = document.createElement('pxm-provider') as PxmProvider;
  provider.adapter = adapter;
  provider.locale = 'en';
  document.body.append(provider);
  await provider.updateComplete;
  samples.push(performance.now() - start);
  provider.remove();
}
samples.sort((a, b) => a - b);
(window as unknown as { __pxmBench: unknown }).__pxmBench = {
  samples: samples.length,
  median: samples[Math.floor(samples.length / 2)],
  p95: samples[Math.floor(samples.length * 0.95)],
};
