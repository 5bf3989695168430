import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { addDays, toZonedIso, zonedTimeToInstant } from '@pxm/core/time';
import type { ActivityLogEntry } from '@pxm/core/hep';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { DEMO_HEP_TOKEN } from '@pxm/core/demo';
import '../define/pxm-hep-viewer.js';
import type { PxmHepViewer } from './hep-viewer.js';
import { expectNoAxeViolations } from '../test-helpers/axe.js';
import { until } from '../test-helpers/events.js';
import { backendWith, button, loaded, shadow, testProgram, todayInZone, ZONE } from '../test-helpers/hep.js';

const progressRequests = () =>
  performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/hep-viewer/progress/')).length;

function log(exerciseId: string, date: string, time: string, extra: Partial<ActivityLogEntry> = {}): ActivityLogEntry {
  return {
    clientId: crypto.randomUUID(),
    exerciseId,
    programVersion: 1,
    completedAt: toZonedIso(zonedTimeToInstant(date, time, ZONE), ZONE),
    ...extra,
  };
}

describe('pxm-hep-viewer progress', () => {
  it('loads the charts only when Progress is opened', async () => {
    // The runner loads hundreds of modules; make room so the next fetches are recorded.
    performance.setResourceTimingBufferSize(100_000);
    const viewer = await fixture<PxmHepViewer>(html`<pxm-hep-viewer .adapter=${createMemoryAdapter()} token=${DEMO_HEP_TOKEN}></pxm-hep-viewer>`);
    await loaded(viewer);
    expect(progressRequests()).to.equal(0, 'nothing of the progress view was fetched yet');
    button(shadow(viewer), 'Progress').click();
    await until(() => shadow(viewer).querySelector('.progress-view'), 'progress view');
    expect(progressRequests()).to.be.greaterThan(0);
    await expectNoAxeViolations(viewer);
  });

  it('shows adherence for 7 days, 28 days and the whole program, the streak and the pain trend', async () => {
    const today = todayInZone();
    const program = testProgram({
      startDate: addDays(today, -13),
      exercises: [{ id: 'walk', name: 'Walking', dosage: {}, frequency: { timesPerDay: 1 } }],
    });
    // Done on 10 of the 13 days before today; pain easing from 6 to 3.
    const missed = new Set([2, 5, 9]);
    const logs = Array.from({ length: 13 }, (_, i) => i)
      .filter((i) => !missed.has(i))
      .map((i) => log('walk', addDays(today, -13 + i), '09:00', { pain: i < 7 ? 6 : 3 }));
    const { memory, token } = backendWith(program, logs);
    const viewer = await fixture<PxmHepViewer>(html`<pxm-hep-viewer view="progress" .adapter=${memory} token=${token}></pxm-hep-viewer>`);
    await loaded(viewer);
    await until(() => shadow(viewer).querySelector('.progress-view'), 'progress view');
    const tiles = [...shadow(viewer).querySelectorAll('[part="adherence"]')].map((tile) => tile.textContent!.replace(/\s+/g, ' ').trim());
    // Last 7 days: 6 days before today (index 7..12, day 9 missed: 5 of 6); today is open.
    expect(tiles).to.deep.equal([
      'Last 7 days 83% 5 of 6 sessions',
      'Last 28 days 77% 10 of 13 sessions',
      'Whole program 77% 10 of 13 sessions',
    ]);
    const streak = shadow(viewer).querySelector('[part="streak"]')!.textContent!.replace(/\s+/g, ' ');
    expect(streak).to.contain('3 days');
    expect(streak).to.contain('Best: 3 days');
    expect(shadow(viewer).querySelector('[part="pain-trend"]')!.textContent).to.contain('Pain is easing compared with the week before.');
    viewer.locale = 'es';
    await until(() => shadow(viewer).querySelector('[part="adherence"]')!.textContent!.includes('Últimos 7 días'), 'Spanish');
    expect(shadow(viewer).querySelector('[part="adherence"]')!.textContent!.replace(/\s+/g, ' ')).to.contain('5 de 6 sesiones');
    expect(shadow(viewer).querySelector('[part="pain-trend"]')!.textContent).to.contain('El dolor está bajando');
    await expectNoAxeViolations(viewer);
  });

  it('gives every chart an equivalent table, hidden from sight but not from screen readers, and shows it on request', async () => {
    const today = todayInZone();
    const program = testProgram({ startDate: addDays(today, -9), exercises: [{ id: 'walk', name: 'Walking', dosage: {}, frequency: { timesPerDay: 1 } }] });
    const logs = [log('walk', addDays(today, -3), '09:00', { pain: 4 }), log('walk', addDays(today, -2), '09:00', { pain: 2 })];
    const { memory, token } = backendWith(program, logs);
    const viewer = await fixture<PxmHepViewer>(html`<pxm-hep-viewer view="progress" .adapter=${memory} token=${token}></pxm-hep-viewer>`);
    await loaded(viewer);
    await until(() => shadow(viewer).querySelectorAll('figure.chart-block').length === 2, 'two charts');
    for (const figure of shadow(viewer).querySelectorAll('figure.chart-block')) {
      expect(figure.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
      const table = figure.querySelector('table')!;
      expect(table.closest('.visually-hidden') !== null).to.equal(true);
      expect(table.querySelectorAll('tbody tr').length).to.be.greaterThan(0);
    }
    const painTable = shadow(viewer).querySelectorAll('figure.chart-block')[1]!.querySelector('table')!;
    expect([...painTable.querySelectorAll('tbody td:first-of-type')].map((cell) => cell.textContent)).to.deep.equal(['4', '2']);
    button(shadow(viewer).querySelectorAll('figure.chart-block')[1] as HTMLElement, 'Show as a table').click();
    await viewer.updateComplete;
    const shown = shadow(viewer).querySelectorAll('figure.chart-block')[1]!;
    expect(shown.querySelector('svg') === null).to.equal(true);
    expect(shown.querySelector('table')!.closest('.visually-hidden') === null).to.equal(true);
    await expectNoAxeViolations(viewer);
  });
});

describe('pxm-hep-viewer progress tables on a phone', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('keeps words whole in the tables at 320 px and still fits', async () => {
    await setViewport({ width: 320, height: 640 });
    const viewer = await fixture<PxmHepViewer>(html`<pxm-hep-viewer view="progress" .adapter=${createMemoryAdapter()} token=${DEMO_HEP_TOKEN}></pxm-hep-viewer>`);
    await loaded(viewer);
    await until(() => shadow(viewer).querySelectorAll('figure.chart-block').length === 2, 'two charts');
    for (const figure of shadow(viewer).querySelectorAll<HTMLElement>('figure.chart-block')) {
      button(figure, 'Show as a table').click();
    }
    await viewer.updateComplete;
    const cells = [...shadow(viewer).querySelectorAll<HTMLElement>('figure.chart-block th, figure.chart-block td')];
    expect(cells.length).to.be.greaterThan(8);
    let words = 0;
    for (const cell of cells) {
      // A word broken across lines has more than one box.
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        for (const match of text.textContent!.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(text, match.index);
          range.setEnd(text, match.index + match[0].length);
          expect(range.getClientRects().length).to.equal(1, `"${match[0]}" stays on one line in "${cell.textContent}"`);
          words += 1;
        }
      }
    }
    expect(words).to.be.greaterThan(20);
    const tables = [...shadow(viewer).querySelectorAll('figure.chart-block table')];
    for (const table of tables) expect(table.getBoundingClientRect().right).to.be.at.most(viewer.getBoundingClientRect().right + 0.5);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });
});

