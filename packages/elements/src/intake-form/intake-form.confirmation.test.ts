/**
 * The confirmation screen (a copy of the signed consent to keep), the error summary's context,
 * the review page's wording, and the 0-10 scale on narrow screens.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import type { FormDefinition, SignatureRecord } from '@pxm/core/forms';
import '../define/pxm-intake-form.js';
import type { PxmIntakeForm } from './intake-form.js';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { until } from '../test-helpers/events.js';
import { button, clean, control, fill, pageTitle, root } from '../test-helpers/intake.js';

const TOKEN = 'consent-copy-token';
const SECRET = 'SECRET-ANSWER-42';

const consentForm: FormDefinition = {
  id: 'consent-copy',
  version: '1',
  title: 'Cedar Ridge new patient intake',
  pages: [
    {
      id: 'about',
      title: 'About you',
      items: [
        { id: 'name', type: 'text', label: 'Full name', required: true, autocomplete: 'name' },
        { id: 'notes', type: 'long-text', label: 'Anything else?' },
      ],
    },
    {
      id: 'consents',
      title: 'Consents',
      items: [
        {
          id: 'care',
          type: 'consent',
          consentId: 'care',
          version: '2027-01',
          title: 'Consent to care',
          text: 'I agree to <b>care</b> & treatment. <script>alert(1)</script>\n\nSecond paragraph.',
          disclosure: 'You may ask for a paper copy at no charge.',
          required: true,
        },
        { id: 'careSignature', type: 'signature', label: 'Signature', consentItemId: 'care', required: true },
        { id: 'privacy', type: 'consent', consentId: 'privacy', version: '3', title: 'Privacy notice', text: 'I received the Notice of Privacy Practices.', required: true },
        { id: 'privacySignature', type: 'signature', label: 'Signature for the privacy notice', consentItemId: 'privacy', required: true },
      ],
    },
  ],
};


async function settled(form: PxmIntakeForm): Promise<void> {
  await until(() => !root(form).querySelector('.pending, .page .loading'), 'parts loaded on demand');
  await form.updateComplete;
}

async function goNext(form: PxmIntakeForm, expected: string): Promise<void> {
  (root(form).querySelector('.nav [type=submit]') as HTMLButtonElement).click();
  await until(() => pageTitle(form) === expected, `page ${expected}`);
  await settled(form);
}

async function mountToken(token: string, definition: FormDefinition, locale = 'en'): Promise<PxmIntakeForm> {
  const adapter = createMemoryAdapter({ seed: { intakeForms: [{ token, definition, expiresAt: new Date(Date.now() + 86_400_000).toISOString() }] } });
  const form = await fixture<PxmIntakeForm>(html`<pxm-intake-form token=${token} locale=${locale} time-zone="America/Denver" autosave-delay="30" .adapter=${adapter}></pxm-intake-form>`);
  await until(() => root(form).querySelector('#page-title'), 'loaded');
  await settled(form);
  return form;
}

async function mountLocal(definition: FormDefinition, locale = 'en'): Promise<PxmIntakeForm> {
  const form = await fixture<PxmIntakeForm>(html`<pxm-intake-form locale=${locale} time-zone="America/Denver" .definition=${definition}></pxm-intake-form>`);
  await until(() => root(form).querySelector('#page-title'), 'loaded');
  await settled(form);
  return form;
}

/** Signs both consents (the first typed, the second drawn) and submits. */
async function signAndSubmit(form: PxmIntakeForm): Promise<void> {
  fill(form, 'Full name', 'Ada Lovelace');
  fill(form, 'Anything else?', SECRET);
  await form.updateComplete;
  await goNext(form, 'Consents');
  const agree = (index: number) => root(form).querySelectorAll<HTMLInputElement>('.consent input[type=checkbox]')[index]!;
  agree(0).click();
  await form.updateComplete;
  button(form, 'Sign').click();
  await until(() => root(form).querySelectorAll('[data-signed]').length === 1, 'first signature');
  await form.updateComplete;
  agree(1).click();
  await form.updateComplete;
  control(form, 'Draw my signature').click();
  await form.updateComplete;
  const canvas = root(form).querySelector('canvas')!;
  const box = canvas.getBoundingClientRect();
  const pointer = (type: string, x: number, y: number) =>
    canvas.dispatchEvent(new PointerEvent(type, { bubbles: true, clientX: box.left + x, clientY: box.top + y, pointerId: 1, pointerType: 'pen', button: 0 }));
  pointer('pointerdown', 10, 30);
  pointer('pointermove', 60, 10);
  pointer('pointermove', 120, 40);
  pointer('pointerup', 120, 40);
  await form.updateComplete;
  button(form, 'Sign').click();
  await until(() => root(form).querySelectorAll('[data-signed]').length === 2, 'second signature');
  await goNext(form, 'Review your answers');
  root(form).querySelector<HTMLButtonElement>('.submit')!.click();
  await until(() => root(form).querySelector('[data-done-title]'), 'the confirmation');
  await settled(form);
}

