/**
 * Drawn signatures as vectors: strokes of points in a fixed box, written as a small standalone
 * SVG (one path per stroke) that renders the same at any width, and read back as path data for
 * display. Only this module's own output is read back, so parsing stays strict.
 */
export interface StrokePoint {
  x: number;
  y: number;
}

export type SignatureStroke = readonly StrokePoint[];

export interface StrokeBox {
  width: number;
  height: number;
}

/** Upper bound on points kept, so a scribble cannot outgrow the record's size limit. */
const MAX_POINTS = 8_000;

const round = (value: number) => Math.round(value * 10) / 10;

/** Path data for one stroke; a single point becomes a dot. */
export function strokePath(stroke: SignatureStroke): string {
  if (stroke.length === 0) return '';
  const [first, ...rest] = stroke;
  const start = `M${round(first!.x)} ${round(first!.y)}`;
  if (rest.length === 0) return `${start}l0.1 0`;
  return `${start}${rest.map((point) => `L${round(point.x)} ${round(point.y)}`).join('')}`;
}

function thin(strokes: readonly SignatureStroke[]): SignatureStroke[] {
  const total = strokes.reduce((sum, stroke) => sum + stroke.length, 0);
  if (total <= MAX_POINTS) return [...strokes];
  const keepEvery = Math.ceil(total / MAX_POINTS);
  return strokes.map((stroke) => stroke.filter((_, index) => index % keepEvery === 0 || index === stroke.length - 1));
}

export function strokesToSvg(strokes: readonly SignatureStroke[], box: StrokeBox): string {
  const paths = thin(strokes)
    .map(strokePath)
    .filter(Boolean)
    .map((d) => `<path d="${d}"/>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${round(box.width)} ${round(box.height)}" width="${round(box.width)}" height="${round(box.height)}">` +
    `<g fill="none" stroke="#000" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round">${paths}</g></svg>`
  );
}

const PATH = /<path d="([MLl0-9 .-]+)"\/>/g;
const VIEW_BOX = /viewBox="0 0 ([0-9.]+) ([0-9.]+)"/;

/** The box and path data of an SVG made by `strokesToSvg`; undefined for anything else. */
export function readSignatureSvg(svg: string): { box: StrokeBox; paths: string[] } | undefined {
  const box = VIEW_BOX.exec(svg);
  if (!box) return undefined;
  const paths = [...svg.matchAll(PATH)].map((match) => match[1]!);
  return { box: { width: Number(box[1]), height: Number(box[2]) }, paths };
}
