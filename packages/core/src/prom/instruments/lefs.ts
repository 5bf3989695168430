/**
 * Lower Extremity Functional Scale (LEFS; Binkley et al., Physical Therapy 1999): twenty
 * activities rated 0 (extreme difficulty or unable) to 4 (no difficulty); the score is the sum,
 * 0-80, higher is better. Free to use. MCID 9 points (Binkley et al. 1999).
 *
 * The published instrument gives no proration rule, so by default every item must be answered;
 * `allowMissing` opts into prorating (sum x 20 / answered) with up to that many items missing.
 */
import type { ChoiceOption } from '../../schemas/intake.js';
import type { InstrumentOptions, PromInstrument } from './instrument.js';

export const LEFS_ACTIVITIES = [
  'Any of your usual work, housework or school activities',
  'Your usual hobbies, recreational or sporting activities',
  'Getting into or out of the bath',
  'Walking between rooms',
  'Putting on your shoes or socks',
  'Squatting',
  'Lifting an object, like a bag of groceries, from the floor',
  'Performing light activities around your home',
  'Performing heavy activities around your home',
  'Getting into or out of a car',
  'Walking 2 blocks',
  'Walking a mile',
  'Going up or down 10 stairs (about 1 flight of stairs)',
  'Standing for 1 hour',
  'Sitting for 1 hour',
  'Running on even ground',
  'Running on uneven ground',
  'Making sharp turns while running fast',
  'Hopping',
  'Rolling over in bed',
] as const;

export const LEFS_OPTIONS: ChoiceOption[] = [
  { value: '0', label: 'Extreme difficulty or unable to perform activity', score: 0 },
  { value: '1', label: 'Quite a bit of difficulty', score: 1 },
  { value: '2', label: 'Moderate difficulty', score: 2 },
  { value: '3', label: 'A little bit of difficulty', score: 3 },
  { value: '4', label: 'No difficulty', score: 4 },
];

export interface LefsOptions extends InstrumentOptions {
  /** Items that may be left blank, prorated; default 0 (all twenty required for a score). */
  allowMissing?: number;
}

export function lefsInstrument(options: LefsOptions = {}): PromInstrument {
  const prefix = options.idPrefix ?? 'lefs';
  const allowMissing = Math.max(0, Math.min(19, Math.trunc(options.allowMissing ?? 0)));
  const ids = LEFS_ACTIVITIES.map((_, position) => `${prefix}.${position + 1}`);
  return {
    id: 'lefs',
    source: 'LEFS (Binkley et al. 1999); free to use. MCID 9 points (Binkley et al. 1999).',
    section: {
      id: prefix,
      type: 'section',
      title: 'Lower Extremity Functional Scale',
      items: [
        {
          id: `${prefix}.intro`,
          type: 'display',
          text: 'We are interested in knowing whether you are having any difficulty at all with the activities listed below because of your lower limb problem. Today, do you or would you have any difficulty at all with:',
        },
        ...LEFS_ACTIVITIES.map((label, position) => ({
          id: ids[position]!,
          type: 'single-choice' as const,
          label,
          options: LEFS_OPTIONS,
          display: 'radio' as const,
          required: allowMissing === 0,
        })),
      ],
    },
    scoring: {
      id: 'lefs',
      label: 'Lower Extremity Functional Scale',
      shortLabel: 'LEFS',
      algorithm: allowMissing === 0 ? 'pxm:lefs@1' : `pxm:lefs-prorated-${allowMissing}@1`,
      method: 'sum',
      items: ids,
      minAnswered: 20 - allowMissing,
      missing: 'prorate',
      itemRange: { min: 0, max: 4 },
      scoreRange: { min: 0, max: 80 },
      direction: 'higher-better',
      mcid: 9,
      mcidSource: 'Binkley et al. 1999',
      decimals: 0,
    },
  };
}
