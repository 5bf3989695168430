/**
 * NPRS 24 h, in a file apart from the single NPRS whose items it shares: the demo intake forms
 * ask only the single one, so the code that loads them does not carry this one too.
 */
import type { InstrumentOptions, PromInstrument } from './instrument.js';
import { NPRS_SOURCE, nprsScale } from './nprs.js';

/**
 * The three-item NPRS (pain now, at best and at worst over the last 24 hours), scored as the
 * mean of the three as in Childs et al. 2005; every item must be answered.
 */
export function nprs24hInstrument(options: InstrumentOptions = {}): PromInstrument {
  const prefix = options.idPrefix ?? 'nprs24h';
  const ids = [`${prefix}.current`, `${prefix}.best`, `${prefix}.worst`];
  return {
    id: 'nprs-24h',
    source: NPRS_SOURCE,
    section: {
      id: prefix,
      type: 'section',
      title: 'Pain rating',
      items: [
        { type: 'display', id: `${prefix}.intro`, text: 'Rate your pain from 0 (no pain) to 10 (the worst pain imaginable).' },
        nprsScale(ids[0]!, 'Your pain right now'),
        nprsScale(ids[1]!, 'Your pain at its best in the last 24 hours'),
        nprsScale(ids[2]!, 'Your pain at its worst in the last 24 hours'),
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
