import type { FormItem, ValidationResult } from '@pxm/core/forms';
import type { LocalizeController } from '../l10n/localize-controller.js';
import type { IntakeFormMessages } from './intake-form.messages.en.js';

/** The patient-facing sentence for a validation result, with numbers and dates localized. */
export function validationMessage(l10n: LocalizeController<IntakeFormMessages>, item: FormItem, result: ValidationResult): string {
  const params = result.params ?? {};
  const number = (name: string) => l10n.number(Number(params[name]));
  const date = (name: string) => l10n.date(String(params[name]), { dateStyle: 'medium' });
  switch (result.code) {
    case 'too_long':
      return l10n.text('v_too_long', Number(params.max));
    case 'below_min':
      return l10n.text('v_below_min', `${number('min')}${item.type === 'number' && item.unit ? ` ${item.unit}` : ''}`);
    case 'above_max':
      return l10n.text('v_above_max', `${number('max')}${item.type === 'number' && item.unit ? ` ${item.unit}` : ''}`);
    case 'step':
      return Number(params.step) === 1 && (item.type !== 'number' || Number.isInteger(item.min ?? 0)) ? l10n.text('v_whole_number') : l10n.text('v_step', number('step'));
    case 'pattern':
      // Say what is expected: the item's own format, else its help text, else a general request.
      if (item.type === 'text' && item.entryFormat) return l10n.text('v_pattern_format', item.entryFormat);
      return item.help ? l10n.text('v_pattern_help', item.help) : l10n.text('v_pattern');
    case 'date_before_min':
      return l10n.text('v_date_before_min', date('min'));
    case 'date_after_max':
      return l10n.text('v_date_after_max', date('max'));
    case 'too_few_selected':
      return l10n.text('v_too_few_selected', Number(params.min));
    case 'too_many_selected':
      return l10n.text('v_too_many_selected', Number(params.max));
    case 'not_on_scale':
      return l10n.text('v_not_on_scale', Number(params.min), Number(params.max));
    case 'card_side_missing':
      return l10n.text('v_card_side_missing', l10n.text(params.side === 'back' ? 'cardBack' : 'cardFront'));
    case 'too_few_instances':
      return l10n.text('v_too_few_instances', Number(params.min));
    case 'too_many_instances':
      return l10n.text('v_too_many_instances', Number(params.max));
    default:
      return l10n.text(`v_${result.code}` as 'v_required');
  }
}
