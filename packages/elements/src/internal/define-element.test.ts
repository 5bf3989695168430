import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { defineElement } from './define-element.js';
import { PxmSurvey } from '../survey/survey.js';

describe('defineElement', () => {
  afterEach(() => sinon.restore());

  it('says what registered a tag first when another library took it', () => {
    const warn = sinon.stub(console, 'warn');
    class OtherLibraryWidget extends HTMLElement {}
    customElements.define('pxm-test-taken-by-other', OtherLibraryWidget);
    defineElement('pxm-test-taken-by-other', PxmSurvey);
    expect(customElements.get('pxm-test-taken-by-other')).to.equal(OtherLibraryWidget);
    expect(warn.callCount).to.equal(1);
    expect(warn.firstCall.args[0]).to.contain('by another library, not PXM Elements (class OtherLibraryWidget)');
  });

  it('says when another copy of PXM Elements registered it', () => {
    const warn = sinon.stub(console, 'warn');
    class OtherCopySurvey extends PxmSurvey {}
    customElements.define('pxm-test-taken-by-copy', OtherCopySurvey);
    defineElement('pxm-test-taken-by-copy', PxmSurvey);
    expect(warn.firstCall.args[0]).to.contain('by another copy of PXM Elements (class OtherCopySurvey)');
  });
});
