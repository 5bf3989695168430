/** Contract: home exercise programs and idempotent activity logs. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createId, hepReplySchemas, requireCapability, type HepApi } from '@pxm/core';
import type { ActivityLogEntry } from '@pxm/core/hep';
import { DEMO_HEP_TOKEN } from '@pxm/core/demo';
import { expectAdapterError } from './expect-error.js';
import { assertReplyConforms, conformingReplies } from './reply-conformance.js';
import { CONTRACT_NOW, type ContractOptions, type ContractSubject } from './subject.js';
import { withSubject } from './with-subject.js';

export function hepSuite(options: ContractOptions): void {
  const test = (title: string, body: (subject: ContractSubject, api: HepApi) => Promise<void>) =>
    it(title, { skip: options.skip?.tests?.[title] ?? false }, () =>
      // Every reply in every test is held to the reply schemas (adapters no longer check their own).
      withSubject(options, CONTRACT_NOW, (subject) => body(subject, conformingReplies(requireCapability(subject.adapter, 'hep'), 'hep', hepReplySchemas))),
    );

  describe(`${options.name}: hep`, { skip: options.skip?.hep ?? false }, () => {
    test('every reply conforms to the reply schemas', async (_s, api) => {
      const program = await api.loadProgram(DEMO_HEP_TOKEN);
      assertReplyConforms(hepReplySchemas.loadProgram, program, 'hep.loadProgram');
      const entry: ActivityLogEntry = { clientId: createId(), exerciseId: program.exercises[0]!.id, programVersion: program.version, completedAt: CONTRACT_NOW.toISOString(), pain: 1 };
      assertReplyConforms(hepReplySchemas.logActivity, await api.logActivity(DEMO_HEP_TOKEN, [entry]), 'hep.logActivity');
      assertReplyConforms(hepReplySchemas.listActivity, await api.listActivity(DEMO_HEP_TOKEN), 'hep.listActivity');
    });

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
      const before = (await api.listActivity(DEMO_HEP_TOKEN)).length;
      const base = { clientId: createId(), exerciseId: program.exercises[0]!.id, programVersion: program.version, completedAt: CONTRACT_NOW.toISOString() };
      await expectAdapterError(api.logActivity(DEMO_HEP_TOKEN, [{ ...base, pain: 11 }]), 'validation');
      await expectAdapterError(api.logActivity(DEMO_HEP_TOKEN, [{ ...base, clientId: 'not-a-uuid' }]), 'validation');
      await expectAdapterError(api.logActivity(DEMO_HEP_TOKEN, [{ ...base, exerciseId: 'no-such-exercise' }]), 'validation');
      await expectAdapterError(api.logActivity(DEMO_HEP_TOKEN, []), 'validation');
      assert.equal((await api.listActivity(DEMO_HEP_TOKEN)).length, before, 'nothing stored');
    });

    test('a repeated client id returns the stored entry, not the new fields', async (_s, api) => {
      const program = await api.loadProgram(DEMO_HEP_TOKEN);
      const entry: ActivityLogEntry = {
        clientId: createId(),
        exerciseId: program.exercises[0]!.id,
        programVersion: program.version,
        completedAt: CONTRACT_NOW.toISOString(),
        pain: 2,
      };
      await api.logActivity(DEMO_HEP_TOKEN, [entry]);
      const [again] = await api.logActivity(DEMO_HEP_TOKEN, [{ ...entry, pain: 9 }]);
      assert.equal(again?.pain, 2);
      const stored = (await api.listActivity(DEMO_HEP_TOKEN)).filter((l) => l.clientId === entry.clientId);
      assert.deepEqual(stored.map((l) => l.pain), [2]);
    });

    test('lists activity in a time range, oldest first', async (_s, api) => {
      const program = await api.loadProgram(DEMO_HEP_TOKEN);
      const exerciseId = program.exercises[0]!.id;
      const at = (hoursAfter: number) => new Date(CONTRACT_NOW.getTime() + hoursAfter * 3_600_000).toISOString();
      const entries: ActivityLogEntry[] = [30, 10, 20].map((hours) => ({
        clientId: createId(),
        exerciseId,
        programVersion: program.version,
        completedAt: at(hours),
      }));
      await api.logActivity(DEMO_HEP_TOKEN, entries);
      const inRange = await api.listActivity(DEMO_HEP_TOKEN, { from: at(10), to: at(30) });
      const ours = inRange.filter((l) => entries.some((e) => e.clientId === l.clientId));
      assert.deepEqual(
        ours.map((l) => Date.parse(l.completedAt)),
        [Date.parse(at(10)), Date.parse(at(20))],
        '`from` is included, `to` is not, and the order is by time',
      );
    });

    test('earlier versions, when the backend sends them, are older than the current one', async (_s, api) => {
      const program = await api.loadProgram(DEMO_HEP_TOKEN);
      for (const revision of program.revisions ?? []) assert.ok(revision.version < program.version);
    });
  });
}
