/**
 * The global theme tokens every element reads (defaults live in
 * packages/elements/src/styles/host.styles.ts). The manifest, the theming guide and Storybook
 * take their descriptions from here; building the manifest fails when this list and the styles
 * disagree, so a new token cannot ship undocumented.
 */
export const GLOBAL_TOKENS = [
  { name: '--pxm-color-primary', syntax: '<color>', description: 'Brand color: primary buttons, selected days and times, links, progress.' },
  { name: '--pxm-color-on-primary', syntax: '<color>', description: 'Text and icons on the primary color. Keep 4.5:1 contrast with it.' },
  { name: '--pxm-color-surface', syntax: '<color>', description: 'Background of the element and of its dialogs.' },
  { name: '--pxm-color-surface-alt', syntax: '<color>', description: 'Background of cards, hints and secondary panels.' },
  { name: '--pxm-color-text', syntax: '<color>', description: 'Body text.' },
  { name: '--pxm-color-text-muted', syntax: '<color>', description: 'Secondary text: hints, captions, time zones. Keep 4.5:1 contrast with the surfaces.' },
  { name: '--pxm-color-border', syntax: '<color>', description: 'Borders of controls (inputs, buttons, choices). Keep 3:1 contrast with the surface.' },
  { name: '--pxm-color-border-subtle', syntax: '<color>', description: 'Dividers and card outlines that carry no meaning.' },
  { name: '--pxm-color-danger', syntax: '<color>', description: 'Errors and destructive actions.' },
  { name: '--pxm-color-success', syntax: '<color>', description: 'Confirmations and completed steps.' },
  { name: '--pxm-color-warning', syntax: '<color>', description: 'Warnings: a hold about to expire, a late-cancellation fee.' },
  { name: '--pxm-color-focus', syntax: '<color>', description: 'The focus ring.' },
  { name: '--pxm-font-family', syntax: '*', description: 'Font stack. The elements never load a web font themselves.' },
  { name: '--pxm-font-size', syntax: '<length>', description: 'Base font size; everything else scales from it.' },
  { name: '--pxm-radius', syntax: '<length>', description: 'Corner radius of controls and cards.' },
  { name: '--pxm-space', syntax: '<length>', description: 'Base spacing unit.' },
  { name: '--pxm-target-size', syntax: '<length>', description: 'Minimum size of tap targets (buttons, choices, calendar days). Keep at least 24px; 44px is recommended.' },
  { name: '--pxm-max-width', syntax: '<length>', description: 'Maximum inline size of the element\'s content.' },
  { name: '--pxm-surface-padding', syntax: '<length>', description: 'Space between the edge of the element\'s surface and its content. Set 0 to line the content up with the page\'s own text.', defaultText: '0 on a 320 px screen, growing to 1.25rem from 360 px' },
];
