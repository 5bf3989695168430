import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { createFaultyAdapter } from '@pxm/adapter-testkit/faults';
import { addDays, localDateIn } from '@pxm/core/time';
import { DEMO_HEP_EXPIRED_TOKEN, DEMO_HEP_TOKEN, demoHepPrograms, demoHepProgramAt } from '@pxm/core/demo';
import '../define/pxm-hep-viewer.js';

/** The demo media shipped with the example site; written out so the bundler copies each file. */
const MEDIA: Record<string, string> = {
  'quad-sets.svg': new URL('../../../../examples/site/public/hep-media/quad-sets.svg?no-inline', import.meta.url).href,
  'quad-sets.webm': new URL('../../../../examples/site/public/hep-media/quad-sets.webm', import.meta.url).href,
  'quad-sets.en.vtt': new URL('../../../../examples/site/public/hep-media/quad-sets.en.vtt?no-inline', import.meta.url).href,
  'quad-sets.es.vtt': new URL('../../../../examples/site/public/hep-media/quad-sets.es.vtt?no-inline', import.meta.url).href,
  'heel-slides.svg': new URL('../../../../examples/site/public/hep-media/heel-slides.svg?no-inline', import.meta.url).href,
  'heel-slides.webm': new URL('../../../../examples/site/public/hep-media/heel-slides.webm', import.meta.url).href,
  'heel-slides.en.vtt': new URL('../../../../examples/site/public/hep-media/heel-slides.en.vtt?no-inline', import.meta.url).href,
  'heel-slides.es.vtt': new URL('../../../../examples/site/public/hep-media/heel-slides.es.vtt?no-inline', import.meta.url).href,
  'straight-leg-raise.svg': new URL('../../../../examples/site/public/hep-media/straight-leg-raise.svg?no-inline', import.meta.url).href,
  'mini-squats.svg': new URL('../../../../examples/site/public/hep-media/mini-squats.svg?no-inline', import.meta.url).href,
  'calf-raises.svg': new URL('../../../../examples/site/public/hep-media/calf-raises.svg?no-inline', import.meta.url).href,
  'single-leg-balance.svg': new URL('../../../../examples/site/public/hep-media/single-leg-balance.svg?no-inline', import.meta.url).href,
  'stationary-bike.svg': new URL('../../../../examples/site/public/hep-media/stationary-bike.svg?no-inline', import.meta.url).href,
};

const mediaUrl = (file: string) => new URL(MEDIA[file] ?? file, location.href).href;

/** A fresh demo backend per render, so logging in one story never leaks into another. */
function demoBackend() {
  return createMemoryAdapter({ latencyMs: { min: 150, max: 450 }, seed: { hepPrograms: demoHepPrograms(new Date(), { mediaUrl }) } });
}

interface HepArgs {
  token: string;
  /** Empty: the toolbar's language applies. */
  locale: '' | 'en' | 'es';
  /** Empty: the toolbar's direction applies. */
  dir: '' | 'ltr' | 'rtl';
  view: 'today' | 'program' | 'progress';
  saveData: boolean;
  painThreshold: number;
}

const meta: Meta<HepArgs> = {
  title: 'Elements/pxm-hep-viewer',
  component: 'pxm-hep-viewer',
  args: { token: DEMO_HEP_TOKEN, locale: '', dir: '', view: 'today', saveData: false, painThreshold: 7 },
  argTypes: {
    token: { control: 'select', options: [DEMO_HEP_TOKEN, DEMO_HEP_EXPIRED_TOKEN, 'not-a-real-link'] },
    locale: { control: 'inline-radio', options: ['', 'en', 'es'] },
    dir: { control: 'inline-radio', options: ['', 'ltr', 'rtl'] },
    view: { control: 'inline-radio', options: ['today', 'program', 'progress'] },
    saveData: { control: 'boolean' },
    painThreshold: { control: { type: 'range', min: 0, max: 10 } },
  },
  render: (args) => html`<div dir=${args.dir || nothing}>
    <pxm-hep-viewer
      .adapter=${demoBackend()}
      token=${args.token}
      locale=${args.locale || nothing}
      view=${args.view}
      pain-threshold=${args.painThreshold}
      ?save-data=${args.saveData}
    ></pxm-hep-viewer>
  </div>`,
};

export default meta;
type Story = StoryObj<HepArgs>;

/** Today's exercises after an ACL reconstruction, with a history of logs and a program edit. */
export const Today: Story = {};

