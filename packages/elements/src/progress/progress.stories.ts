import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { createFaultyAdapter } from '@pxm/adapter-testkit/faults';
import { DEMO_PROGRESS_EXPIRED_TOKEN, DEMO_PROGRESS_TOKEN } from '@pxm/core/demo';
import type { PxmAdapter } from '@pxm/core';
import { host, waitFor } from '../test-helpers/story-play.js';
import '../define/pxm-progress.js';

/** Language, direction and theme come from the toolbar (a story pins them with `globals`). */
interface ProgressArgs {
  token: string;
}

/** One backend per story render, so a rating in one story never leaks into the next. */
const memory = () => createMemoryAdapter({ latencyMs: { min: 150, max: 450 } });

const meta: Meta<ProgressArgs> = {
  title: 'Elements/pxm-progress',
  component: 'pxm-progress',
  args: { token: DEMO_PROGRESS_TOKEN },
  argTypes: {
    token: { control: 'select', options: [DEMO_PROGRESS_TOKEN, DEMO_PROGRESS_EXPIRED_TOKEN, 'not-a-link'] },
  },
  render: (args, context) => html`<pxm-progress
    .adapter=${(context.parameters['adapter'] as (() => PxmAdapter) | undefined)?.() ?? memory()}
    token=${args.token}
  ></pxm-progress>`,
};

export default meta;
type Story = StoryObj<ProgressArgs>;

/** The demo episode: goals with GAS levels, LEFS and NPRS over six weeks, the LEFS due again. */
export const Episode: Story = {};

export const Expired: Story = { args: { token: DEMO_PROGRESS_EXPIRED_TOKEN } };

export const InvalidLink: Story = { args: { token: 'not-a-link' } };

export const Spanish: Story = { globals: { locale: 'es' } };

export const RightToLeft: Story = { globals: { direction: 'rtl' } };

export const Dark: Story = { globals: { theme: 'dark' } };

/** The due LEFS opened in the intake form, right inside the element. */
export const TakingAMeasure: Story = {
  play: async ({ canvasElement }) => {
    const root = (await host(canvasElement, 'pxm-progress')).shadowRoot;
    const take = await waitFor(() => root.querySelector<HTMLButtonElement>('[part~="take-now"]'), 'the due measure');
    take.click();
    await waitFor(() => root.querySelector('pxm-intake-form'), 'the questionnaire');
  },
};

/** The progress never arrives: the loading state. */
export const Loading: Story = {
  parameters: { adapter: () => { const f = createFaultyAdapter(memory()); f.always('progress.loadProgress', { hang: true }); return f.adapter; } },
};

/** The backend is unreachable: a clear message and a retry. */
export const NetworkError: Story = {
  parameters: { adapter: () => { const f = createFaultyAdapter(memory()); f.always('progress.loadProgress', { error: 'network' }); return f.adapter; } },
};

/** Narrow phones: charts scale down, tables and ratings stack, nothing scrolls sideways. */
export const Mobile320: Story = {
  render: (args) => html`<div style="max-inline-size: 320px">
    <pxm-progress .adapter=${memory()} token=${args.token}></pxm-progress>
  </div>`,
};
