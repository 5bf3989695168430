/**
 * The dosage of one exercise as a definition list: only what the therapist prescribed is shown,
 * so a missing field is simply absent.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Exercise, Frequency } from '@pxm/core/hep';
// The rules entry, not `@pxm/core/hep` with the schemas: the rule is all this module needs.
import { frequencyKind } from '@pxm/core/hep-rules';
import type { HepLocalizeController } from './hep-localize.js';
import { sideIcon } from './side-icon.js';

type T = HepLocalizeController;

const SIDE_KEYS = { left: 'sideLeft', right: 'sideRight', both: 'sideBoth', alternating: 'sideAlternating' } as const;

/** Weekday names in the patient's language, formatted from a known Monday. */
function weekdayNames(l10n: T, weekdays: number[], style: 'long' | 'short'): string {
  const names = [...weekdays].sort((a, b) => a - b).map((day) => l10n.date(`2024-01-0${day}`, { weekday: style }));
  return l10n.list(names);
}

export function frequencyText(l10n: T, frequency: Frequency): string {
  switch (frequencyKind(frequency)) {
    case 'weekdays':
      return l10n.text('frequencyWeekdays', frequency.timesPerDay, weekdayNames(l10n, frequency.weekdays!, 'long'));
    case 'flexible':
      return l10n.text('frequencyPerWeek', frequency.timesPerDay, frequency.daysPerWeek!);
    default:
      return l10n.text('frequencyDaily', frequency.timesPerDay);
  }
}

export function holdText(l10n: T, seconds: number): string {
  return seconds >= 60 && seconds % 60 === 0 ? l10n.text('holdMinutes', seconds / 60) : l10n.text('holdSeconds', seconds);
}

export function sideText(l10n: T, side: NonNullable<Exercise['dosage']['side']>): string {
  return l10n.text(SIDE_KEYS[side]);
}

function item(label: string, value: TemplateResult | string, className = ''): TemplateResult {
  return html`<div class="dose ${className}"><dt>${label}</dt><dd>${value}</dd></div>`;
}

export function renderDosage(l10n: T, exercise: Exercise): TemplateResult {
  const { dosage } = exercise;
  const equipment = dosage.equipment?.filter((thing) => thing.trim() !== '') ?? [];
  return html`<dl class="dosage" part="dosage">
    ${dosage.sets !== undefined ? item(l10n.text('labelSets'), l10n.number(dosage.sets)) : nothing}
    ${dosage.reps !== undefined ? item(l10n.text('labelReps'), l10n.number(dosage.reps)) : nothing}
    ${dosage.holdSeconds !== undefined ? item(l10n.text('labelHold'), holdText(l10n, dosage.holdSeconds)) : nothing}
    ${item(l10n.text('labelFrequency'), frequencyText(l10n, exercise.frequency), 'wide')}
    ${dosage.side !== undefined
      ? item(l10n.text('labelSide'), html`<span class="side">${sideIcon(dosage.side)}<span>${sideText(l10n, dosage.side)}</span></span>`, 'wide')
      : nothing}
    ${dosage.load ? item(l10n.text('labelLoad'), dosage.load, 'wide') : nothing}
    ${equipment.length > 0 ? item(l10n.text('labelEquipment'), l10n.list(equipment), 'wide') : nothing}
  </dl>`;
}
