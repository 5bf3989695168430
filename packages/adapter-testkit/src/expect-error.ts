import assert from 'node:assert/strict';
import { AdapterError, type AdapterErrorCode } from '@pxm/core';

/** Asserts that `promise` rejects with an `AdapterError` of the given code. */
export async function expectAdapterError(promise: Promise<unknown>, code: AdapterErrorCode): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(AdapterError.is(error), `expected an AdapterError(${code}), got ${String(error)}`);
    assert.equal(error.code, code, `expected code ${code}, got ${error.code}: ${error.message}`);
    return error;
  }
  assert.fail(`expected an AdapterError(${code}), but the call succeeded`);
}
