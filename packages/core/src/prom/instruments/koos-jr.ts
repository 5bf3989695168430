/**
 * KOOS, JR. (Knee injury and Osteoarthritis Outcome Score for Joint Replacement; Lyman et al.,
 * Clin Orthop Relat Res 2016;474(6):1461-71): seven items of the KOOS (stiffness, pain, daily
 * function), each None 0 to Extreme 4. The raw sum, 0-28, converts by the developers' published
 * interval table to a score from 0 (total knee disability) to 100 (perfect knee health). Every
 * item must be answered: the table is for whole sums of all seven.
 *
 * Terms: Hospital for Special Surgery, https://www.hss.edu/hoos-jr-koos-jr-outcomes-surveys.asp:
 * "These instruments are nonproprietary and free to use. Do not alter the surveys without written
 * permission from their developer, Stephen Lyman, PhD." The items keep the published KOOS item
 * wording; a practice should compare them with the current HSS form before clinical use.
 *
 * MCID 14 points (Lyman et al., Clin Orthop Relat Res 2018;476(12):2432-41, anchor-based, after
 * knee replacement); other populations and anchors give other values.
 */
import type { InstrumentOptions, PromInstrument } from './instrument.js';
import { SEVERITY_OPTIONS } from './severity-options.js';

/** Raw sum 0-28 to interval score, as published by the developers (HSS). */
export const KOOS_JR_TABLE: readonly number[] = [
  100.0, 91.975, 84.6, 79.914, 76.332, 73.342, 70.704, 68.284, 65.994, 63.776, 61.583, 59.381, 57.14, 54.84, 52.465,
  50.012, 47.487, 44.905, 42.281, 39.625, 36.931, 34.174, 31.307, 28.251, 24.875, 20.941, 15.939, 8.291, 0.0,
];

/** The seven items, grouped under the survey's three questions. */
export const KOOS_JR_ITEMS = {
  stiffness: ['How severe is your knee stiffness after first wakening in the morning?'],
  pain: ['Twisting/pivoting on your knee', 'Straightening knee fully', 'Going up or down stairs', 'Standing upright'],
  function: ['Rising from sitting', 'Bending to floor/pick up an object'],
} as const;

export function koosJrInstrument(options: InstrumentOptions = {}): PromInstrument {
  const prefix = options.idPrefix ?? 'koosjr';
  const item = (key: string, label: string) =>
    ({ id: `${prefix}.${key}`, type: 'single-choice', label, options: SEVERITY_OPTIONS, display: 'radio', required: true }) as const;
  const stiffness = [item('s1', KOOS_JR_ITEMS.stiffness[0])];
  const pain = KOOS_JR_ITEMS.pain.map((label, position) => item(`p${position + 1}`, label));
  const daily = KOOS_JR_ITEMS.function.map((label, position) => item(`a${position + 1}`, label));
  return {
    id: 'koos-jr',
    source:
      'KOOS, JR. (Lyman et al. 2016), Hospital for Special Surgery: nonproprietary and free to use, not to be altered. MCID 14 points (Lyman et al. 2018).',
    section: {
      id: prefix,
      type: 'section',
      title: 'KOOS, JR. (knee)',
      items: [
        { id: `${prefix}.intro`, type: 'display', text: 'This survey asks for your view about your knee. Answer every question by ticking the appropriate box, only one box for each question.' },
        { id: `${prefix}.stiffness`, type: 'display', text: 'Stiffness. The following question concerns the amount of joint stiffness you have experienced during the last week in your knee. Stiffness is a sensation of restriction or slowness in the ease with which you move your knee joint.' },
        ...stiffness,
        { id: `${prefix}.pain`, type: 'display', text: 'Pain. What amount of knee pain have you experienced the last week during the following activities?' },
        ...pain,
        { id: `${prefix}.function`, type: 'display', text: 'Function, daily living. The following questions concern your physical function. For each of the following activities please indicate the degree of difficulty you have experienced in the last week due to your knee.' },
        ...daily,
      ],
    },
    scoring: {
      id: 'koos-jr',
      label: 'Knee injury and Osteoarthritis Outcome Score for Joint Replacement',
      shortLabel: 'KOOS JR',
      algorithm: 'pxm:koos-jr@1',
      method: 'sum',
      items: [...stiffness, ...pain, ...daily].map((entry) => entry.id),
      itemRange: { min: 0, max: 4 },
      table: [...KOOS_JR_TABLE],
      scoreRange: { min: 0, max: 100 },
      direction: 'higher-better',
      mcid: 14,
      mcidSource: 'Lyman et al. 2018',
      decimals: 3,
    },
  };
}
