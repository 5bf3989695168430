import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { createFaultyAdapter } from '@pxm/adapter-testkit/faults';
import type { PxmAdapter } from '@pxm/core';
import { host, waitFor } from '../test-helpers/story-play.js';
import '../define/pxm-referral.js';

/** One backend per story render, so a referral sent in one story never leaks into the next. */
const memory = () => createMemoryAdapter({ latencyMs: { min: 150, max: 450 } });

/** Language, direction and theme come from the toolbar (a story pins them with `globals`). */
const meta: Meta = {
  title: 'Elements/pxm-referral',
  component: 'pxm-referral',
  render: (_args, context) => html`<pxm-referral .adapter=${(context.parameters['adapter'] as (() => PxmAdapter) | undefined)?.() ?? memory()}></pxm-referral>`,
};

export default meta;
type Story = StoryObj;

/** The empty form, as a physician's office first sees it. */
export const Empty: Story = {};

export const Spanish: Story = { globals: { locale: 'es' } };

export const RightToLeft: Story = { globals: { direction: 'rtl' } };

export const Dark: Story = { globals: { theme: 'dark' } };

/** Send pressed on the empty form: the error summary and each field's message. */
export const Problems: Story = {
  play: async ({ canvasElement }) => {
    const root = (await host(canvasElement, 'pxm-referral')).shadowRoot;
    const send = await waitFor(() => root.querySelector<HTMLButtonElement>('[part~="submit"]'), 'the Send button');
    send.click();
    await waitFor(() => root.querySelector('[part~="error-summary"]'), 'the error summary');
  },
};

/** The backend is unreachable: the referral is kept, with Try again. */
export const NetworkError: Story = {
  parameters: { adapter: () => { const f = createFaultyAdapter(memory()); f.always('referral.submitReferral', { error: 'network' }); return f.adapter; } },
};

/** Narrow phones: one column, nothing scrolls sideways. */
export const Mobile320: Story = {
  render: () => html`<div style="max-inline-size: 320px"><pxm-referral .adapter=${memory()}></pxm-referral></div>`,
};
