import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { DEMO_SURVEY_TOKENS } from '@pxm/core/demo';
import '../define/pxm-provider.js';
import '../define/pxm-survey.js';

interface ProviderArgs {
  locale: string;
  'time-zone': string;
}

/**
 * `<pxm-provider>` renders nothing itself: it hands its adapter, language and time zone to every
 * PXM element inside it. Here a survey inside it uses the provider's backend and language.
 */
const meta: Meta<ProviderArgs> = {
  title: 'Elements/pxm-provider',
  component: 'pxm-provider',
  args: { locale: 'en', 'time-zone': 'America/Denver' },
  argTypes: {
    locale: { control: 'select', options: ['en', 'es'] },
    'time-zone': { control: 'text' },
  },
  render: (args) => html`<pxm-provider .adapter=${createMemoryAdapter({ latencyMs: 200 })} locale=${args.locale} time-zone=${args['time-zone']}>
    <pxm-survey token=${DEMO_SURVEY_TOKENS.open}></pxm-survey>
  </pxm-provider>`,
};

export default meta;
type Story = StoryObj<ProviderArgs>;

export const Default: Story = {};

/** The provider's `locale` reaches every element inside it. */
export const Spanish: Story = { args: { locale: 'es' } };

/** No adapter anywhere: elements wait for one (set `.adapter` later and they load). */
export const WithoutAdapter: Story = {
  render: () => html`<pxm-provider locale="en"><pxm-survey token=${DEMO_SURVEY_TOKENS.open}></pxm-survey></pxm-provider>`,
};
