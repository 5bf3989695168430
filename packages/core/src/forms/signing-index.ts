/**
 * `@pxm/core/signing`: signing a consent (the text signed, the record with its hash) and reading
 * or drawing a signature's strokes. Only the signing step, loaded on demand, needs it: kept out
 * of `@pxm/core/forms` so a bundler does not pull it into the intake form's first chunk.
 */
export { consentTextToSign, createSignatureRecord, sha256Hex, type SignatureInput } from './consent-signing.js';
export {
  readSignatureSvg,
  strokePath,
  strokesToSvg,
  type SignatureStroke,
  type StrokeBox,
  type StrokePoint,
} from './signature-svg.js';
