import { expect, fixture, html } from '@open-wc/testing';
import { type AdapterError, surveyReplySchemas, type PxmAdapter, type SurveyApi } from '@pxm/core';
import { PxmElement } from '../base/pxm-element.js';
import type { PxmErrorDetail } from '../events/pxm-error-event.js';
import { AdapterCalls } from './adapter-calls.js';
import { RemovalWatch } from './removal-watch.js';

/** The smallest element that calls an adapter the way every PXM element does. */
class CallsProbe extends PxmElement {
  timeout = 200;
  readonly calls = new AdapterCalls(this, 'survey', surveyReplySchemas, (error, operation) => this.reportError(error, operation));
  readonly removal = new RemovalWatch(this, () => this.calls.abortAll());
}
customElements.define('pxm-test-adapter-calls', CallsProbe);

const invitation = {
  id: 'inv-1',
  status: 'open',
  expiresAt: '2027-02-01T00:00:00Z',
  definition: { id: 'sv1', version: '1', title: 'How did we do?', questions: [{ id: 'q1', type: 'nps', prompt: 'Would you recommend us?' }] },
  partialAnswers: {},
  practiceName: 'Clinic',
  reviewLinks: [],
};

function surveyAdapter(loadInvitation: SurveyApi['loadInvitation']): PxmAdapter {
  return { name: 'probe', survey: { loadInvitation, savePartial: async () => undefined, submit: async () => ({}) as never } };
}

async function probeWith(adapter: PxmAdapter | undefined): Promise<{ element: CallsProbe; errors: PxmErrorDetail[] }> {
  const element = await fixture<CallsProbe>(html`<pxm-test-adapter-calls .adapter=${adapter}></pxm-test-adapter-calls>`);
  const errors: PxmErrorDetail[] = [];
  element.addEventListener('pxm-error', (event) => errors.push(event.detail));
  return { element, errors };
}

const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail('expected a failure'), (error: unknown) => error as AdapterError);

describe('AdapterCalls', () => {
  it('returns the reply validated with the method’s schema', async () => {
    const { element } = await probeWith(surveyAdapter(async () => invitation as never));
    const reply = await element.calls.run('loadInvitation', (api, signal) => api.loadInvitation('tok-12345678', { signal }));
    expect(reply.definition.title).to.equal('How did we do?');
  });

  it('a malformed reply is a server error with its issues, reported as pxm-error', async () => {
    const { element, errors } = await probeWith(surveyAdapter(async () => ({ id: 'inv-1', status: 'weird' }) as never));
    const error = await failure(element.calls.run('loadInvitation', (api, signal) => api.loadInvitation('tok-12345678', { signal })));
    expect(error.code).to.equal('server');
    expect(error.issues?.length).to.be.greaterThan(0);
    expect(errors).to.deep.equal([{ code: 'server', operation: 'survey.loadInvitation' }]);
  });

  it('no answer within the deadline is a timeout, and the adapter’s request is aborted', async () => {
    let seen: AbortSignal | undefined;
    const { element } = await probeWith(surveyAdapter((_token, options) => ((seen = options?.signal), new Promise(() => undefined))));
    const error = await failure(element.calls.run('loadInvitation', (api, signal) => api.loadInvitation('tok-12345678', { signal })));
    expect(error.code).to.equal('timeout');
    expect(seen?.aborted).to.equal(true);
  });

  it('an element without the capability says unsupported', async () => {
    const { element, errors } = await probeWith({ name: 'empty' });
    const error = await failure(element.calls.run('loadInvitation', (api, signal) => api.loadInvitation('tok-12345678', { signal })));
    expect(error.code).to.equal('unsupported');
    expect(errors[0]?.code).to.equal('unsupported');
  });

  it('a move keeps a call in flight; a real removal aborts it without a pxm-error', async () => {
    let seen: AbortSignal | undefined;
    let answer: ((value: unknown) => void) | undefined;
    const { element, errors } = await probeWith(surveyAdapter((_token, options) => ((seen = options?.signal), new Promise((resolve) => (answer = resolve as (value: unknown) => void)))));
    element.timeout = 5_000;
    const pending = element.calls.run('loadInvitation', (api, signal) => api.loadInvitation('tok-12345678', { signal }));
    const parent = element.parentElement!;
    parent.append(element); // a move: out and back in, in the same task
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen?.aborted).to.equal(false);
    answer!(invitation);
    expect((await pending).id).to.equal('inv-1');

    const second = element.calls.run('loadInvitation', (api, signal) => api.loadInvitation('tok-12345678', { signal }));
    element.remove();
    const error = await failure(second);
    expect(seen?.aborted).to.equal(true);
    expect(error.name).to.equal('AbortError');
    expect(errors).to.deep.equal([]);
  });

  it('a bad link in the data is left out, named once to the developer, and the reply still used', async () => {
    const reply = { ...invitation, reviewLinks: [{ site: 'google', url: 'javascript:alert(1)' }] };
    const { element, errors } = await probeWith(surveyAdapter(async () => reply as never));
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const first = await element.calls.run('loadInvitation', (api, signal) => api.loadInvitation('tok-12345678', { signal }));
      await element.calls.run('loadInvitation', (api, signal) => api.loadInvitation('tok-12345678', { signal }));
      expect(first.definition.title).to.equal('How did we do?');
      expect(first.reviewLinks).to.deep.equal([]);
    } finally {
      console.warn = warn;
    }
    expect(errors).to.have.length(1);
    expect(errors[0]!.code).to.equal('server');
    expect(errors[0]!.field).to.match(/^reviewLinks\.0/);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.not.include('javascript:');
  });
});
