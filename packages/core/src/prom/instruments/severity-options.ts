/**
 * The five-step severity answers of the KOOS and HOOS family (and their JR short forms):
 * None 0 ... Extreme 4, scored as printed, higher meaning more trouble.
 */
import type { ChoiceOption } from '../../schemas/intake.js';

export const SEVERITY_OPTIONS: ChoiceOption[] = [
  { value: '0', label: 'None', score: 0 },
  { value: '1', label: 'Mild', score: 1 },
  { value: '2', label: 'Moderate', score: 2 },
  { value: '3', label: 'Severe', score: 3 },
  { value: '4', label: 'Extreme', score: 4 },
];
