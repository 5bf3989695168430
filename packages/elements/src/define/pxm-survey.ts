import { defineElement } from '../internal/define-element.js';
import { PxmSurvey } from '../survey/survey.js';

defineElement('pxm-survey', PxmSurvey);

declare global {
  interface HTMLElementTagNameMap {
    'pxm-survey': PxmSurvey;
  }
}
