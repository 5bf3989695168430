/**
 * `@pxm/elements`: the element classes, events, contexts and localization API. Importing this
 * registers nothing; import `@pxm/elements/define` (or one `define/<tag>`) for that.
 */
export { PxmElement } from './base/pxm-element.js';
export { PxmProvider } from './provider/provider.js';
export { pxmConfigContext, type PxmConfig } from './context/pxm-config.js';
export { PxmErrorEvent, type PxmErrorDetail } from './events/pxm-error-event.js';
export { defineElement } from './internal/define-element.js';
export {
  registerTranslation,
  type Catalog,
  type Message,
  type Translation,
} from './l10n/translation-registry.js';
export { LocalizeController } from './l10n/localize-controller.js';
export { commonEn, type CommonMessages } from './l10n/common.en.js';
export { commonEs } from './l10n/common.es.js';
export { hostStyles } from './styles/host.styles.js';
export { controlStyles } from './styles/controls.styles.js';