describe('pxm-intake-form: confirmation, summary, review and scale', () => {
  describe('a copy of the signed consent', () => {
    const originalCreate = URL.createObjectURL;
    const originalRevoke = URL.revokeObjectURL;
    const originalClick = HTMLAnchorElement.prototype.click;
    let blobs: Blob[];
    let revoked: string[];
    let clicked: Array<{ href: string; download: string }>;

    beforeEach(() => {
      blobs = [];
      revoked = [];
      clicked = [];
      URL.createObjectURL = (object: Blob | MediaSource) => {
        blobs.push(object as Blob);
        return originalCreate.call(URL, object);
      };
      URL.revokeObjectURL = (url: string) => {
        revoked.push(url);
        originalRevoke.call(URL, url);
      };
      // Record the download instead of starting one.
      HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
        if (this.href.startsWith('blob:')) clicked.push({ href: this.href, download: this.download });
        else originalClick.call(this);
      };
    });

    afterEach(() => {
      URL.createObjectURL = originalCreate;
      URL.revokeObjectURL = originalRevoke;
      HTMLAnchorElement.prototype.click = originalClick;
    });

    it('saves a self-contained HTML copy of every consent signed, with name, times, version and hash, and nothing else', async () => {
      const form = await mountToken(TOKEN, consentForm);
      await signAndSubmit(form);
      const care = form.answers.careSignature as SignatureRecord;
      const privacy = form.answers.privacySignature as SignatureRecord;

      const save = button(form, 'Save a copy of your signed consents');
      expect(save.type).to.equal('button');
      await expectNoAxeViolations(form);
      save.click();
      await until(() => clicked.length === 1, 'the download');
      await until(() => revoked.length === 1, 'the blob URL revoked');
      expect(revoked[0]).to.equal(clicked[0]!.href);
      expect(clicked[0]!.download).to.match(/^signed-consent-consent-copy-\d{4}-\d{2}-\d{2}\.html$/);
      expect(root(form).querySelector('a[download]')).to.equal(null, 'the anchor does not stay in the page');

      expect(blobs).to.have.length(1);
      expect(blobs[0]!.type).to.match(/^text\/html/);
      const file = await blobs[0]!.text();
      expect(file).to.match(/^<!doctype html>/i);
      expect(file).not.to.match(/<script/i);
      expect(file).not.to.match(/\son[a-z]+=/i, 'no event handler attributes');
      expect(file).not.to.contain('<b>');
      expect(file).not.to.contain(SECRET);

      const doc = new DOMParser().parseFromString(file, 'text/html');
      expect(doc.querySelector('script')).to.equal(null);
      const text = clean(doc.body.textContent);
      expect(clean(doc.querySelector('h1')?.textContent)).to.equal('Cedar Ridge new patient intake');
      expect(text).to.contain('Consent to care');
      expect(text).to.contain('Version 2027-01');
      expect(text).to.contain('I agree to <b>care</b> & treatment. <script>alert(1)</script>');
      expect(text).to.contain('Second paragraph.');
      expect(text).to.contain('You may ask for a paper copy at no charge.');
      expect(text).to.contain('Privacy notice');
      expect(text).to.contain('Version 3');
      expect(text).to.contain('I received the Notice of Privacy Practices.');
      expect(text).to.contain('Ada Lovelace');
      expect(text).to.contain(care.textSha256!);
      expect(text).to.contain(privacy.textSha256!);
      expect(text).to.contain(care.signedAt);
      expect(text).to.contain('America/Denver');
      const sections = [...doc.querySelectorAll('section')];
      expect(sections).to.have.length(2);
      expect(sections[0]!.querySelector('svg')).to.equal(null, 'a typed signature has no drawing');
      const drawn = sections[1]!.querySelector('svg');
      expect(drawn?.getAttribute('viewBox')).to.equal('0 0 600 200');
      expect(drawn?.querySelector('path')?.getAttribute('d')).to.match(/^M\d/);
      expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).to.contain("script-src 'none'");
    });

    it('leaves room between the thank-you and "What happens next"', async () => {
      const form = await mountToken(TOKEN, consentForm);
      await signAndSubmit(form);
      const title = root(form).querySelector('[data-done-title]')!.getBoundingClientRect();
      const next = root(form).querySelector('[part~="done"] .next-steps-title')!.getBoundingClientRect();
      expect(clean(root(form).querySelector('[part~="done"] .next-steps-title')?.textContent)).to.equal('What happens next');
      expect(next.top - title.bottom).to.be.at.least(16);
    });
  });

  describe('heading levels', () => {
    const shortForm: FormDefinition = { id: 'short', version: '1', title: 'Short intake', pages: [{ id: 'p', title: 'About you', items: [{ id: 'name', type: 'text', label: 'Full name' }] }] };

    async function submitInside(page: HTMLElement): Promise<PxmIntakeForm> {
      const form = page.querySelector<PxmIntakeForm>('pxm-intake-form')!;
      await until(() => root(form).querySelector('#page-title'), 'loaded');
      await settled(form);
      fill(form, 'Full name', 'Ada Lovelace');
      await goNext(form, 'Review your answers');
      root(form).querySelector<HTMLButtonElement>('.submit')!.click();
      await until(() => root(form).querySelector('[data-done-title]'), 'the confirmation');
      await settled(form);
      return form;
    }

    const levels = (form: PxmIntakeForm) => [...root(form).querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => heading.tagName.toLowerCase());

    it('skips no level on the confirmation under the page\'s h1 (the form title is gone)', async () => {
      const page = await fixture<HTMLElement>(html`<main><h1>Cedar Ridge Physical Therapy</h1><pxm-intake-form locale="en" time-zone="America/Denver" .definition=${shortForm}></pxm-intake-form></main>`);
      const form = await submitInside(page);
      await expectNoAxeViolations(page);
      expect(levels(form)).to.deep.equal(['h2', 'h3']);
    });

    it('starts at the level the page sets with heading-level, sub-headings one below', async () => {
      const page = await fixture<HTMLElement>(html`<main>
        <h1>Cedar Ridge Physical Therapy</h1>
        <h2>Before your first visit</h2>
        <pxm-intake-form heading-level="3" locale="en" time-zone="America/Denver" .definition=${shortForm}></pxm-intake-form>
      </main>`);
      const form = page.querySelector<PxmIntakeForm>('pxm-intake-form')!;
      await until(() => root(form).querySelector('#page-title'), 'loaded');
      expect(root(form).querySelector('[part~="title"]')!.tagName).to.equal('H3');
      expect(root(form).querySelector('#page-title')!.tagName).to.equal('H4');
      await submitInside(page);
      expect(levels(form)).to.deep.equal(['h3', 'h4']);
      await expectNoAxeViolations(page);
    });
  });

  describe('the error summary', () => {
    const contactForm: FormDefinition = {
      id: 'contact',
      version: '1',
      title: 'Contact',
      pages: [
        {
          id: 'one',
          title: 'One',
          items: [
            { id: 'phone', type: 'phone', label: 'Phone', required: true },
            {
              id: 'emergency',
              type: 'section',
              title: 'Emergency contact',
              items: [
                { id: 'emergencyName', type: 'text', label: 'Name', required: true },
                { id: 'emergencyPhone', type: 'phone', label: 'Phone', required: true },
              ],
            },
            { id: 'meds', type: 'group', label: 'Medication', required: true, minInstances: 1, items: [{ id: 'drug', type: 'text', label: 'Drug', required: true }] },
          ],
        },
        { id: 'two', title: 'Two', items: [{ id: 'other', type: 'text', label: 'Other' }] },
      ],
    };

    it('names the section or entry of a field whose own label is ambiguous, and still leads to it', async () => {
      const form = await mountLocal(contactForm);
      fill(form, 'Drug', 'Ibuprofen');
      button(form, 'Add another').click();
      await until(() => root(form).querySelector('[data-instance="meds[1]"]'), 'a second medication');
      await form.updateComplete;
      (root(form).querySelector('.nav [type=submit]') as HTMLButtonElement).click();
      await until(() => root(form).querySelector('[part~="error-summary"]'), 'the summary');
      await form.updateComplete;
      const links = [...root(form).querySelectorAll<HTMLButtonElement>('[part~="error-summary"] li button')];
      expect(links.map((link) => clean(link.textContent))).to.deep.equal([
        'Phone: Please answer this question.',
        'Emergency contact – Name: Please answer this question.',
        'Emergency contact – Phone: Please answer this question.',
        'Medication 2 – Drug: Please answer this question.',
      ]);
      links[2]!.click();
      await form.updateComplete;
      expect(root(form).activeElement?.getAttribute('data-focus')).to.equal('emergencyPhone');
      links[3]!.click();
      expect(root(form).activeElement?.getAttribute('data-focus')).to.equal('meds[1]/drug');
    });

    it('says so in Spanish too', async () => {
      const form = await mountLocal(contactForm, 'es');
      (root(form).querySelector('.nav [type=submit]') as HTMLButtonElement).click();
      await until(() => root(form).querySelector('[part~="error-summary"]'), 'the summary');
      await form.updateComplete;
      const links = [...root(form).querySelectorAll('[part~="error-summary"] li button')].map((link) => clean(link.textContent));
      expect(links[1]).to.match(/^Emergency contact – Name: /);
    });
  });

  describe('the review page', () => {
    const checkboxForm: FormDefinition = {
      id: 'checkboxes',
      version: '1',
      title: 'Checkboxes',
      pages: [
        {
          id: 'one',
          title: 'One',
          items: [
            { id: 'when', type: 'multiple-choice', label: 'When is the pain worse?', options: [{ value: 'am', label: 'In the morning' }, { value: 'pm', label: 'In the evening' }] },
            { id: 'note', type: 'text', label: 'A note' },
          ],
        },
      ],
    };

    for (const [locale, none, notAnswered] of [
      ['en', 'None selected', 'Not answered'],
      ['es', 'Ninguna opción seleccionada', 'Sin respuesta'],
    ] as const) {
      it(`shows an optional checkbox group left unticked as "${none}" (${locale})`, async () => {
        const form = await mountLocal(checkboxForm, locale);
        (root(form).querySelector('.nav [type=submit]') as HTMLButtonElement).click();
        await until(() => root(form).querySelector('.review-row'), 'the review');
        await form.updateComplete;
        const answers = [...root(form).querySelectorAll('.review-answer')].map((answer) => clean(answer.textContent));
        expect(answers).to.deep.equal([none, notAnswered]);
      });
    }

    it('puts the score and which way is better on lines of their own', async () => {
      const scored: FormDefinition = {
        id: 'scored',
        version: '1',
        title: 'Scored',
        pages: [{ id: 'one', title: 'One', items: [{ id: 'pain', type: 'scale', label: 'Pain right now', min: 0, max: 10, required: true }] }],
        scoring: [
          {
            id: 'nprs',
            label: 'Numeric Pain Rating Scale',
            shortLabel: 'NPRS',
            algorithm: 'pxm:nprs@1',
            method: 'sum',
            items: ['pain'],
            minAnswered: 1,
            scoreRange: { min: 0, max: 10 },
            direction: 'higher-worse',
            decimals: 0,
          },
        ],
      };
      const form = await mountLocal(scored);
      root(form).querySelectorAll<HTMLInputElement>('.scale-point input')[0]!.click();
      await form.updateComplete;
      (root(form).querySelector('.nav [type=submit]') as HTMLButtonElement).click();
      await until(() => root(form).querySelector('.score[data-instrument="nprs"]'), 'the NPRS score');
      const line = root(form).querySelector<HTMLElement>('.score[data-instrument="nprs"]')!;
      const lines = line.innerText.split('\n').map((part) => part.trim());
      expect(lines[0]).to.equal('Numeric Pain Rating Scale (NPRS): 0 of 10');
      expect(lines[1]).to.equal('Lower is better.');
    });
  });

  describe('the 0-10 scale on a narrow screen', () => {
    const scaleForm: FormDefinition = {
      id: 'scale',
      version: '1',
      title: 'Scale',
      pages: [{ id: 'one', title: 'One', items: [{ id: 'pain', type: 'scale', label: 'Pain right now', min: 0, max: 10, minLabel: 'No pain', maxLabel: 'Worst pain imaginable', required: true }] }],
    };

    afterEach(() => setViewport({ width: 800, height: 600 }));

    /** Point boxes grouped by row: how many on each. */
    function rowsOf(form: PxmIntakeForm): { rows: number[]; widths: number[]; rights: number[] } {
      const boxes = [...root(form).querySelectorAll('.scale-point')].map((point) => point.getBoundingClientRect());
      const rows = new Map<number, number>();
      for (const box of boxes) rows.set(Math.round(box.top), (rows.get(Math.round(box.top)) ?? 0) + 1);
      return { rows: [...rows.values()], widths: boxes.map((box) => box.width), rights: boxes.map((box) => box.right) };
    }

    for (const [viewport, padding] of [
      [375, 0],
      [320, 0],
      [320, 16],
      [280, 8],
    ] as const) {
      it(`keeps 11 points at least 24 px wide, in one row or two even ones, without overflow (${viewport} px, ${padding} px padding)`, async () => {
        await setViewport({ width: viewport, height: 700 });
        const wrapper = await fixture<HTMLDivElement>(
          html`<div style="padding: 0 ${padding}px; margin: 0">
            <pxm-intake-form locale="en" time-zone="America/Denver" .definition=${scaleForm}></pxm-intake-form>
          </div>`,
        );
        const form = wrapper.querySelector<PxmIntakeForm>('pxm-intake-form')!;
        await until(() => root(form).querySelector('.scale-point'), 'the scale');
        await form.updateComplete;
        const { rows, widths, rights } = rowsOf(form);
        expect(Math.min(...widths)).to.be.at.least(24, `points are ${widths.map(Math.round).join(', ')} px`);
        expect([[11], [6, 5]]).to.deep.include(rows);
        expect(Math.max(...rights)).to.be.at.most(form.getBoundingClientRect().right + 0.5);
        expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
        for (const label of root(form).querySelectorAll<HTMLElement>('.scale-point span')) expect(label.scrollWidth).to.be.at.most(label.clientWidth + 1);
        if (viewport === 375) expect(rows).to.deep.equal([11], 'one row at 375 px');
      });
    }
  });
});
