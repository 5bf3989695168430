import { css } from 'lit';

/**
 * Theme tokens and a reset every element starts from. Public tokens are `--pxm-*`; each maps to
 * a private `--_*` with the default, so element styles only ever read the private ones.
 * Inheritable properties a host page might set wildly (font size, line height, text transform)
 * are pinned here; `direction` is inherited on purpose so `dir="rtl"` works.
 *
 * Light or dark: by default the page's own `color-scheme`, which elements inherit, so a light-only
 * page keeps them light even when the system is dark (their text never turns light on the page's
 * light background), and a page that declares `color-scheme: light dark` gets them following
 * `prefers-color-scheme`. The `theme` attribute (here and on `<pxm-provider>`) overrides that:
 * `auto` follows the visitor's system setting, `light` and `dark` pin one.
 */
export const hostStyles = css`
  :host {
    --_color-primary: var(--pxm-color-primary, light-dark(#0b6b66, #6fd3cb));
    --_color-on-primary: var(--pxm-color-on-primary, light-dark(#ffffff, #06201e));
    --_color-surface: var(--pxm-color-surface, light-dark(#ffffff, #15181c));
    --_color-surface-alt: var(--pxm-color-surface-alt, light-dark(#f3f6f7, #1f2429));
    --_color-text: var(--pxm-color-text, light-dark(#1a1f24, #eceff2));
    --_color-text-muted: var(--pxm-color-text-muted, light-dark(#4b5661, #a9b3bd));
    --_color-border: var(--pxm-color-border, light-dark(#737f8a, #7d8893));
    --_color-border-subtle: var(--pxm-color-border-subtle, light-dark(#d5dbe0, #343b42));
    --_color-danger: var(--pxm-color-danger, light-dark(#b3261e, #ff9d95));
    --_color-success: var(--pxm-color-success, light-dark(#1b6e3a, #7fdc9c));
    --_color-warning: var(--pxm-color-warning, light-dark(#8a5300, #ffc46b));
    --_color-focus: var(--pxm-color-focus, light-dark(#1a5fd0, #8ab4ff));
    --_font-family: var(--pxm-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_font-size: var(--pxm-font-size, 1rem);
    --_radius: var(--pxm-radius, 0.5rem);
    --_space: var(--pxm-space, 1rem);
    --_target-size: var(--pxm-target-size, 2.75rem);
    --_max-width: var(--pxm-max-width, 48rem);
    /*
     * One viewport width unit, corrected for the zoom RootFontGuard may set (zoom scales vw too).
     * Every vw and dvh in the elements goes through these.
     */
    --_vw: calc(1vw / var(--_zoom, 1));
    --_dvh: calc(1dvh / var(--_zoom, 1));
    /* None on the narrowest phones (320 px), where every pixel goes to 44 px targets; 1.25rem from 360 px. */
    --_surface-padding: var(--pxm-surface-padding, clamp(0rem, 50 * var(--_vw) - 10rem, 1.25rem));

    display: block;
    box-sizing: border-box;
    max-inline-size: 100%;
    /*
     * Important, because a page's rules on the host beat ':host' rules: a reset such as
     * 'all: unset' on every element, or 'font-size' on the tag, would otherwise reach every
     * word inside. Pages theme through the --pxm-* tokens and ::part(), which still work.
     */
    font-family: var(--_font-family) !important;
    font-size: var(--_font-size) !important;
    font-style: normal !important;
    font-variant: normal !important;
    font-weight: 400 !important;
    font-stretch: normal !important;
    line-height: 1.5 !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-transform: none !important;
    text-align: start !important;
    text-indent: 0 !important;
    text-shadow: none !important;
    white-space: normal !important;
    color: var(--_color-text) !important;
    overflow-wrap: anywhere !important;
    cursor: auto !important;
    /*
     * Inherited too, and as harmful: a page's 'body { -webkit-text-fill-color: transparent }'
     * (gradient-text tricks) made every word invisible, 'font-size-adjust' made lines overlap.
     */
    -webkit-text-fill-color: currentcolor !important;
    -webkit-text-stroke-width: 0 !important;
    font-size-adjust: none !important;
    font-kerning: auto !important;
    font-feature-settings: normal !important;
    font-variation-settings: normal !important;
    font-synthesis: weight style !important;
    word-break: normal !important;
    hyphens: manual !important;
    text-rendering: auto !important;
  }

  :host([hidden]) {
    display: none !important;
  }

  :host([theme='auto']) {
    color-scheme: light dark;
  }

  :host([theme='light']) {
    color-scheme: light;
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }

  /* Not 'inherit': a page's reset on the host (box-sizing: content-box) must not reach inside. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  /*
   * Each element's outermost box paints its own surface, so its text stays readable whatever
   * the page behind it: a dark element on a light page or the reverse (see the theme attribute).
   */
  .surface {
    max-inline-size: var(--_max-width);
    padding: var(--_surface-padding);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
  }

  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;
