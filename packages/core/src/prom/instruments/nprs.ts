/**
 * Numeric Pain Rating Scale (NPRS): pain from 0 (no pain) to 10 (worst pain imaginable).
 * Free to use. MCID 2 points (about 30 %), as commonly cited from Childs et al., Spine 2005
 * (2.2 at one week, 1.5 at four weeks in low back pain), and Farrar et al., Pain 2001.
 */
import type { InstrumentOptions, PromInstrument } from './instrument.js';

export const NPRS_SOURCE = 'NPRS 0-10; free to use. MCID 2 points (Childs et al. 2005; Farrar et al. 2001).';

/** One 0-10 pain item, as every NPRS form asks it. */
export const nprsScale = (id: string, label: string) =>
  ({ id, type: 'scale', label, min: 0, max: 10, minLabel: 'No pain', maxLabel: 'Worst pain imaginable', required: true }) as const;

/** The single-item NPRS: pain right now. Score 0-10, higher is worse. */
export function nprsInstrument(options: InstrumentOptions = {}): PromInstrument {
  const prefix = options.idPrefix ?? 'nprs';
  return {
    id: 'nprs',
    source: NPRS_SOURCE,
    section: {
      id: `${prefix}`,
      type: 'section',
      title: 'Pain rating',
      items: [nprsScale(`${prefix}.current`, 'How would you rate your pain right now, from 0 (no pain) to 10 (the worst pain imaginable)?')],
    },
    scoring: {
      id: 'nprs',
      label: 'Numeric Pain Rating Scale',
      shortLabel: 'NPRS',
      algorithm: 'pxm:nprs@1',
      method: 'sum',
      items: [`${prefix}.current`],
      minAnswered: 1,
      scoreRange: { min: 0, max: 10 },
      direction: 'higher-worse',
      mcid: 2,
      mcidSource: 'Childs et al. 2005; Farrar et al. 2001',
      decimals: 0,
      loinc: '72514-3',
    },
  };
}
