/**
 * Numeric Pain Rating Scale (NPRS): pain from 0 (no pain) to 10 (worst pain imaginable).
 * Free to use. MCID 2 points (about 30 %), as commonly cited from Childs et al., Spine 2005
 * (2.2 at one week, 1.5 at four weeks in low back pain), and Farrar et al., Pain 2001.
 */
import type { InstrumentOptions, PromInstrument } from './instrument.js';

const SOURCE = 'NPRS 0-10; free to use. MCID 2 points (Childs et al. 2005; Farrar et al. 2001).';

const scale = (id: string, label: string) =>
  ({ id, type: 'scale', label, min: 0, max: 10, minLabel: 'No pain', maxLabel: 'Worst pain imaginable', required: true }) as const;

/** The single-item NPRS: pain right now. Score 0-10, higher is worse. */
export function nprsInstrument(options: InstrumentOptions = {}): PromInstrument {
  const prefix = options.idPrefix ?? 'nprs';
  return {
    id: 'nprs',
    source: SOURCE,
    section: {
      id: `${prefix}`,
      type: 'section',
      title: 'Pain rating',
      items: [scale(`${prefix}.current`, 'How would you rate your pain right now, from 0 (no pain) to 10 (the worst pain imaginable)?')],
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

/**
 * The three-item NPRS (pain now, at best and at worst over the last 24 hours), scored as the
 * mean of the three as in Childs et al. 2005; every item must be answered.
 */
export function nprs24hInstrument(options: InstrumentOptions = {}): PromInstrument {
  const prefix = options.idPrefix ?? 'nprs24h';
  const ids = [`${prefix}.current`, `${prefix}.best`, `${prefix}.worst`];
  return {
    id: 'nprs-24h',
    source: SOURCE,
    section: {
      id: prefix,
      type: 'section',
      title: 'Pain rating',
      items: [
        { type: 'display', id: `${prefix}.intro`, text: 'Rate your pain from 0 (no pain) to 10 (the worst pain imaginable).' },
        scale(ids[0]!, 'Your pain right now'),
        scale(ids[1]!, 'Your pain at its best in the last 24 hours'),
        scale(ids[2]!, 'Your pain at its worst in the last 24 hours'),
      ],
    },
    scoring: {
      id: 'nprs-24h',
      label: 'Numeric Pain Rating Scale (current, best and worst, 24 h)',
      shortLabel: 'NPRS 24 h',
      algorithm: 'pxm:nprs-24h@1',
      method: 'mean',
      items: ids,
      scoreRange: { min: 0, max: 10 },
      direction: 'higher-worse',
      mcid: 2,
      mcidSource: 'Childs et al. 2005',
      decimals: 1,
    },
  };
}
