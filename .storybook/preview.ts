import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import '@pxm/elements/define';
import manifest from '../packages/elements/custom-elements.json';
import { withStoryFrame } from './story-frame.js';
import './preview.css';

// Controls and the docs pages' API tables (attributes, properties, events with their detail,
// slots, parts, CSS custom properties) come from the elements' JSDoc through the manifest.
setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withStoryFrame],
  globalTypes: {
    theme: {
      description: 'Color scheme and theme of the elements',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'harbor', title: 'Custom theme (Harbor)' },
        ],
        dynamicTitle: true,
      },
    },
    direction: {
      description: 'Text direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language (the page `lang` the elements read)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', direction: 'ltr', locale: 'en' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    docs: { toc: true },
  },
};

export default preview;
