import type { SignatureStroke, StrokeBox, StrokePoint } from '@pxm/core/signing';

/** Strokes live in this box whatever the canvas size, so a rotation or resize redraws them exactly. */
export const SIGNATURE_BOX: StrokeBox = { width: 600, height: 200 };

/**
 * Drawing on a canvas with finger, pen or mouse (Pointer Events). Keeps the strokes as vectors
 * in `SIGNATURE_BOX` and repaints them whenever the canvas changes size. Not an element: the
 * intake form attaches it to its canvas with `onElement`.
 */
export class SignatureCanvas {
  strokes: StrokePoint[][] = [];
  private canvas: HTMLCanvasElement | undefined;
  private current: StrokePoint[] | undefined;
  // A canvas taken out of the page reports a size of nothing: that is when the pad lets go of it.
  private readonly resize = typeof ResizeObserver === 'function' ? new ResizeObserver(() => (this.canvas?.isConnected ? this.repaint() : this.detach())) : undefined;

  constructor(private readonly onChange: (strokes: readonly SignatureStroke[]) => void) {}

  /**
   * For `onElement`: called with the canvas when rendered. A new canvas replaces the old one; a
   * canvas that leaves the page is let go when the resize observer reports it.
   */
  readonly attach = (element?: Element) => {
    if (element === this.canvas) return;
    this.detach();
    if (!(element instanceof HTMLCanvasElement)) return;
    this.canvas = element;
    element.addEventListener('pointerdown', this.down);
    element.addEventListener('pointermove', this.move);
    element.addEventListener('pointerup', this.up);
    element.addEventListener('pointercancel', this.up);
    this.resize?.observe(element);
    this.repaint();
  };

  clear(): void {
    this.strokes = [];
    this.current = undefined;
    this.repaint();
    this.onChange(this.strokes);
  }

  get isEmpty(): boolean {
    return this.strokes.every((stroke) => stroke.length === 0);
  }

  private detach(): void {
    const canvas = this.canvas;
    if (!canvas) return;
    canvas.removeEventListener('pointerdown', this.down);
    canvas.removeEventListener('pointermove', this.move);
    canvas.removeEventListener('pointerup', this.up);
    canvas.removeEventListener('pointercancel', this.up);
    this.resize?.unobserve(canvas);
    this.canvas = undefined;
  }

  private point(event: PointerEvent): StrokePoint {
    const rect = this.canvas!.getBoundingClientRect();
    const x = ((event.clientX - rect.left) / Math.max(rect.width, 1)) * SIGNATURE_BOX.width;
    const y = ((event.clientY - rect.top) / Math.max(rect.height, 1)) * SIGNATURE_BOX.height;
    return { x: Math.min(Math.max(x, 0), SIGNATURE_BOX.width), y: Math.min(Math.max(y, 0), SIGNATURE_BOX.height) };
  }

  private readonly down = (event: PointerEvent) => {
    if (event.button !== 0 && event.pointerType === 'mouse') return;
    event.preventDefault();
    this.canvas!.setPointerCapture?.(event.pointerId);
    this.current = [this.point(event)];
    this.strokes.push(this.current);
    this.repaint();
  };

  private readonly move = (event: PointerEvent) => {
    if (!this.current) return;
    event.preventDefault();
    // Coalesced events give the full resolution of a fast pen stroke.
    const events = typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [];
    for (const each of events.length > 0 ? events : [event]) this.current.push(this.point(each));
    this.repaint();
  };

  private readonly up = () => {
    if (!this.current) return;
    this.current = undefined;
    this.onChange(this.strokes);
  };

  private repaint(): void {
    const canvas = this.canvas;
    if (!canvas) return;
    const ratio = globalThis.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
    const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    const context = canvas.getContext('2d');
    if (!context) return;
    context.clearRect(0, 0, width, height);
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.lineWidth = 2.5 * (width / SIGNATURE_BOX.width);
    context.strokeStyle = getComputedStyle(canvas).color || '#000';
    const sx = width / SIGNATURE_BOX.width;
    const sy = height / SIGNATURE_BOX.height;
    for (const stroke of this.strokes) {
      if (stroke.length === 0) continue;
      context.beginPath();
      context.moveTo(stroke[0]!.x * sx, stroke[0]!.y * sy);
      if (stroke.length === 1) context.lineTo(stroke[0]!.x * sx + 0.5, stroke[0]!.y * sy);
      for (const point of stroke.slice(1)) context.lineTo(point.x * sx, point.y * sy);
      context.stroke();
    }
  }
}
