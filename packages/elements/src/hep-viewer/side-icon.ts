/**
 * The side of the body as an icon: two feet seen from above, as the patient looks down at their
 * own feet (left foot on the left, in every writing direction). The worked side is filled and the
 * other outlined, so the icon does not rely on colour; the words beside it say the same.
 */
import { svg, type SVGTemplateResult } from 'lit';
import type { Side } from '@pxm/core/hep';

function foot(cx: number, filled: boolean, mirror: boolean): SVGTemplateResult {
  const toeX = mirror ? cx - 1.2 : cx + 1.2;
  return svg`<g class=${filled ? 'worked' : 'rest'}>
    <ellipse cx=${cx} cy="14.5" rx="3" ry="6"></ellipse>
    <circle cx=${toeX} cy="6" r="1.6"></circle>
  </g>`;
}

export function sideIcon(side: Side): SVGTemplateResult {
  const left = side === 'left' || side === 'both' || side === 'alternating';
  const right = side === 'right' || side === 'both' || side === 'alternating';
  return svg`<svg class="side-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
    ${foot(7.5, left, false)}${foot(16.5, right, true)}
    ${side === 'alternating' ? svg`<path class="swap" d="M9 22.5h6m-1.5-1.5 1.5 1.5-1.5 1.5M10.5 21 9 22.5l1.5 1.5"></path>` : null}
  </svg>`;
}
