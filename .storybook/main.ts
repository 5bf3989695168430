import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../packages/elements/src/**/*.stories.ts'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    // Resolve workspace packages to their TypeScript sources, as tests and the demo do.
    viteConfig.resolve = {
      ...viteConfig.resolve,
      conditions: ['source', 'browser', 'module', 'import', 'default'],
    };
    return viteConfig;
  },
};

export default config;
