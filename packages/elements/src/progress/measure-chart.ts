/**
 * One measure's scores over time as a small SVG picture: plain shapes, no chart library. The
 * band is the measure's minimal clinically important difference either side of the first score
 * (changes inside it are too small to notice). The picture is `aria-hidden`: a table beside it
 * holds the same numbers, and that is what screen readers read.
 */
import { svg, type SVGTemplateResult } from 'lit';

export interface ChartPoint {
  /** Milliseconds since the epoch: the time axis is real time, so uneven gaps look uneven. */
  time: number;
  score: number;
}

export interface ChartInput {
  points: readonly ChartPoint[];
  range: { min: number; max: number };
  mcid: number;
  /** Labels of the first and last points' dates, already formatted in the episode's zone. */
  firstLabel: string;
  lastLabel: string;
  formatScore(score: number): string;
}

const WIDTH = 320;
const HEIGHT = 168;
const PAD = { top: 12, right: 12, bottom: 28, left: 36 };

export function measureChart(input: ChartInput): SVGTemplateResult {
  const { points, range, mcid } = input;
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const span = Math.max(1e-9, range.max - range.min);
  const clamp = (score: number) => Math.min(range.max, Math.max(range.min, score));
  const y = (score: number) => PAD.top + plotHeight * (1 - (clamp(score) - range.min) / span);
  const first = points[0]?.time ?? 0;
  const last = points.at(-1)?.time ?? first;
  // One point (or all on one day) sits in the middle rather than on the axis.
  const x = (time: number) => (last === first ? PAD.left + plotWidth / 2 : PAD.left + (plotWidth * (time - first)) / (last - first));
  const baseline = points[0]?.score;
  const line = points.map((point) => `${x(point.time).toFixed(1)},${y(point.score).toFixed(1)}`).join(' ');
  const ticks = [range.min, (range.min + range.max) / 2, range.max];
  return svg`<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="presentation" aria-hidden="true" focusable="false">
    ${ticks.map(
      (tick) => svg`<line class="grid" x1=${PAD.left} x2=${WIDTH - PAD.right} y1=${y(tick)} y2=${y(tick)}></line>
        <text class="tick" x=${PAD.left - 6} y=${y(tick) + 4} text-anchor="end">${input.formatScore(tick)}</text>`,
    )}
    ${baseline === undefined
      ? null
      : svg`<rect class="band" x=${PAD.left} width=${plotWidth} y=${y(baseline + mcid)} height=${Math.max(0, y(baseline - mcid) - y(baseline + mcid))}></rect>
        <line class="baseline" x1=${PAD.left} x2=${WIDTH - PAD.right} y1=${y(baseline)} y2=${y(baseline)}></line>`}
    ${points.length > 1 ? svg`<polyline class="line" points=${line}></polyline>` : null}
    ${points.map((point) => svg`<circle class="dot" cx=${x(point.time)} cy=${y(point.score)} r="4"></circle>`)}
    ${points.length > 0 ? svg`<text class="tick" x=${PAD.left} y=${HEIGHT - 8} text-anchor="start">${input.firstLabel}</text>` : null}
    ${points.length > 1 ? svg`<text class="tick" x=${WIDTH - PAD.right} y=${HEIGHT - 8} text-anchor="end">${input.lastLabel}</text>` : null}
  </svg>`;
}
