import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdapterError, CONTRACT_METHODS, capabilitiesOf, lazyCapability, type HepApi, type SurveyApi } from '@pxm/core';

const program = { id: 'program-1' } as unknown as Awaited<ReturnType<HepApi['loadProgram']>>;

function hepBackend(calls: string[]): HepApi {
  return {
    async loadProgram(token) {
      calls.push(`loadProgram:${token}`);
      return program;
    },
    async logActivity(_token, entries) {
      calls.push('logActivity');
      return entries;
    },
    async listActivity() {
      calls.push('listActivity');
      return [];
    },
  };
}

describe('lazyCapability', () => {
  it('loads the API on the first call only, and every call reaches the one loaded API', async () => {
    const calls: string[] = [];
    let loads = 0;
    const api = lazyCapability<HepApi>('hep', async () => {
      loads += 1;
      return hepBackend(calls);
    }, CONTRACT_METHODS.hep);
    assert.equal(loads, 0, 'nothing loads before a call');
    const [first, second] = await Promise.all([api.loadProgram('token-a'), api.loadProgram('token-b')]);
    assert.equal(first, program);
    assert.equal(second, program);
    assert.deepEqual(await api.listActivity('token-a'), []);
    assert.equal(loads, 1);
    assert.deepEqual(calls, ['loadProgram:token-a', 'loadProgram:token-b', 'listActivity']);
  });

  it('offers only the methods marked offered: an absent optional method stays absent', () => {
    const api = lazyCapability<SurveyApi>('survey', async () => ({}) as SurveyApi, { ...CONTRACT_METHODS.survey, sendFeedback: false });
    assert.equal(typeof api.submit, 'function');
    assert.equal(api.sendFeedback, undefined);
    assert.deepEqual(capabilitiesOf({ name: 'lazy', survey: api }), ['survey']);
  });

  it('a load that fails rejects with a retryable network error naming the operation, and the next call loads again', async () => {
    let loads = 0;
    const api = lazyCapability<HepApi>('hep', async () => {
      loads += 1;
      if (loads === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return hepBackend([]);
    }, CONTRACT_METHODS.hep);
    await assert.rejects(api.loadProgram('token-a'), (error: unknown) => {
      assert.ok(AdapterError.is(error));
      assert.equal(error.code, 'network');
      assert.equal(error.retryable, true);
      assert.equal(error.operation, 'hep.loadProgram');
      return true;
    });
    assert.equal(await api.loadProgram('token-a'), program);
    assert.equal(loads, 2);
  });

  it('keeps the loaded API as `this` of its methods', async () => {
    const backend = {
      prefix: 'p',
      async loadProgram(this: { prefix: string }, token: string) {
        return `${this.prefix}:${token}`;
      },
    };
    const api = lazyCapability('hep', async () => backend, { prefix: false, loadProgram: true });
    assert.equal(await api.loadProgram('x'), 'p:x');
  });
});
