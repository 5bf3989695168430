/**
 * The test page's module when the elements come from the script-tag build (`/cdn/pxm-elements.js`,
 * loaded by the page before this): only the scenarios, no second copy of the elements.
 */
import './harness-api.js';
