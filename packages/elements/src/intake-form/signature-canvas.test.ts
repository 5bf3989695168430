import { expect } from '@open-wc/testing';
import { SignatureCanvas } from './signature-canvas.js';

/** Two frames: enough for the resize observer to have reported. */
const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

function stroke(canvas: HTMLCanvasElement): void {
  const at = { clientX: 10, clientY: 10, pointerId: 1, pointerType: 'pen', button: 0, bubbles: true };
  canvas.dispatchEvent(new PointerEvent('pointerdown', at));
  canvas.dispatchEvent(new PointerEvent('pointerup', at));
}

function canvasInPage(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.style.cssText = 'width: 300px; height: 100px';
  document.body.append(canvas);
  return canvas;
}

describe('SignatureCanvas', () => {
  it('draws on the canvas it is attached to', async () => {
    const pad = new SignatureCanvas(() => undefined);
    const canvas = canvasInPage();
    pad.attach(canvas);
    stroke(canvas);
    expect(pad.strokes).to.have.length(1);
    canvas.remove();
  });

  it('lets go of a canvas taken out of the page', async () => {
    const changes: number[] = [];
    const pad = new SignatureCanvas((strokes) => changes.push(strokes.length));
    const canvas = canvasInPage();
    pad.attach(canvas);
    await frames();
    canvas.remove();
    await frames();
    stroke(canvas);
    expect(pad.strokes, 'no stroke from a removed canvas').to.have.length(0);
    expect(changes).to.deep.equal([]);
  });

  it('moves to a new canvas and lets go of the old one', async () => {
    const pad = new SignatureCanvas(() => undefined);
    const first = canvasInPage();
    const second = canvasInPage();
    pad.attach(first);
    pad.attach(second);
    stroke(first);
    expect(pad.strokes).to.have.length(0);
    stroke(second);
    expect(pad.strokes).to.have.length(1);
    first.remove();
    second.remove();
  });
});
