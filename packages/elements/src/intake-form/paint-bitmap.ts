import { noChange } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';

/**
 * Draws a bitmap on the canvas it is bound to, once per canvas and bitmap (a canvas Lit renders
 * again is painted again). A plain directive, not Lit's `ref`: `ref` brings Lit's async directive
 * code (about 0.8 KB gzip) to also hear when the canvas leaves the page, which painting does not need.
 */
class PaintBitmap extends Directive {
  private painted?: ImageBitmap;

  render(_bitmap: ImageBitmap): unknown {
    return noChange;
  }

  override update(part: ElementPart, [bitmap]: [ImageBitmap]): unknown {
    if (bitmap !== this.painted && part.element instanceof HTMLCanvasElement) {
      this.painted = bitmap;
      part.element.getContext('2d')?.drawImage(bitmap, 0, 0);
    }
    return noChange;
  }
}

export const paintBitmap = directive(PaintBitmap);
