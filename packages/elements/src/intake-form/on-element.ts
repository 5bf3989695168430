/**
 * Hands a function the element it is placed on: the signature pad's canvas. Lit's `ref` does this
 * too, but brings AsyncDirective (about 0.8 KB gzip) to also call back when the element leaves
 * the page, which the pad does not need: it lets go of a canvas when it is given another one, or
 * when its resize observer sees the canvas leave the page. The function is called again only
 * when the element or the function changes; a function replaced hears `undefined` first.
 */
import { nothing } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';

export type ElementCallback = (element?: Element) => void;

class OnElement extends Directive {
  private element: Element | undefined;
  private callback: ElementCallback | undefined;

  render(_callback: ElementCallback): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [callback]: [ElementCallback]): typeof nothing {
    if (callback !== this.callback) {
      this.callback?.(undefined);
      this.callback = callback;
      this.element = undefined;
    }
    if (part.element !== this.element) callback((this.element = part.element));
    return nothing;
  }
}

export const onElement = directive(OnElement);
