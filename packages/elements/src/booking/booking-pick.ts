/**
 * The first two steps' views (choose the visit, pick a time), fetched when the element connects,
 * alongside its first adapter calls, so they cost the page no extra wait.
 */
import { registerShippedTranslation } from '../l10n/translation-registry.js';
import { bookingPickEn } from './booking-pick.messages.en.js';
import { bookingPickEs } from './booking-pick.messages.es.js';

registerShippedTranslation('en', 'booking', bookingPickEn);
registerShippedTranslation('es', 'booking', bookingPickEs);

export { renderChoose } from './booking-choose.js';
export { bookingPickStyles as styles } from './booking-pick.styles.js';
export { TimePicker } from './booking-time-picker.js';
