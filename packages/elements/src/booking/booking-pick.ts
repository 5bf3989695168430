/**
 * The first two steps' views (choose the visit, pick a time), the frame around every step and the
 * actions the views call, fetched when the element connects, alongside its first adapter calls
 * (the catalogue waits for them), so they cost the page no extra wait.
 */
import { registerShippedTranslation } from '../l10n/translation-registry.js';
import { bookingPickEn } from './booking-pick.messages.en.js';
import { bookingPickEs } from './booking-pick.messages.es.js';

registerShippedTranslation('en', 'booking', bookingPickEn);
registerShippedTranslation('es', 'booking', bookingPickEs);

/** The element's own Spanish (its English is bundled with it): one download with the first steps, not a chunk of its own. */
export { bookingEs } from './booking.messages.es.js';
export { createBookingActions } from './booking-actions.js';
export { renderChoose } from './booking-choose.js';
export { renderHeader, renderManageFailure, renderNotice } from './booking-frame.js';
export { bookAnother, manageLinkFor, openManageLink } from './booking-manage-moves.js';
export { bookingView } from './booking-view.js';
export { bookingPickStyles as styles } from './booking-pick.styles.js';
export { TimePicker } from './booking-time-picker.js';
