import type { CSSResult, ReactiveController, ReactiveControllerHost } from 'lit';

/** A lazily loaded part's module exposes the style sheets its views need. */
export interface PartModule {
  readonly styles?: CSSResult | readonly CSSResult[];
}

type PartState = 'idle' | 'loading' | 'ready' | 'failed';

/** Each part's module is fetched once per page, whichever element asks first. */
const modules = new WeakMap<() => Promise<unknown>, Promise<unknown>>();

/**
 * A part of an element loaded on demand (a dynamic `import()`): later booking steps, signing,
 * charts. `load()` starts it (call it from an event handler, `connectedCallback` or `updated`,
 * never from `render()`); once there, its style sheets are adopted into the element's shadow
 * root (constructable sheets: strict-CSP safe) and the element renders again. A failed download
 * (offline, a deploy that replaced the chunk) is a state the element shows, and `load()` tries again.
 */
export class LazyPart<M extends PartModule> implements ReactiveController {
  state: PartState = 'idle';
  module: M | undefined;
  private pending: Promise<M> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly importer: () => Promise<M>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Reconnected into another shadow root (or after a failed first try): adopt again.
    if (this.module) this.adopt(this.module);
  }

  /** Starts loading (once); resolves with the module. */
  load(): Promise<M> {
    if (this.module) return Promise.resolve(this.module);
    this.pending ??= this.fetch();
    return this.pending;
  }

  private async fetch(): Promise<M> {
    this.state = 'loading';
    this.host.requestUpdate();
    let shared = modules.get(this.importer) as Promise<M> | undefined;
    if (!shared) {
      shared = this.importer();
      modules.set(this.importer, shared);
    }
    try {
      const module = await shared;
      this.module = module;
      this.state = 'ready';
      this.adopt(module);
      return module;
    } catch (error) {
      // A failed chunk download may succeed later: the next load() fetches again.
      modules.delete(this.importer);
      this.pending = undefined;
      this.state = 'failed';
      throw error;
    } finally {
      this.host.requestUpdate();
    }
  }

  private adopt(module: M): void {
    const root = this.host.renderRoot;
    if (!(typeof ShadowRoot !== 'undefined' && root instanceof ShadowRoot) || !module.styles) return;
    const sheets = [module.styles]
      .flat()
      .map((style) => style.styleSheet)
      .filter((sheet): sheet is CSSStyleSheet => sheet !== undefined && !root.adoptedStyleSheets.includes(sheet));
    if (sheets.length) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
  }
}
