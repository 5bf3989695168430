/**
 * Patient-Specific Functional Scale (PSFS; Stratford et al., Physiotherapy Canada 1995): the
 * patient names up to five activities they find hard and rates each from 0 (unable to perform)
 * to 10 (able to perform at the level before the problem). The score is the mean of the
 * ratings; activity names are kept so the same activities are rated at re-assessment.
 * Free to use. MCID 2 points for the mean (3 for a single activity), as commonly cited.
 */
import type { InstrumentOptions, PromInstrument } from './instrument.js';

export function psfsInstrument(options: InstrumentOptions = {}): PromInstrument {
  const prefix = options.idPrefix ?? 'psfs';
  return {
    id: 'psfs',
    source: 'PSFS (Stratford et al. 1995); free to use. MCID 2 for the mean score (Abbott & Schmitt 2014: 1.3-2.7).',
    section: {
      id: prefix,
      type: 'section',
      title: 'Activities that are hard for you',
      items: [
        {
          id: `${prefix}.intro`,
          type: 'display',
          text: 'Name up to five important activities that you are unable to do, or have difficulty doing, because of your problem. Rate each from 0 (unable to perform the activity) to 10 (able to perform it at the same level as before your problem).',
        },
        {
          id: `${prefix}.activities`,
          type: 'group',
          label: 'Activity',
          addLabel: 'Add another activity',
          minInstances: 1,
          maxInstances: 5,
          required: true,
          items: [
            { id: `${prefix}.activity`, type: 'text', label: 'Activity', required: true, maxLength: 200 },
            {
              id: `${prefix}.rating`,
              type: 'scale',
              label: 'How able are you to do this activity today?',
              min: 0,
              max: 10,
              minLabel: 'Unable to perform',
              maxLabel: 'Able to perform at prior level',
              required: true,
            },
          ],
        },
      ],
    },
    scoring: {
      id: 'psfs',
      label: 'Patient-Specific Functional Scale',
      shortLabel: 'PSFS',
      algorithm: 'pxm:psfs@1',
      method: 'mean',
      items: [`${prefix}.rating`],
      minAnswered: 1,
      missing: 'exclude',
      scoreRange: { min: 0, max: 10 },
      direction: 'higher-better',
      mcid: 2,
      mcidSource: 'Stratford et al. 1995; Abbott & Schmitt 2014',
      decimals: 1,
    },
  };
}
