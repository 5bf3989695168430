import { defineElement } from '../internal/define-element.js';
import { PxmBooking } from '../booking/booking.js';

defineElement('pxm-booking', PxmBooking);

declare global {
  interface HTMLElementTagNameMap {
    'pxm-booking': PxmBooking;
  }
}
