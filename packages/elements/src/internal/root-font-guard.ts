import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * Keeps a page's shrunken root font size from shrinking an element.
 *
 * Sizes inside the elements are in rem, so they follow the text size the visitor chose in the
 * browser. Some site themes set `html { font-size: 62.5% }` (or `10px`) for easy rem arithmetic
 * of their own; inherited as is, that would cut the elements' text and 44 px targets to 62.5%.
 * When the root is smaller than the visitor's default size (`medium`) and the page has not set
 * `--pxm-font-size`, the host is zoomed back up by the ratio. A larger root is left alone:
 * bigger text never hurts, and a page that wants it gets it.
 *
 * Zoom rather than rewriting every size: it scales the whole element, rem and px alike, so a
 * 1px border draws at 1.6px on such a page, as it would under the browser's own zoom. The zoom is
 * set `!important` inline, so a page's `* { all: unset !important }` cannot take it away, and a
 * root size the page changes later (a theme script, a font-size switcher) is followed: a 1rem
 * probe in the shadow root changes size with the root, and a ResizeObserver measures again.
 */
export class RootFontGuard implements ReactiveController {
  /** Whether the sizes could be read since the element connected. */
  private measured = false;
  /** The root font size the zoom was worked out for. */
  private measuredRootSize = 0;
  private observer: ResizeObserver | undefined;
  private probe: HTMLElement | undefined;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    this.remeasure();
    this.watchRootSize();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  private remeasure(): void {
    this.host.style.removeProperty('zoom');
    this.host.style.removeProperty('--_zoom');
    this.measured = false;
    this.measure();
  }

  private watchRootSize(): void {
    if (typeof ResizeObserver === 'undefined' || this.observer) return;
    if (!this.probe) {
      // Built with DOM calls (no markup, no style attribute): strict-CSP safe.
      this.probe = document.createElement('span');
      this.probe.setAttribute('aria-hidden', 'true');
      Object.assign(this.probe.style, { position: 'absolute', inlineSize: '1rem', blockSize: '0', overflow: 'hidden', visibility: 'hidden', pointerEvents: 'none' });
    }
    if (this.probe.parentNode !== this.host.renderRoot) this.host.renderRoot.appendChild(this.probe);
    this.observer = new ResizeObserver(() => {
      // Outside the observer's callback: zooming inside it would resize what it observes again
      // in the same frame, and the browser reports that loop as an error on the page.
      requestAnimationFrame(() => {
        const rootSize = parseFloat(getComputedStyle(document.documentElement).fontSize);
        if (this.measured && rootSize !== this.measuredRootSize) this.remeasure();
      });
    });
    this.observer.observe(this.probe);
  }

  // An element not yet in the flat tree (inside a <pxm-provider> that has not rendered its slot)
  // has no computed sizes; it is measured after its next update instead.
  hostUpdated(): void {
    if (!this.measured) this.measure();
  }

  private measure(): void {
    const rootSize = parseFloat(getComputedStyle(document.documentElement).fontSize);
    const hostSize = parseFloat(getComputedStyle(this.host).fontSize);
    const defaultSize = this.defaultFontSize();
    if (![rootSize, hostSize, defaultSize].every((size) => Number.isFinite(size) && size > 0)) return;
    this.measured = true;
    this.measuredRootSize = rootSize;
    // A page that sized the elements itself (--pxm-font-size) keeps its size.
    if (Math.abs(hostSize - rootSize) > 0.01) return;
    const ratio = defaultSize / rootSize;
    if (ratio <= 1.01) return;
    // Zoom scales viewport units as well; host styles divide them by --_zoom (see --_vw).
    this.host.style.setProperty('zoom', ratio.toFixed(4), 'important');
    this.host.style.setProperty('--_zoom', ratio.toFixed(4), 'important');
  }

  /** The visitor's default text size: what `font-size: medium` resolves to. */
  private defaultFontSize(): number {
    const probe = document.createElement('span');
    probe.style.fontSize = 'medium';
    this.host.renderRoot.appendChild(probe);
    const size = parseFloat(getComputedStyle(probe).fontSize);
    probe.remove();
    return size;
  }
}
