import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { AdapterError } from '@pxm/core';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { PxmElement } from '../base/pxm-element.js';
import { ProbeElement } from '../test-helpers/probe-element.js';
import { defineElement } from '../internal/define-element.js';
import { registerTranslation } from '../l10n/translation-registry.js';
import type { PxmErrorEvent } from '../events/pxm-error-event.js';
import '../define/pxm-provider.js';
import type { PxmProvider } from '../provider/provider.js';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { recordEvents } from '../test-helpers/events.js';


const text = (el: Element, name: string) => el.shadowRoot?.querySelector(`[data-${name}]`)?.textContent;

describe('pxm-provider', () => {
  it('gives descendants its adapter, locale and time zone', async () => {
    const adapter = createMemoryAdapter();
    const provider = await fixture<PxmProvider>(html`<pxm-provider locale="es" time-zone="Europe/London" .adapter=${adapter}>
      <div><pxm-test-probe></pxm-test-probe></div>
    </pxm-provider>`);
    const probe = provider.querySelector<ProbeElement>('pxm-test-probe')!;
    await probe.updateComplete;
    expect(text(probe, 'adapter')).to.equal('memory');
    expect(text(probe, 'locale')).to.equal('es');
    expect(text(probe, 'zone')).to.equal('Europe/London');
    expect(text(probe, 'retry')).to.equal('Intentar de nuevo');
  });

  it('updates descendants when its properties change', async () => {
    const provider = await fixture<PxmProvider>(html`<pxm-provider locale="en"><pxm-test-probe></pxm-test-probe></pxm-provider>`);
    const probe = provider.querySelector<ProbeElement>('pxm-test-probe')!;
    await probe.updateComplete;
    expect(text(probe, 'retry')).to.equal('Try again');
    provider.locale = 'es-MX';
    await provider.updateComplete;
    await probe.updateComplete;
    expect(text(probe, 'locale')).to.equal('es-MX');
    expect(text(probe, 'retry')).to.equal('Intentar de nuevo', 'es-MX falls back to es');
  });

  it('lets an element override the adapter, locale and zone', async () => {
    const fromProvider = createMemoryAdapter();
    const own = { name: 'own' };
    const provider = await fixture<PxmProvider>(html`<pxm-provider locale="es" .adapter=${fromProvider}>
      <pxm-test-probe locale="en" time-zone="America/Phoenix" .adapter=${own}></pxm-test-probe>
    </pxm-provider>`);
    const probe = provider.querySelector<ProbeElement>('pxm-test-probe')!;
    await probe.updateComplete;
    expect(text(probe, 'adapter')).to.equal('own');
    expect(text(probe, 'locale')).to.equal('en');
    expect(text(probe, 'zone')).to.equal('America/Phoenix');
  });

  it('falls back to the page language, then English, without a provider', async () => {
    const wrapper = await fixture(html`<div lang="es"><pxm-test-probe></pxm-test-probe></div>`);
    const probe = wrapper.querySelector<ProbeElement>('pxm-test-probe')!;
    await probe.updateComplete;
    expect(text(probe, 'locale')).to.equal('es');
    expect(text(probe, 'adapter')).to.equal('none');
    const bare = await fixture<ProbeElement>(html`<pxm-test-probe></pxm-test-probe>`);
    expect(text(bare, 'zone')).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('uses a language a host registers, and keeps host wording over shipped wording', async () => {
    registerTranslation('fr', 'common', { retry: 'Réessayer' });
    registerTranslation('es', 'common', { retry: 'Reintentar' });
    const probe = await fixture<ProbeElement>(html`<pxm-test-probe locale="fr-CA"></pxm-test-probe>`);
    expect(text(probe, 'retry')).to.equal('Réessayer');
    probe.locale = 'es';
    await probe.updateComplete;
    expect(text(probe, 'retry')).to.equal('Reintentar');
    registerTranslation('es', 'common', { retry: 'Intentar de nuevo' });
  });

  it('fires pxm-error with the code and operation only, bubbling out of shadow roots', async () => {
    const probe = await fixture<ProbeElement>(html`<pxm-test-probe></pxm-test-probe>`);
    const seen = recordEvents<PxmErrorEvent>(document, 'pxm-error');
    const error = probe.fail(new AdapterError('slot_unavailable', 'Taken by Jane Doe', { operation: 'booking.book' }));
    expect(error?.code).to.equal('slot_unavailable');
    expect(seen).to.have.length(1);
    expect(seen[0]!.detail).to.deep.equal({ code: 'slot_unavailable', operation: 'booking.book' });
    expect(seen[0]!.bubbles && seen[0]!.composed).to.equal(true);
    const aborted = new Error('aborted');
    aborted.name = 'AbortError';
    expect(probe.fail(aborted)).to.equal(undefined);
    expect(seen).to.have.length(1, 'an aborted call is not reported');
  });

  it('tolerates registering a tag twice', () => {
    class Other extends PxmElement {}
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      defineElement('pxm-test-probe', ProbeElement);
      expect(warnings).to.have.length(0, 'the same class again is silent');
      defineElement('pxm-test-probe', Other);
      expect(warnings).to.have.length(1, 'another class warns');
    } finally {
      console.warn = original;
    }
    expect(customElements.get('pxm-test-probe')).to.equal(ProbeElement);
  });

  describe('theme', () => {
    const LIGHT = 'rgb(255, 255, 255)';
    const DARK = 'rgb(21, 24, 28)';
    const surface = (probe: Element) => getComputedStyle(probe.shadowRoot!.querySelector('p')!).backgroundColor;

    afterEach(async () => {
      document.documentElement.style.colorScheme = '';
      await emulateMedia({ colorScheme: 'light' });
    });

    it('follows the page by default: a light-only page stays light on a dark system', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const probe = await fixture<ProbeElement>(html`<pxm-test-probe></pxm-test-probe>`);
      expect(surface(probe)).to.equal(LIGHT);
      document.documentElement.style.colorScheme = 'light dark';
      expect(surface(probe)).to.equal(DARK, 'a page that supports dark gets dark');
    });

    it('theme="auto" follows the system setting whatever the page declares', async () => {
      const probe = await fixture<ProbeElement>(html`<pxm-test-probe theme="auto"></pxm-test-probe>`);
      expect(surface(probe)).to.equal(LIGHT);
      await emulateMedia({ colorScheme: 'dark' });
      expect(surface(probe)).to.equal(DARK);
    });

    it('theme="light" and theme="dark" pin one scheme', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      document.documentElement.style.colorScheme = 'light dark';
      const light = await fixture<ProbeElement>(html`<pxm-test-probe theme="light"></pxm-test-probe>`);
      expect(surface(light)).to.equal(LIGHT);
      await emulateMedia({ colorScheme: 'light' });
      const dark = await fixture<ProbeElement>(html`<pxm-test-probe theme="dark"></pxm-test-probe>`);
      expect(surface(dark)).to.equal(DARK);
      await expectNoAxeViolations(dark);
    });

    it('passes from the provider to its elements, which may still set their own', async () => {
      const provider = await fixture<PxmProvider>(html`<pxm-provider theme="dark">
        <pxm-test-probe></pxm-test-probe><pxm-test-probe theme="light"></pxm-test-probe>
      </pxm-provider>`);
      const [inherits, own] = provider.querySelectorAll<ProbeElement>('pxm-test-probe');
      expect(surface(inherits!)).to.equal(DARK);
      expect(surface(own!)).to.equal(LIGHT);
      provider.theme = 'light';
      await provider.updateComplete;
      expect(provider.getAttribute('theme')).to.equal('light', 'reflected, so CSS can see it');
      expect(surface(inherits!)).to.equal(LIGHT);
    });
  });

  it('has no accessibility violations', async () => {
    const provider = await fixture(html`<pxm-provider><pxm-test-probe></pxm-test-probe></pxm-provider>`);
    await expectNoAxeViolations(provider);
  });
});
