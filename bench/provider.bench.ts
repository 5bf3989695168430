/** Provider element: time from connecting a provider with one descendant to both rendered. */
import { runBrowserBench } from '../scripts/bench-browser.mjs';

const result = (await runBrowserBench({ name: 'provider', entry: 'bench/pages/provider.page.ts' })) as {
  samples: number;
  median: number;
  p95: number;
};
console.log(`<pxm-provider> connect to rendered (n=${result.samples}): median ${result.median.toFixed(2)} ms, p95 ${result.p95.toFixed(2)} ms`);