describe('pxm-hep-viewer media', () => {
  const media = (path: string) => new URL(`/examples/site/public/hep-media/${path}`, location.href).href;

  function programWithVideo(videoUrl: string) {
    const program = testProgram();
    program.exercises[0] = {
      ...program.exercises[0]!,
      media: {
        videoUrl,
        posterUrl: media('quad-sets.svg'),
        imageUrls: [media('quad-sets.svg')],
        imageAlt: 'Sitting with the right leg straight',
        captions: [
          { src: media('quad-sets.en.vtt'), srclang: 'en', label: 'English' },
          { src: media('quad-sets.es.vtt'), srclang: 'es', label: 'Español' },
        ],
      },
    };
    return program;
  }

  it('plays demonstrations in a native video with captions, a poster, speed and loop, never autoplaying', async () => {
    const { memory, token } = backendWith(programWithVideo(media('quad-sets.webm')));
    const viewer = await fixture<PxmHepViewer>(html`<pxm-hep-viewer locale="es" .adapter=${memory} token=${token}></pxm-hep-viewer>`);
    await loaded(viewer);
    const video = shadow(viewer).querySelector('video')!;
    expect(video.controls).to.equal(true);
    expect(video.autoplay).to.equal(false);
    expect(video.hasAttribute('autoplay')).to.equal(false);
    expect(video.poster).to.equal(media('quad-sets.svg'));
    expect(video.loop).to.equal(true);
    const tracks = [...video.querySelectorAll('track')];
    expect(tracks.map((track) => [track.kind, track.srclang, track.default])).to.deep.equal([
      ['captions', 'en', false],
      ['captions', 'es', true],
    ]);
    const speed = shadow(viewer).querySelector<HTMLSelectElement>('.speed select')!;
    expect([...speed.options].map((option) => Number(option.value))).to.deep.equal([0.5, 0.75, 1, 1.25, 1.5]);
    speed.value = '0.5';
    speed.dispatchEvent(new Event('change'));
    await viewer.updateComplete;
    expect(shadow(viewer).querySelector('video')!.playbackRate).to.equal(0.5);
    const loop = shadow(viewer).querySelector<HTMLInputElement>('.loop input')!;
    loop.click();
    await viewer.updateComplete;
    expect(shadow(viewer).querySelector('video')!.loop).to.equal(false);
    await expectNoAxeViolations(viewer);
  });

  it('falls back to pictures when the video is missing, and says why', async () => {
    const { memory, token } = backendWith(programWithVideo(new URL('/no-such-video.webm', location.href).href));
    const viewer = await fixture<PxmHepViewer>(html`<pxm-hep-viewer .adapter=${memory} token=${token}></pxm-hep-viewer>`);
    await loaded(viewer);
    await until(() => shadow(viewer).querySelector('.images img'), 'pictures instead', 8_000);
    expect(shadow(viewer).querySelector('video') === null).to.equal(true);
    expect(shadow(viewer).querySelector('.media-note')!.textContent).to.contain('The video could not be played, so pictures are shown instead.');
    expect(shadow(viewer).querySelector('.images img')!.getAttribute('alt')).to.equal('Sitting with the right leg straight');
    await expectNoAxeViolations(viewer);
  });

  it('shows pictures to save data, with the video one tap away', async () => {
    const { memory, token } = backendWith(programWithVideo(media('quad-sets.webm')));
    const viewer = await fixture<PxmHepViewer>(html`<pxm-hep-viewer save-data .adapter=${memory} token=${token}></pxm-hep-viewer>`);
    await loaded(viewer);
    expect(shadow(viewer).querySelector('video') === null).to.equal(true);
    expect(shadow(viewer).querySelector('.media-note')!.textContent).to.contain('Pictures are shown to save data.');
    button(shadow(viewer), 'Show the video').click();
    await viewer.updateComplete;
    expect(shadow(viewer).querySelector('video') !== null).to.equal(true);
  });
});
