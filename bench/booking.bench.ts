/** Booking element: connect to the first day's times painted (demo backend, headless Chromium). */
import { runBrowserBench } from '../scripts/bench-browser.mjs';

const result = (await runBrowserBench({ name: 'booking', entry: 'bench/pages/booking.page.ts', splitting: true })) as {
  cold: number;
  samples: number;
  median: number;
  p95: number;
};
console.log(`<pxm-booking> connect to first day's times painted: cold ${result.cold.toFixed(1)} ms (views fetched on demand)`);
console.log(`  warm (n=${result.samples}): median ${result.median.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms`);
