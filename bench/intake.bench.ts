/**
 * Intake form: a generated 300-item form with 40 conditions. The engine alone in Node (build,
 * and one answer with its re-evaluation count), then the element in headless Chromium: time to
 * first render and time from one answer to the updated page, on one page and over ten pages.
 */
import { FormEngine, checkFormDefinition } from '@pxm/core/forms';
import { runBrowserBench, summarize } from '../scripts/bench-browser.mjs';
import { CONDITIONS, generatedIntake } from './intake-form-generator.js';

const definition = generatedIntake(1);
const items = definition.pages.flatMap((page) => page.items).length;

const build: number[] = [];
for (let i = 0; i < 50; i++) {
  const start = performance.now();
  const check = checkFormDefinition(definition);
  new FormEngine(check.definition!);
  build.push(performance.now() - start);
}
const engine = new FormEngine(definition);
const change: number[] = [];
let evaluations = 0;
for (let i = 0; i < 2000; i++) {
  const before = engine.evaluations;
  const start = performance.now();
  engine.setAnswer('trigger3', i % 2 === 0);
  change.push(performance.now() - start);
  evaluations = engine.evaluations - before;
}
const ms = (value: number) => `${value.toFixed(2)} ms`;
const b = summarize(build);
const c = summarize(change);
console.log(`form: ${items} items, ${CONDITIONS} conditions`);
console.log(`engine (Node): check + build median ${ms(b.median)}, p95 ${ms(b.p95)}; one answer median ${ms(c.median)}, p95 ${ms(c.p95)}, ${evaluations} condition evaluations per change`);

type Stats = { n: number; median: number; p95: number; max: number };
type Run = { pages: number; rendered: number; firstRender: Stats; toggle: Stats; toggleCommitted: Stats; typing: Stats; typingCommitted: Stats };
const result = (await runBrowserBench({ name: 'intake', entry: 'bench/pages/intake.page.ts', viewport: { width: 390, height: 844 } })) as { single: Run; paged: Run };
for (const run of [result.single, result.paged]) {
  console.log(
    `<pxm-intake-form> ${run.pages === 1 ? 'all 300 items on one page' : `${run.pages} pages`} (${run.rendered} items rendered): ` +
      `first render median ${ms(run.firstRender.median)}, p95 ${ms(run.firstRender.p95)} (n=${run.firstRender.n}); ` +
      `answer showing/hiding 4 items -> DOM updated median ${ms(run.toggleCommitted.median)} (p95 ${ms(run.toggleCommitted.p95)}), laid out median ${ms(run.toggle.median)} (p95 ${ms(run.toggle.p95)}); ` +
      `keystroke -> DOM updated median ${ms(run.typingCommitted.median)} (p95 ${ms(run.typingCommitted.p95)}), laid out median ${ms(run.typing.median)} (p95 ${ms(run.typing.p95)}) (n=${run.toggle.n})`,
  );
}

// The figures docs/elements/pxm-intake-form.md quotes are written from this run.
const { updateDocFigures } = await import('../scripts/doc-figures.mjs');
const round = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
const { stale } = updateDocFigures(
  {
    'bench:intake:items': String(items),
    'bench:intake:conditions': String(CONDITIONS),
    'bench:intake:single-rendered': String(result.single.rendered),
    'bench:intake:single-first-render': round(result.single.firstRender.median),
    'bench:intake:single-toggle': round(result.single.toggleCommitted.median),
    'bench:intake:single-keystroke': round(result.single.typingCommitted.median),
    'bench:intake:paged-first-render': round(result.paged.firstRender.median),
    'bench:intake:engine-evaluations': String(evaluations),
    'bench:intake:engine-answer': `${c.median.toFixed(2)} ms`,
  },
  { write: true },
);
if (stale.length) console.log(`figures written to the docs: ${stale.map((figure) => `${figure.key} ${figure.measured}`).join(', ')}`);
