/**
 * Two light SVG charts, drawn with plain shapes and no library. They are pictures only
 * (`aria-hidden`): each has an equivalent table beside it, which is what screen readers read.
 */
import { svg, type SVGTemplateResult } from 'lit';

export interface Bar {
  label: string;
  /** 0-1, or null for a week with nothing due. */
  value: number | null;
}

const WIDTH = 320;
const HEIGHT = 160;
const PAD = { top: 12, right: 8, bottom: 28, left: 34 };

function yAxis(ticks: Array<{ value: number; label: string }>, max: number): SVGTemplateResult {
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  return svg`${ticks.map(({ value, label }) => {
    const y = PAD.top + plotHeight * (1 - value / max);
    return svg`<line class="grid" x1=${PAD.left} x2=${WIDTH - PAD.right} y1=${y} y2=${y}></line>
      <text class="tick" x=${PAD.left - 6} y=${y + 4} text-anchor="end">${label}</text>`;
  })}`;
}

/** Vertical bars, one per week, 0-100 %. */
export function barChart(bars: Bar[], tickLabels: string[]): SVGTemplateResult {
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(1, bars.length);
  const barWidth = Math.min(28, slot * 0.7);
  const labelEvery = Math.ceil(bars.length / 6);
  return svg`<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="presentation" aria-hidden="true" focusable="false">
    ${yAxis([0, 0.5, 1].map((value, i) => ({ value, label: tickLabels[i]! })), 1)}
    ${bars.map((bar, index) => {
      const x = PAD.left + slot * index + (slot - barWidth) / 2;
      const height = bar.value === null ? 0 : Math.max(1, plotHeight * bar.value);
      const showLabel = index % labelEvery === 0 || index === bars.length - 1;
      return svg`${bar.value === null
        ? svg`<line class="empty" x1=${x} x2=${x + barWidth} y1=${PAD.top + plotHeight} y2=${PAD.top + plotHeight}></line>`
        : svg`<rect class="bar" x=${x} y=${PAD.top + plotHeight - height} width=${barWidth} height=${height} rx="2"></rect>`}
        ${showLabel ? svg`<text class="tick" x=${x + barWidth / 2} y=${HEIGHT - 10} text-anchor="middle">${bar.label}</text>` : null}`;
    })}
  </svg>`;
}

export interface Point {
  /** Position on the time axis, 0 = first day. */
  index: number;
  value: number;
}

/** A line over `days` days, values 0-10. */
export function lineChart(points: Point[], days: number, xLabels: Array<{ index: number; label: string }>): SVGTemplateResult {
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) => PAD.left + (plotWidth * index) / Math.max(1, days - 1);
  const y = (value: number) => PAD.top + plotHeight * (1 - value / 10);
  const path = points.map((point) => `${x(point.index).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ');
  return svg`<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="presentation" aria-hidden="true" focusable="false">
    ${yAxis([0, 5, 10].map((value) => ({ value, label: String(value) })), 10)}
    ${points.length > 1 ? svg`<polyline class="line" points=${path}></polyline>` : null}
    ${points.map((point) => svg`<circle class="dot" cx=${x(point.index)} cy=${y(point.value)} r="3"></circle>`)}
    ${xLabels.map(({ index, label }) => {
      // Labels at the ends align inwards so they are never cut off.
      const anchor = index === 0 ? 'start' : index >= days - 1 - days / 10 ? 'end' : 'middle';
      return svg`<text class="tick" x=${x(index)} y=${HEIGHT - 10} text-anchor=${anchor}>${label}</text>`;
    })}
  </svg>`;
}
