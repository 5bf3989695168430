/** Registers every PXM element. Import `@pxm/elements/define/<tag>` to register just one. */
import './define/pxm-provider.js';
import './define/pxm-intake-form.js';
import './define/pxm-booking.js';
import './define/pxm-survey.js';
import './define/pxm-hep-viewer.js';
import './define/pxm-progress.js';
import './define/pxm-referral.js';
