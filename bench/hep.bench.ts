/** HEP viewer: connect to a 12-exercise program painted (demo backend, headless Chromium). */
import { runBrowserBench } from '../scripts/bench-browser.mjs';

interface Timing {
  rendered: number;
  painted: number;
}

const result = (await runBrowserBench({ name: 'hep', entry: 'bench/pages/hep.page.ts', splitting: true })) as {
  cold: Timing;
  firstContentfulPaint: number | undefined;
  samples: number;
  rendered: { median: number; p95: number };
  painted: { median: number; p95: number };
  logs: number;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
console.log(`<pxm-hep-viewer> connect to a 12-exercise program on screen (${result.logs} logs of history, demo backend):`);
console.log(`  cold (first on the page): in the DOM ${ms(result.cold.rendered)}, painted ${ms(result.cold.painted)}; page first contentful paint ${result.firstContentfulPaint === undefined ? 'n/a' : ms(result.firstContentfulPaint)}`);
console.log(`  warm (n=${result.samples}): in the DOM median ${ms(result.rendered.median)} (p95 ${ms(result.rendered.p95)}), painted median ${ms(result.painted.median)} (p95 ${ms(result.painted.p95)})`);