export const AllExercises: Story = { args: { view: 'program' } };

/** Adherence for 7 days, 28 days and the whole program, the streak and the pain trend. */
export const Progress: Story = { args: { view: 'progress' } };

export const Spanish: Story = { args: { locale: 'es' } };

export const RightToLeft: Story = { args: { dir: 'rtl' } };

/** Pictures instead of videos, with the video one tap away. */
export const SavingData: Story = { args: { saveData: true } };

export const Mobile320: Story = {
  render: (args) => html`<div style="max-inline-size: 320px">
    <pxm-hep-viewer .adapter=${demoBackend()} token=${args.token}></pxm-hep-viewer>
  </div>`,
};

/** Log something: it waits on this device, marked "waiting to sync", until the connection returns. */
export const Offline: Story = {
  render: (args) => {
    const faults = createFaultyAdapter(demoBackend());
    faults.setOffline(true);
    return html`<p>
        <label><input type="checkbox" checked @change=${(event: Event) => {
          faults.setOffline((event.target as HTMLInputElement).checked);
          if (!(event.target as HTMLInputElement).checked) window.dispatchEvent(new Event('online'));
        }} /> Backend unreachable</label>
      </p>
      <pxm-hep-viewer .adapter=${faults.adapter} token=${args.token}></pxm-hep-viewer>`;
  },
};

export const ExpiredLink: Story = { args: { token: DEMO_HEP_EXPIRED_TOKEN } };

export const Dark: Story = { globals: { theme: 'dark' } };

/** The Harbor theme of docs/theming.md. */
export const CustomTheme: Story = { globals: { theme: 'harbor' } };

/** The program never arrives: the loading state. */
export const Loading: Story = {
  render: () => {
    const faults = createFaultyAdapter(demoBackend());
    faults.always('hep.loadProgram', { hang: true });
    return html`<pxm-hep-viewer .adapter=${faults.adapter} token=${DEMO_HEP_TOKEN}></pxm-hep-viewer>`;
  },
};

/** The backend is unreachable: a clear message and a retry. */
export const NetworkError: Story = {
  render: () => {
    const faults = createFaultyAdapter(demoBackend());
    faults.always('hep.loadProgram', { error: 'network' });
    return html`<pxm-hep-viewer .adapter=${faults.adapter} token=${DEMO_HEP_TOKEN}></pxm-hep-viewer>`;
  },
};

export const InvalidLink: Story = { args: { token: 'not-a-real-link' } };

export const NoExercises: Story = {
  render: () => {
    const program = { ...demoHepProgramAt(new Date()), exercises: [], revisions: [] };
    const adapter = createMemoryAdapter({ seed: { hepPrograms: [{ token: 'story-empty-program', program }] } });
    return html`<pxm-hep-viewer .adapter=${adapter} token="story-empty-program"></pxm-hep-viewer>`;
  },
};

export const NotStartedYet: Story = {
  render: () => {
    const base = demoHepProgramAt(new Date(), { mediaUrl });
    const program = { ...base, startDate: addDays(localDateIn(new Date(), base.timeZone), 3), revisions: [] };
    const adapter = createMemoryAdapter({ seed: { hepPrograms: [{ token: 'story-future-program', program }] } });
    return html`<pxm-hep-viewer .adapter=${adapter} token="story-future-program"></pxm-hep-viewer>`;
  },
};

/** The backend sends something that is not a program: a clear error with a retry that works. */
export const MalformedProgram: Story = {
  render: (args) => {
    const faults = createFaultyAdapter(demoBackend());
    faults.plan('hep.loadProgram', { reply: { id: 'broken', exercises: 'none' } });
    return html`<pxm-hep-viewer .adapter=${faults.adapter} token=${args.token}></pxm-hep-viewer>`;
  },
};

/** A video that cannot load falls back to the exercise's pictures. */
export const MissingVideo: Story = {
  // The browser reports the missing file; the element shows the still image instead.
  parameters: { pxmChecks: { expectedConsoleErrors: ['404'] } },
  render: () => {
    const base = demoHepProgramAt(new Date(), { mediaUrl: (file) => (file.endsWith('.webm') ? new URL('missing-video.webm', location.href).href : mediaUrl(file)) });
    const adapter = createMemoryAdapter({ seed: { hepPrograms: [{ token: 'story-missing-video', program: base }] } });
    return html`<pxm-hep-viewer .adapter=${adapter} token="story-missing-video"></pxm-hep-viewer>`;
  },
};
