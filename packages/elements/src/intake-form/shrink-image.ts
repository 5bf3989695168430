/**
 * Prepares a card photo on the device before upload: decoded with its orientation applied,
 * scaled so the longest side is at most 1600 px, flattened on white and re-encoded as JPEG.
 * Re-encoding through a canvas writes pixels only, so EXIF (location, camera, time) is gone.
 * The quality steps down until the file is at most 500 KB.
 */
export const MAX_IMAGE_SIDE = 1600;
export const TARGET_IMAGE_BYTES = 500 * 1024;
const QUALITIES = [0.85, 0.75, 0.65, 0.5];

export class UnreadableImageError extends Error {
  override readonly name = 'UnreadableImageError';
}

export interface ShrunkImage {
  blob: Blob;
  width: number;
  height: number;
}

async function decode(file: Blob): Promise<{ source: CanvasImageSource; width: number; height: number; close(): void }> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
      return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
    } catch {
      // Fall through to an <img>, which some browsers decode more formats with.
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return { source: image, width: image.naturalWidth, height: image.naturalHeight, close: () => URL.revokeObjectURL(url) };
  } catch {
    URL.revokeObjectURL(url);
    throw new UnreadableImageError('The image could not be decoded.');
  }
}

function encode(canvas: HTMLCanvasElement | OffscreenCanvas, quality: number): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type: 'image/jpeg', quality });
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new UnreadableImageError('The image could not be encoded.'))), 'image/jpeg', quality),
  );
}

export async function shrinkImage(file: Blob, maxSide = MAX_IMAGE_SIDE): Promise<ShrunkImage> {
  const image = await decode(file);
  try {
    if (!image.width || !image.height) throw new UnreadableImageError('The image is empty.');
    const scale = Math.min(1, maxSide / Math.max(image.width, image.height));
    const width = Math.max(1, Math.round(image.width * scale));
    const height = Math.max(1, Math.round(image.height * scale));
    const canvas: HTMLCanvasElement | OffscreenCanvas =
      typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height) : Object.assign(document.createElement('canvas'), { width, height });
    const context = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
    if (!context) throw new UnreadableImageError('No 2D canvas.');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.imageSmoothingQuality = 'high';
    context.drawImage(image.source, 0, 0, width, height);
    let blob = await encode(canvas, QUALITIES[0]!);
    for (const quality of QUALITIES.slice(1)) {
      if (blob.size <= TARGET_IMAGE_BYTES) break;
      blob = await encode(canvas, quality);
    }
    return { blob, width, height };
  } finally {
    image.close();
  }
}
