import { defineElement } from '../internal/define-element.js';
import { PxmIntakeForm } from '../intake-form/intake-form.js';

defineElement('pxm-intake-form', PxmIntakeForm);

declare global {
  interface HTMLElementTagNameMap {
    'pxm-intake-form': PxmIntakeForm;
  }
}
