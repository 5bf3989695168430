/**
 * HOOS, JR. (Hip disability and Osteoarthritis Outcome Score for Joint Replacement; Lyman et al.,
 * Clin Orthop Relat Res 2016;474(6):1472-82): six items of the HOOS (pain, daily function), each
 * None 0 to Extreme 4. The raw sum, 0-24, converts by the developers' published interval table
 * to a score from 0 (total hip disability) to 100 (perfect hip health). Every item must be
 * answered: the table is for whole sums of all six.
 *
 * Terms: Hospital for Special Surgery, https://www.hss.edu/hoos-jr-koos-jr-outcomes-surveys.asp:
 * "These instruments are nonproprietary and free to use. Do not alter the surveys without written
 * permission from their developer, Stephen Lyman, PhD." The items keep the published HOOS item
 * wording; a practice should compare them with the current HSS form before clinical use.
 *
 * MCID 18 points (Lyman et al., Clin Orthop Relat Res 2018;476(12):2432-41, anchor-based, after
 * hip replacement); other populations and anchors give other values.
 */
import type { InstrumentOptions, PromInstrument } from './instrument.js';
import { SEVERITY_OPTIONS } from './severity-options.js';

/** Raw sum 0-24 to interval score, as published by the developers (HSS). */
export const HOOS_JR_TABLE: readonly number[] = [
  100.0, 92.34, 85.257, 80.55, 76.776, 73.472, 70.426, 67.516, 64.664, 61.815, 58.93, 55.985, 52.965, 49.858, 46.652,
  43.335, 39.902, 36.363, 32.735, 29.009, 25.103, 20.805, 15.633, 8.104, 0.0,
];

/** The six items, grouped under the survey's two questions. */
export const HOOS_JR_ITEMS = {
  pain: ['Going up or down stairs', 'Walking on an uneven surface'],
  function: ['Rising from sitting', 'Bending to floor/pick up an object', 'Lying in bed (turning over, maintaining hip position)', 'Sitting'],
} as const;

export function hoosJrInstrument(options: InstrumentOptions = {}): PromInstrument {
  const prefix = options.idPrefix ?? 'hoosjr';
  const item = (key: string, label: string) =>
    ({ id: `${prefix}.${key}`, type: 'single-choice', label, options: SEVERITY_OPTIONS, display: 'radio', required: true }) as const;
  const pain = HOOS_JR_ITEMS.pain.map((label, position) => item(`p${position + 1}`, label));
  const daily = HOOS_JR_ITEMS.function.map((label, position) => item(`a${position + 1}`, label));
  return {
    id: 'hoos-jr',
    source:
      'HOOS, JR. (Lyman et al. 2016), Hospital for Special Surgery: nonproprietary and free to use, not to be altered. MCID 18 points (Lyman et al. 2018).',
    section: {
      id: prefix,
      type: 'section',
      title: 'HOOS, JR. (hip)',
      items: [
        { id: `${prefix}.intro`, type: 'display', text: 'This survey asks for your view about your hip. Answer every question by ticking the appropriate box, only one box for each question.' },
        { id: `${prefix}.pain`, type: 'display', text: 'Pain. What amount of hip pain have you experienced the last week during the following activities?' },
        ...pain,
        { id: `${prefix}.function`, type: 'display', text: 'Function, daily living. The following questions concern your physical function. For each of the following activities please indicate the degree of difficulty you have experienced in the last week due to your hip.' },
        ...daily,
      ],
    },
    scoring: {
      id: 'hoos-jr',
      label: 'Hip disability and Osteoarthritis Outcome Score for Joint Replacement',
      shortLabel: 'HOOS JR',
      algorithm: 'pxm:hoos-jr@1',
      method: 'sum',
      items: [...pain, ...daily].map((entry) => entry.id),
      itemRange: { min: 0, max: 4 },
      table: [...HOOS_JR_TABLE],
      scoreRange: { min: 0, max: 100 },
      direction: 'higher-better',
      mcid: 18,
      mcidSource: 'Lyman et al. 2018',
      decimals: 3,
    },
  };
}
