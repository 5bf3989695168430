/** Contract: home exercise programs and idempotent activity logs. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createId, requireCapability, type ActivityLogEntry, type HepApi } from '@pxm/core';
import { DEMO_HEP_TOKEN } from '@pxm/core/demo';
import { expectAdapterError } from './expect-error.js';
import { CONTRACT_NOW, type ContractOptions, type ContractSubject } from './subject.js';
import { withSubject } from './with-subject.js';

export function hepSuite(options: ContractOptions): void {
  const test = (title: string, body: (subject: ContractSubject, api: HepApi) => Promise<void>) =>
    it(title, { skip: options.skip?.tests?.[title] ?? false }, () =>
      withSubject(options, CONTRACT_NOW, (subject) => body(subject, requireCapability(subject.adapter, 'hep'))),
    );

  describe(`${options.name}: hep`, { skip: options.skip?.hep ?? false }, () => {
    test('loads the program by token', async (_s, api) => {
      const program = await api.loadProgram(DEMO_HEP_TOKEN);
      assert.ok(program.version >= 1);
      assert.ok(program.exercises.length > 0);
      await expectAdapterError(api.loadProgram('no-such-hep-token'), 'token_invalid');
      await expectAdapterError(api.loadProgram('demo-hep-expired'), 'token_expired');
    });

    test('a log retried with the same client id is stored once', async (_s, api) => {
      const program = await api.loadProgram(DEMO_HEP_TOKEN);
      const entry: ActivityLogEntry = {
        clientId: createId(),
        exerciseId: program.exercises[0]!.id,
        programVersion: program.version,
        completedAt: CONTRACT_NOW.toISOString(),
        completedSets: 3,
        pain: 2,
        difficulty: 3,
      };
      await Promise.all([api.logActivity(DEMO_HEP_TOKEN, [entry]), api.logActivity(DEMO_HEP_TOKEN, [entry])]);
      await api.logActivity(DEMO_HEP_TOKEN, [entry]);
      const logs = await api.listActivity(DEMO_HEP_TOKEN);
      assert.equal(logs.filter((l) => l.clientId === entry.clientId).length, 1);
      assert.equal(logs.find((l) => l.clientId === entry.clientId)?.programVersion, program.version);
    });

    test('undo voids a log once', async (_s, api) => {
      const program = await api.loadProgram(DEMO_HEP_TOKEN);
      const entry: ActivityLogEntry = { clientId: createId(), exerciseId: program.exercises[0]!.id, programVersion: program.version, completedAt: CONTRACT_NOW.toISOString() };
      await api.logActivity(DEMO_HEP_TOKEN, [entry]);
      await api.logActivity(DEMO_HEP_TOKEN, [{ ...entry, voided: true }]);
      const logs = await api.listActivity(DEMO_HEP_TOKEN);
      assert.equal(logs.filter((l) => l.clientId === entry.clientId).length, 1);
      assert.equal(logs.find((l) => l.clientId === entry.clientId)?.voided, true);
    });

    test('rejects malformed logs with validation', async (_s, api) => {
      const program = await api.loadProgram(DEMO_HEP_TOKEN);
      const base = { clientId: createId(), exerciseId: program.exercises[0]!.id, programVersion: program.version, completedAt: CONTRACT_NOW.toISOString() };
      await expectAdapterError(api.logActivity(DEMO_HEP_TOKEN, [{ ...base, pain: 11 }]), 'validation');
      await expectAdapterError(api.logActivity(DEMO_HEP_TOKEN, [{ ...base, clientId: 'not-a-uuid' }]), 'validation');
      await expectAdapterError(api.logActivity(DEMO_HEP_TOKEN, [{ ...base, exerciseId: 'no-such-exercise' }]), 'validation');
      await expectAdapterError(api.logActivity(DEMO_HEP_TOKEN, []), 'validation');
      assert.equal((await api.listActivity(DEMO_HEP_TOKEN)).length, 0, 'nothing stored');
    });
  });
}
