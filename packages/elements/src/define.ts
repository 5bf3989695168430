/** Registers every PXM element. Import `@pxm/elements/define/<tag>` to register just one. */
import './define/pxm-provider.js';
