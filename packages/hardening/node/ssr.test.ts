/**
 * 7. Server rendering: `@lit-labs/ssr` renders each element's first state (and the provider
 * around one), with and without an adapter, into declarative shadow DOM: no throw, the state a
 * patient sees first (loading, or "no backend configured"), and nothing of a later state.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, type TemplateResult } from 'lit';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { addFigures, saveFigures } from '../browser/support/figures.js';

await import('@pxm/elements/define');
const adapter = createMemoryAdapter();

const withAdapter: Array<[string, TemplateResult]> = [
  ['pxm-booking', html`<pxm-booking .adapter=${adapter} location="denver-highlands"></pxm-booking>`],
  ['pxm-survey', html`<pxm-survey .adapter=${adapter} token="demo-survey-open"></pxm-survey>`],
  ['pxm-hep-viewer', html`<pxm-hep-viewer .adapter=${adapter} token="demo-hep-acl-recovery"></pxm-hep-viewer>`],
  ['pxm-intake-form', html`<pxm-intake-form .adapter=${adapter} token="demo-intake-new-patient"></pxm-intake-form>`],
  ['pxm-progress', html`<pxm-progress .adapter=${adapter} token="demo-progress"></pxm-progress>`],
];

const text = (markup: string) => markup.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

describe('server rendering with @lit-labs/ssr', () => {
  after(() => saveFigures(import.meta.filename));

  for (const [tag, template] of withAdapter) {
    it(`<${tag}> renders its loading state with an adapter`, async () => {
      const markup = await collectResult(render(template));
      assert.match(markup, new RegExp(`<${tag}[^>]*><template shadowroot="open" shadowrootmode="open">`), 'declarative shadow DOM');
      assert.match(markup, /part="loading"[^>]*role="status"|role="status"[^>]*part="loading"/, `a loading status: ${text(markup).slice(0, 200)}`);
      assert.match(text(markup), /Loading/);
      addFigures('server rendering', { 'first states rendered': 1 });
    });

    it(`<${tag}> renders "no backend" without one, inside <pxm-provider> too`, async () => {
      const bare = `<${tag}></${tag}>`;
      for (const template of [html`${unsafeStatic(bare)}`, html`<pxm-provider locale="es">${unsafeStatic(bare)}</pxm-provider>`]) {
        const markup = await collectResult(render(template));
        assert.match(markup, /<template shadowroot="open"/);
        assert.ok(text(markup).length > 0, 'something to read before the page’s script runs');
        addFigures('server rendering', { 'first states rendered': 1 });
      }
    });
  }

  // The referral form needs nothing loaded: its first state is the form itself, with every label.
  it('<pxm-referral> renders its form with an adapter, and "no backend" without one', async () => {
    const markup = await collectResult(render(html`<pxm-referral .adapter=${adapter}></pxm-referral>`));
    assert.match(markup, /<pxm-referral[^>]*><template shadowroot="open" shadowrootmode="open">/, 'declarative shadow DOM');
    assert.match(text(markup), /Refer a patient/);
    assert.match(markup, /<label[^>]*for="referral-referrer-npi"/);
    const bare = await collectResult(render(html`${unsafeStatic('<pxm-referral></pxm-referral>')}`));
    assert.ok(text(bare).length > 0, 'something to read before the page’s script runs');
    addFigures('server rendering', { 'first states rendered': 2 });
  });
});

/** A tag written into the template (static), as a page's server template would. */
function unsafeStatic(markup: string): TemplateResult {
  const strings = Object.assign([markup], { raw: [markup] }) as unknown as TemplateStringsArray;
  return html(strings);
}
