/**
 * In the browser: time to first render of a generated 300-item / 40-condition intake, and time
 * from one answer to the updated page (the DOM committed, and then laid out).
 */
import '@pxm/elements/define/pxm-intake-form';
import type { PxmIntakeForm } from '@pxm/elements';
import { generatedIntake } from '../intake-form-generator.js';

function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { n: sorted.length, median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

async function mount(pages: number): Promise<{ form: PxmIntakeForm; ms: number }> {
  const definition = generatedIntake(pages);
  const start = performance.now();
  const form = document.createElement('pxm-intake-form');
  form.definition = definition;
  document.body.append(form);
  while (!form.shadowRoot?.querySelector('#page-title')) await form.updateComplete;
  await form.updateComplete;
  void document.body.offsetHeight; // include layout
  return { form, ms: performance.now() - start };
}

async function run(pages: number) {
  const firstRender: number[] = [];
  for (let i = 0; i < 15; i++) {
    const { form, ms } = await mount(pages);
    firstRender.push(ms);
    form.remove();
    await frame();
  }
  const { form } = await mount(pages);
  const root = form.shadowRoot!;
  const toggle: number[] = [];
  const toggleCommitted: number[] = [];
  const typing: number[] = [];
  const typingCommitted: number[] = [];
  for (let i = 0; i < 60; i++) {
    // A trigger answer that shows or hides four questions.
    const radios = [...root.querySelectorAll<HTMLInputElement>('fieldset[data-item="trigger0"] input[type=radio]')];
    const start = performance.now();
    radios[i % 2]!.click();
    await form.updateComplete;
    toggleCommitted.push(performance.now() - start);
    void form.offsetHeight;
    toggle.push(performance.now() - start);
    await frame();
    // A keystroke in a text question nothing depends on.
    const input = root.querySelector<HTMLInputElement>('.field input[type=text]:not([inputmode])')!;
    const typed = performance.now();
    input.value += 'a';
    input.dispatchEvent(new Event('input'));
    await form.updateComplete;
    typingCommitted.push(performance.now() - typed);
    void form.offsetHeight;
    typing.push(performance.now() - typed);
    await frame();
  }
  const rendered = root.querySelectorAll('[part~="item"]').length;
  form.remove();
  return {
    pages,
    rendered,
    firstRender: summarize(firstRender),
    toggle: summarize(toggle),
    toggleCommitted: summarize(toggleCommitted),
    typing: summarize(typing),
    typingCommitted: summarize(typingCommitted),
  };
}

(window as unknown as { __pxmBench: unknown }).__pxmBench = (async () => ({ single: await run(1), paged: await run(10) }))();
