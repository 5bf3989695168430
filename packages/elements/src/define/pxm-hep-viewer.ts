import { defineElement } from '../internal/define-element.js';
import { PxmHepViewer } from '../hep-viewer/hep-viewer.js';

defineElement('pxm-hep-viewer', PxmHepViewer);

declare global {
  interface HTMLElementTagNameMap {
    'pxm-hep-viewer': PxmHepViewer;
  }
}
