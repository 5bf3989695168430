import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';

/**
 * Wraps every story in the page context the toolbar (or a story's `globals`) chooses: theme
 * (light, dark, or the Harbor custom theme of docs/theming.md), direction and language. The
 * elements read `lang` and `dir` from their ancestors, as they do on a real page.
 */
export const withStoryFrame: Decorator = (story, context) => {
  const { theme = 'light', direction = 'ltr', locale = 'en' } = context.globals as Record<string, string>;
  return html`<div class="pxm-story" data-theme=${theme} dir=${direction} lang=${locale}>${story()}</div>`;
};
