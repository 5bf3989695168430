import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import '../define/pxm-provider.js';

const adapter = createMemoryAdapter({ latencyMs: 300 });

const meta: Meta = {
  title: 'Elements/pxm-provider',
  component: 'pxm-provider',
  args: { locale: 'en', timeZone: 'America/Denver' },
  argTypes: {
    locale: { control: 'select', options: ['en', 'es'] },
    timeZone: { control: 'text' },
  },
  render: (args) => html`<pxm-provider .adapter=${adapter} locale=${args.locale} time-zone=${args.timeZone}>
    <p>Elements placed inside this provider share the memory adapter, the locale and the time zone.</p>
  </pxm-provider>`,
};

export default meta;

export const Default: StoryObj = {};
export const Spanish: StoryObj = { args: { locale: 'es' } };
