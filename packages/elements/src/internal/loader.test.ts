import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { Loader } from './loader.js';

interface Call {
  key: string;
  signal: AbortSignal;
  resolve(value: string): void;
  reject(error: unknown): void;
}

const calls: Call[] = [];

class LoaderProbe extends LitElement {
  static override properties = { key: {} };
  declare key: string;
  readonly load = new Loader(this, {
    args: () => [this.key] as const,
    task: ([key], { signal }) => new Promise<string>((resolve, reject) => calls.push({ key, signal, resolve, reject })),
  });

  protected override render() {
    return html`<p>
      ${this.load.render({ initial: () => 'initial', pending: () => 'pending', complete: (value) => `done ${value}`, error: (error) => `failed ${String(error)}` })}
    </p>`;
  }
}
customElements.define('pxm-test-loader', LoaderProbe);

const shown = (el: LoaderProbe) => el.shadowRoot!.querySelector('p')!.textContent!.trim();

describe('Loader', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('loads on first render, and again only when an input changes', async () => {
    const el = await fixture<LoaderProbe>(html`<pxm-test-loader key="a"></pxm-test-loader>`);
    expect(shown(el)).to.equal('pending');
    calls[0]!.resolve('A');
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(shown(el)).to.equal('done A');
    el.requestUpdate();
    await el.updateComplete;
    expect(calls).to.have.length(1, 'same inputs, no new load');
  });

  it('lets the newest load win and aborts the older one', async () => {
    const el = await fixture<LoaderProbe>(html`<pxm-test-loader key="a"></pxm-test-loader>`);
    el.key = 'b';
    await el.updateComplete;
    expect(calls.map((call) => call.key)).to.deep.equal(['a', 'b']);
    expect(calls[0]!.signal.aborted).to.equal(true);
    calls[1]!.resolve('B');
    calls[0]!.resolve('A, too late');
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(shown(el)).to.equal('done B');
    expect(el.load.value).to.equal('B');
  });

  it('shows a failure, and run() tries again with the same inputs', async () => {
    const el = await fixture<LoaderProbe>(html`<pxm-test-loader key="a"></pxm-test-loader>`);
    calls[0]!.reject('offline');
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(shown(el)).to.equal('failed offline');
    void el.load.run();
    await el.updateComplete;
    expect(shown(el)).to.equal('pending');
    expect(calls.map((call) => call.key)).to.deep.equal(['a', 'a']);
    calls[1]!.resolve('A');
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(shown(el)).to.equal('done A');
  });
});
