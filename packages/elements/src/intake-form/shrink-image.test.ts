import { expect } from '@open-wc/testing';
import { MAX_IMAGE_SIDE, TARGET_IMAGE_BYTES, UnreadableImageError, shrinkImage } from './shrink-image.js';

async function image(width: number, height: number, type: 'image/png' | 'image/jpeg', paint: (context: CanvasRenderingContext2D) => void): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  paint(canvas.getContext('2d')!);
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob!), type, 0.95));
}

async function pixel(blob: Blob, x: number, y: number): Promise<number[]> {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return [...context.getImageData(x, y, 1, 1).data];
}

describe('shrinkImage', () => {
  it('scales a tall photo so its longest side is 1600 px, as JPEG', async () => {
    const noisy = await image(1200, 3000, 'image/png', (context) => {
      for (let y = 0; y < 3000; y += 20) {
        context.fillStyle = `hsl(${y % 360} 70% 50%)`;
        context.fillRect(0, y, 1200, 20);
      }
    });
    const { blob, width, height } = await shrinkImage(noisy);
    expect([width, height]).to.deep.equal([640, MAX_IMAGE_SIDE]);
    expect(blob.type).to.equal('image/jpeg');
    expect(blob.size).to.be.at.most(TARGET_IMAGE_BYTES);
    const decoded = await createImageBitmap(blob);
    expect([decoded.width, decoded.height]).to.deep.equal([640, 1600]);
  });

  it('never enlarges a small photo', async () => {
    const small = await image(800, 600, 'image/jpeg', (context) => context.fillRect(0, 0, 800, 600));
    const { width, height } = await shrinkImage(small);
    expect([width, height]).to.deep.equal([800, 600]);
  });

  it('puts a transparent picture on white, not black', async () => {
    const transparent = await image(100, 100, 'image/png', (context) => {
      context.fillStyle = '#000';
      context.fillRect(60, 60, 40, 40);
    });
    const [r, g, b] = await pixel((await shrinkImage(transparent)).blob, 10, 10);
    expect(Math.min(r!, g!, b!)).to.be.above(240);
  });

  it('refuses what is not an image', async () => {
    let error: unknown;
    try {
      await shrinkImage(new Blob(['%PDF-1.4 not a picture'], { type: 'application/pdf' }));
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(UnreadableImageError);
  });
});
