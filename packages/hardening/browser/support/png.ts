/**
 * Just enough PNG to compare Chromium's screenshots: 8-bit RGB or RGBA, not interlaced (what
 * Chromium writes), decoded with node:zlib, and a pixel difference with a tolerance.
 */
import { inflateSync } from 'node:zlib';

export interface Image {
  width: number;
  height: number;
  /** RGBA, row by row. */
  pixels: Uint8Array;
}

export function decodePng(file: Buffer): Image {
  if (file.readUInt32BE(0) !== 0x89504e47) throw new Error('Not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const data: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('ascii', offset + 4, offset + 8);
    const chunk = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = chunk.readUInt32BE(0);
      height = chunk.readUInt32BE(4);
      const depth = chunk[8];
      colorType = chunk[9]!;
      if (depth !== 8 || (colorType !== 2 && colorType !== 6) || chunk[12] !== 0) throw new Error(`Unsupported PNG (depth ${depth}, color ${colorType}, interlace ${chunk[12]})`);
    } else if (type === 'IDAT') data.push(chunk);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const channels = colorType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  let previous = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const current = new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? current[x - channels]! : 0;
      const up = previous[x]!;
      const upLeft = x >= channels ? previous[x - channels]! : 0;
      let value = line[x]!;
      if (filter === 1) value += left;
      else if (filter === 2) value += up;
      else if (filter === 3) value += (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        value += pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      current[x] = value & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      out[at] = current[x * channels]!;
      out[at + 1] = current[x * channels + 1]!;
      out[at + 2] = current[x * channels + 2]!;
      out[at + 3] = channels === 4 ? current[x * channels + 3]! : 255;
    }
    previous = current;
  }
  return { width, height, pixels: out };
}

export interface Difference {
  /** Width and height differ by at most `shift` pixels. */
  sameSize: boolean;
  /** Share of pixels (0-1) whose colour differs by more than the per-channel threshold, at the best alignment. */
  ratio: number;
  differing: number;
  /** The offset of the best alignment. */
  dx: number;
  dy: number;
}

function differingAt(a: Image, b: Image, dx: number, dy: number, threshold: number): number {
  const width = Math.min(a.width, b.width - dx, b.width) - Math.max(0, -dx);
  const height = Math.min(a.height, b.height - dy, b.height) - Math.max(0, -dy);
  let differing = Math.abs(a.width * a.height - Math.max(0, width) * Math.max(0, height));
  for (let y = Math.max(0, -dy); y < Math.max(0, -dy) + height; y++) {
    for (let x = Math.max(0, -dx); x < Math.max(0, -dx) + width; x++) {
      const i = (y * a.width + x) * 4;
      const j = ((y + dy) * b.width + (x + dx)) * 4;
      if (
        Math.abs(a.pixels[i]! - b.pixels[j]!) > threshold ||
        Math.abs(a.pixels[i + 1]! - b.pixels[j + 1]!) > threshold ||
        Math.abs(a.pixels[i + 2]! - b.pixels[j + 2]!) > threshold
      )
        differing += 1;
    }
  }
  return differing;
}

/**
 * Compares two screenshots of the same element. A channel difference up to `threshold` (of 255) is
 * anti-aliasing noise; the element may sit up to `shift` pixels elsewhere (sub-pixel placement of
 * the host box), so the best alignment within that is taken.
 */
export function compareImages(a: Image, b: Image, { threshold = 24, shift = 2 } = {}): Difference {
  const sameSize = Math.abs(a.width - b.width) <= shift && Math.abs(a.height - b.height) <= shift;
  if (!sameSize) return { sameSize, ratio: 1, differing: a.width * a.height, dx: 0, dy: 0 };
  let best = { differing: Infinity, dx: 0, dy: 0 };
  for (let dy = -shift; dy <= shift; dy++) {
    for (let dx = -shift; dx <= shift; dx++) {
      const differing = differingAt(a, b, dx, dy, threshold);
      if (differing < best.differing) best = { differing, dx, dy };
      if (differing === 0) return { sameSize, ratio: 0, differing: 0, dx, dy };
    }
  }
  return { sameSize, ratio: best.differing / (a.width * a.height), ...best };
}
