/** `<pxm-progress>` as a patient uses it: goals and ratings, measures over time, print. */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { recordEvents, until } from '../test-helpers/events.js';
import { $, $$, fakeProgressAdapter, mountProgress, textOf } from '../test-helpers/progress-harness.js';
import type { PxmProgressGoalRatedEvent, PxmProgressPrintEvent } from './progress.events.js';

describe('pxm-progress', () => {
  it('shows the goals with the therapist’s rating, and each measure with its reading, in the episode’s zone', async () => {
    const element = await mountProgress({ adapter: fakeProgressAdapter() });
    expect(textOf($(element, 'h2'))).to.equal('Right knee after surgery');
    // 2026-01-10T20:00Z is January 11 in Auckland, whatever the machine's zone.
    expect(textOf($(element, '[part="header"]'))).to.contain('Started Jan 11, 2026');

    const goal = $(element, '[aria-labelledby="goal-goal-stairs"]')!;
    expect(textOf(goal.querySelector('h4'))).to.equal('Carry my granddaughter up the stairs by June');
    expect(textOf(goal)).to.contain('By June 1, 2026');
    expect(textOf(goal.querySelector('[part="therapist-rating"]'))).to.equal('Your therapist -1 on Feb 22, 2026');
    expect(textOf(goal.querySelector('[part="patient-rating"]'))).to.equal('You Not rated yet');
    const levels = [...goal.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(levels.map((level) => textOf(level.closest('label')))).to.deep.equal([
      '-2 Cannot climb stairs carrying anything',
      '-1 Climbs stairs with a light bag',
      '0 Climbs one flight carrying her',
      '+1 Climbs two flights carrying her',
      '+2 Climbs stairs carrying her without thinking about it',
    ]);
    expect(textOf(goal.querySelector('legend'))).to.equal('Where are you now?');

    const lefs = $(element, '[part="measure"][data-instrument="lefs"]')!;
    expect(textOf(lefs.querySelector('[part="reading"]'))).to.equal('A change you’d notice +14 points since Jan 11, 2026');
    const nprs = $(element, '[part="measure"][data-instrument="nprs"]')!;
    expect(textOf(nprs.querySelector('[part="reading"] strong'))).to.equal('Not yet a meaningful change');
    // The chart is a picture; the table beside it has the same numbers, read by screen readers.
    expect(lefs.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    expect(lefs.querySelectorAll('svg .dot')).to.have.length(3);
    expect(lefs.querySelector('svg .band'), 'the meaningful-change band').to.not.equal(null);
    const rows = [...lefs.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => textOf(cell)));
    expect(rows).to.deep.equal([
      ['Jan 11, 2026', '30', 'First score'],
      ['Feb 1, 2026', '38', '+8'],
      ['Feb 22, 2026', '44', '+14'],
    ]);
    expect(textOf($(element, '[part="adherence"]'))).to.equal('Home exercises done as prescribed: 82% since Jan 11, 2026');
    await expectNoAxeViolations(element);
  });

  it('switches a chart to its table and back', async () => {
    const element = await mountProgress({ adapter: fakeProgressAdapter() });
    const toggle = $<HTMLButtonElement>(element, '[data-instrument="nprs"] [part="chart-toggle"]')!;
    expect(textOf(toggle)).to.equal('Show as a table');
    toggle.click();
    await element.updateComplete;
    expect($(element, '[data-instrument="nprs"] svg')).to.equal(null);
    expect($(element, '[data-instrument="nprs"] .table-box')!.classList.contains('visually-hidden')).to.equal(false);
    expect(textOf(toggle)).to.equal('Show as a chart');
    await expectNoAxeViolations(element);
  });

  it('rates a goal from the keyboard, once however often Save is pressed, and says so', async () => {
    const adapter = fakeProgressAdapter();
    const rated = recordEvents<PxmProgressGoalRatedEvent>(document, 'pxm-progress-goal-rated');
    const element = await mountProgress({ adapter });
    const goal = $(element, '[aria-labelledby="goal-goal-stairs"]')!;
    const levels = [...goal.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    levels[2]!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    await element.updateComplete;
    expect(levels[3]!.checked, '+1 chosen with the arrow key').to.equal(true);
    const note = goal.querySelector<HTMLTextAreaElement>('textarea')!;
    note.focus();
    await sendKeys({ type: 'Two flights today' });
    const save = goal.querySelector<HTMLButtonElement>('[part="rate-save"]')!;
    save.click();
    save.click();
    await until(() => textOf(goal.querySelector('[part="patient-rating"]')).includes('+1'), 'the patient rating shows');
    expect(adapter.ratings).to.have.length(1);
    expect(adapter.ratings[0]).to.include({ goalId: 'goal-stairs', level: 1, note: 'Two flights today' });
    expect(textOf(goal.querySelector('[part="patient-rating"]'))).to.equal('You +1 on Mar 1, 2026 Two flights today');
    expect(textOf(goal.querySelector('[part="therapist-rating"]')), 'the therapist’s stays beside it').to.contain('-1');
    await until(() => textOf($(element, '[role="status"][aria-live]')) === 'Your rating is saved.', 'announced');
    expect(rated).to.have.length(1);
    expect(Object.keys(rated[0]!.detail).sort()).to.deep.equal(['clientId', 'goalId', 'ratedAt']);
    expect(rated[0]!.detail.goalId).to.equal('goal-stairs');
    expect(rated[0]!.bubbles && rated[0]!.composed).to.equal(true);
    await expectNoAxeViolations(element);
  });

  it('asks for a level or a note before sending an empty rating', async () => {
    const adapter = fakeProgressAdapter();
    const element = await mountProgress({ adapter });
    const goal = $(element, '[aria-labelledby="goal-goal-walk"]')!;
    expect(goal.querySelector('fieldset'), 'no GAS levels: a note only').to.equal(null);
    expect(textOf(goal.querySelector('label'))).to.equal('How is it going? A short note');
    goal.querySelector<HTMLButtonElement>('[part="rate-save"]')!.click();
    await element.updateComplete;
    expect(textOf(goal.querySelector('[role="alert"]'))).to.equal('Choose a level or write a note first.');
    expect(adapter.ratings).to.have.length(0);
  });

  it('prints the patient’s summary and the referring physician’s', async () => {
    const element = await mountProgress({ adapter: fakeProgressAdapter() });
    const printed = recordEvents<PxmProgressPrintEvent>(document, 'pxm-progress-print');
    const originalPrint = window.print;
    let dialogs = 0;
    window.print = () => void dialogs++;
    try {
      $<HTMLButtonElement>(element, '[part="print-physician"]')!.click();
      await until(() => dialogs === 1, 'the print dialog');
      const summary = $(element, '[part="summary"]')!;
      expect(summary.dataset['version']).to.equal('physician');
      expect(textOf(summary.querySelector('h2'))).to.equal('Progress summary: Right knee after surgery');
      expect(textOf(summary)).to.contain('For Dr. Morgan Lee');
      expect(textOf(summary.querySelector('h3'))).to.equal('Goals');
      expect(textOf(summary)).to.contain('Meaningful change: 9 points');
      expect(summary.querySelectorAll('table')[0]!.querySelectorAll('tbody tr'), 'every LEFS score with its date').to.have.length(3);
      expect(textOf(summary)).to.contain('Home exercises done as prescribed: 82%');
      expect(printed.map((event) => event.detail)).to.deep.equal([{ version: 'physician' }]);

      window.dispatchEvent(new Event('afterprint'));
      await element.updateComplete;
      expect($(element, '[part="summary"]'), 'gone after printing').to.equal(null);

      $<HTMLButtonElement>(element, '[part="print-patient"]')!.click();
      await until(() => dialogs === 2, 'the second print dialog');
      const mine = $(element, '[part="summary"]')!;
      expect(mine.dataset['version']).to.equal('patient');
      expect(textOf(mine.querySelector('h2'))).to.equal('My progress: Right knee after surgery');
      expect(mine.querySelectorAll('table')[0]!.querySelectorAll('tbody tr'), 'first and latest').to.have.length(2);
      window.dispatchEvent(new Event('afterprint'));
    } finally {
      window.print = originalPrint;
    }
  });

  it('fits a 320 px phone in the dark theme, with nothing scrolling sideways', async () => {
    const element = await mountProgress({ adapter: fakeProgressAdapter() });
    element.parentElement!.style.inlineSize = '320px';
    element.theme = 'dark';
    await element.updateComplete;
    const base = $(element, '[part="base"]')!;
    expect(getComputedStyle(base).colorScheme).to.equal('dark');
    expect(base.scrollWidth, 'no sideways scroll').to.be.at.most(base.clientWidth);
    for (const part of ['goal', 'measure', 'due-item']) {
      for (const block of element.shadowRoot!.querySelectorAll<HTMLElement>(`[part="${part}"]`)) expect(block.getBoundingClientRect().width).to.be.at.most(320);
    }
    await expectNoAxeViolations(element);
  });

  it('speaks Spanish', async () => {
    const element = await mountProgress({ adapter: fakeProgressAdapter(), locale: 'es' });
    await until(() => textOf($(element, '#goals-heading')) === 'Sus metas', 'Spanish texts');
    expect(textOf($(element, '#measures-heading'))).to.equal('Sus puntuaciones a lo largo del tiempo');
    expect(textOf($(element, '[data-instrument="lefs"] [part="reading"] strong'))).to.equal('Un cambio que se nota');
    expect(textOf($(element, '[part="take-now"]'))).to.contain('Responder ahora');
    expect($$(element, '[data-instrument="lefs"] tbody th').map((cell) => textOf(cell))[0]).to.equal('11 ene 2026');
  });
});
