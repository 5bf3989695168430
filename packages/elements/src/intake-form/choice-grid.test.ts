/** The twenty LEFS questions as one grid: one radio group per question, arrows inside it, compact. */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { LEFS_ACTIVITIES, LEFS_OPTIONS, lefsInstrument } from '@pxm/core/prom';
import '../define/pxm-intake-form.js';
import type { PxmIntakeForm } from './intake-form.js';
import { accessibleName, accessibleNames } from '../test-helpers/accessible-name.js';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { until } from '../test-helpers/events.js';

async function mountLefs(): Promise<PxmIntakeForm> {
  const lefs = lefsInstrument();
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <pxm-intake-form locale="en" .definition=${{ id: 'lefs-form', version: '1', title: 'Knee', pages: [{ id: 'p', title: 'Your knee', items: [lefs.section] }], scoring: [lefs.scoring] }}></pxm-intake-form>
  </div>`);
  const form = wrapper.querySelector<PxmIntakeForm>('pxm-intake-form')!;
  await until(() => form.shadowRoot?.querySelector('[part~="choice-grid"]'), 'grid');
  await form.updateComplete;
  return form;
}

const groups = (form: PxmIntakeForm) => [...form.shadowRoot!.querySelectorAll<HTMLElement>('[part~="choice-grid"] [role="radiogroup"]')];

describe('pxm-intake-form: questions sharing one answer scale', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('renders the LEFS as one grid: a radio group per activity, named by it, each answer named', async () => {
    await setViewport({ width: 1280, height: 900 });
    const form = await mountLefs();
    const rows = groups(form);
    expect(rows).to.have.length(20);
    expect(await accessibleName(rows[5]!)).to.equal(LEFS_ACTIVITIES[5]);
    const radios = [...rows[5]!.querySelectorAll('input[type=radio]')];
    const names = await accessibleNames(radios);
    expect(names, JSON.stringify(names)).to.deep.equal(LEFS_OPTIONS.map((option) => option.label));
    // A table on a wide screen: far shorter than twenty stacked groups (about 5,900 px).
    const height = form.getBoundingClientRect().height;
    expect(height).to.be.below(2_200);
    const firstRow = rows[0]!.querySelectorAll('.grid-cell');
    expect(new Set([...firstRow].map((cell) => Math.round(cell.getBoundingClientRect().top))).size, 'answers side by side').to.equal(1);
    await expectNoAxeViolations(form);
  });

  it('moves with the arrow keys within one activity, and Tab goes to the next activity', async () => {
    const form = await mountLefs();
    const rows = groups(form);
    const first = rows[0]!.querySelector<HTMLInputElement>('input[type=radio]')!;
    first.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await form.updateComplete;
    const checked = (row: HTMLElement) => [...row.querySelectorAll<HTMLInputElement>('input[type=radio]')].findIndex((radio) => radio.checked);
    expect(checked(rows[0]!)).to.equal(2);
    expect(checked(rows[1]!), 'the next activity is untouched').to.equal(-1);
    expect(form.answers['lefs.1']).to.equal('2');
    await sendKeys({ press: 'Tab' });
    expect(rows[1]!.contains(form.shadowRoot!.activeElement)).to.equal(true);
  });

  it('is compact rows under a legend on a phone, every answer at least 24 by 44 px', async () => {
    await setViewport({ width: 375, height: 800 });
    const form = await mountLefs();
    const row = groups(form)[0]!;
    const cells = [...row.querySelectorAll('.grid-mark')];
    expect(new Set(cells.map((cell) => Math.round(cell.getBoundingClientRect().top))).size, 'one row of answers').to.equal(1);
    for (const cell of cells) {
      const box = cell.getBoundingClientRect();
      expect(box.width).to.be.at.least(24);
      expect(box.height).to.be.at.least(44);
    }
    expect(document.documentElement.scrollWidth).to.be.at.most(375);
    expect(form.shadowRoot!.querySelector('.grid-legend')!.textContent).to.contain('4No difficulty');
  });
});
