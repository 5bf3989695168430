/**
 * The paper copy of the whole program: its code and style sheet load on demand (a lazy part),
 * it renders only while the page prints (the print button, or the browser's own Ctrl+P once the
 * part is there), and the dialog opens once its pictures have loaded.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LazyPart } from '../controllers/lazy-part.js';

const importPrint = () => import('./hep-extras.js');

export class PrintCopy implements ReactiveController {
  readonly part: LazyPart<Awaited<ReturnType<typeof importPrint>>>;
  /** The page is printing: the copy is in the document. */
  printing = false;

  constructor(private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment }) {
    host.addController(this);
    this.part = new LazyPart(host, importPrint);
  }

  hostConnected(): void {
    globalThis.addEventListener?.('beforeprint', this.onBeforePrint);
    globalThis.addEventListener?.('afterprint', this.onAfterPrint);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener?.('beforeprint', this.onBeforePrint);
    globalThis.removeEventListener?.('afterprint', this.onAfterPrint);
  }

  /** Fetches the copy's code ahead of a print (when the page is idle). */
  preload(): void {
    this.part.load().catch(() => undefined);
  }

  /** Renders the copy, waits for its pictures, and opens the browser's print dialog. */
  async print(): Promise<void> {
    const module = await this.part.load().catch(() => undefined);
    this.setPrinting(true);
    await this.host.updateComplete;
    await module?.picturesLoaded(this.host.renderRoot);
    globalThis.print?.();
  }

  private setPrinting(printing: boolean): void {
    this.printing = printing;
    this.host.requestUpdate();
  }

  private readonly onBeforePrint = () => {
    if (this.part.module) this.setPrinting(true);
  };

  private readonly onAfterPrint = () => this.setPrinting(false);
}
