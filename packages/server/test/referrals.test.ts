/**
 * Referrals in, on the reference server, over HTTP: what lands in the tables (migration 0007),
 * content sniffing of the files, the per-address limit, and the purge of files no referral
 * claimed. On SQLite, and on PostgreSQL when it is reachable.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CONTRACT_NOW, referralInput } from '@pxm/adapter-testkit';
import { createPxmServer, type PxmServer, type RunningServer } from '../src/index.js';
import { freshDatabase, manualClock, postgresUnavailable, TEST_LIMITS, type Dialect, type FreshDatabase, type ManualClock } from './harness.js';

const PDF = '%PDF-1.4\n% order\n%%EOF\n';

function suite(dialect: Dialect, skip: () => string | undefined) {
  describe(`referrals on the server (${dialect})`, () => {
    let fresh: FreshDatabase;
    let server: PxmServer;
    let running: RunningServer;
    let clock: ManualClock;
    const post = (path: string, body: BodyInit, headers: Record<string, string>) => fetch(`${running.url}${path}`, { method: 'POST', body, headers });
    const sendReferral = (input: ReturnType<typeof referralInput>) => {
      const { idempotencyKey, ...body } = input;
      return post('/referrals', JSON.stringify(body), { 'content-type': 'application/json', 'idempotency-key': idempotencyKey });
    };

    before(async () => {
      if (skip()) return;
      fresh = await freshDatabase(dialect);
      clock = manualClock(CONTRACT_NOW);
      server = await createPxmServer({ database: fresh.db, now: clock.now, log: false, reminders: { pollIntervalMs: false }, limits: { ...TEST_LIMITS, referrals: { points: 4, seconds: 86_400 } } });
      running = await server.listen({ port: 0, hostname: '127.0.0.1' });
    });
    after(async () => {
      await server?.close();
      await fresh?.dispose();
    });

    it('stores a web referral as new, with its duplicate keys, its normalized payload and its files', async (t) => {
      if (skip()) return t.skip(skip());
      const upload = await post('/referrals/attachments', PDF, { 'content-type': 'application/pdf', 'idempotency-key': 'upload-key-0001' });
      assert.equal(upload.status, 201);
      const file = (await upload.json()) as { id: string; size: number };
      // The same upload again (a lost reply): the same file, not a second one.
      const again = await post('/referrals/attachments', PDF, { 'content-type': 'application/pdf', 'idempotency-key': 'upload-key-0001' });
      assert.equal(((await again.json()) as { id: string }).id, file.id);
      // Another file under the same key: a conflict, not the first file's receipt.
      const other = await post('/referrals/attachments', `${PDF}% another\n`, { 'content-type': 'application/pdf', 'idempotency-key': 'upload-key-0001' });
      assert.deepEqual([other.status, ((await other.json()) as { code: string }).code], [409, 'conflict']);

      const input = referralInput({ diagnoses: ['M17.11', 'M17.11', 'Z96.651'], attachmentIds: [file.id] });
      input.patient = { ...input.patient, givenName: 'José', familyName: 'Núñez' };
      const response = await sendReferral(input);
      assert.equal(response.status, 201);
      const receipt = (await response.json()) as { reference: string };

      const row = await server.db.get<Record<string, unknown>>('SELECT * FROM referrals WHERE reference = $1', [receipt.reference]);
      assert.ok(row);
      assert.equal(row.source, 'web');
      assert.equal(row.status, 'new');
      assert.equal(row.decline_reason, null);
      assert.equal(row.urgency, 'routine');
      assert.equal(row.discipline, 'physical-therapy');
      assert.equal(row.patient_name_key, 'nunez jose');
      assert.equal(row.patient_birth_date, '1958-11-30');
      assert.equal(row.referrer_npi, '1234567893');
      assert.equal(Number(row.received_at), CONTRACT_NOW.getTime());
      const payload = JSON.parse(String(row.payload)) as Record<string, unknown>;
      assert.deepEqual(payload.diagnoses, ['M17.11', 'Z96.651']);
      assert.equal('idempotencyKey' in payload, false);
      const files = await server.db.all<{ id: string; referral_id: string }>('SELECT id, referral_id FROM referral_attachments WHERE referral_id = $1', [row.id as string]);
      assert.deepEqual(files.map((stored) => stored.id), [file.id]);
    });

    it('refuses a file whose bytes are not its declared type, and a type referrals do not take', async (t) => {
      if (skip()) return t.skip(skip());
      const renamed = await post('/referrals/attachments', '<html><script>alert(1)</script></html>', { 'content-type': 'application/pdf' });
      assert.equal(renamed.status, 400);
      assert.equal(((await renamed.json()) as { code: string }).code, 'validation');
      const heic = await post('/referrals/attachments', new Uint8Array([0, 0, 0, 24, ...Buffer.from('ftypheic')]), { 'content-type': 'image/heic' });
      assert.equal(heic.status, 400);
    });

    it('purges files no referral claimed after a day, and keeps claimed ones', async (t) => {
      if (skip()) return t.skip(skip());
      const upload = await post('/referrals/attachments', PDF, { 'content-type': 'application/pdf' });
      const orphan = (await upload.json()) as { id: string };
      clock.advance(25 * 3_600_000);
      await server.purgeExpired();
      assert.equal(await server.db.get('SELECT id FROM referral_attachments WHERE id = $1', [orphan.id]), undefined);
      const kept = await server.db.all('SELECT id FROM referral_attachments WHERE referral_id IS NOT NULL');
      assert.equal(kept.length, 1);
    });

    it('limits referrals per address with 429 and Retry-After', async (t) => {
      if (skip()) return t.skip(skip());
      const statuses: number[] = [];
      for (let index = 0; index < 6; index += 1) {
        const response = await sendReferral(referralInput());
        statuses.push(response.status);
        if (response.status === 429) assert.ok(Number(response.headers.get('retry-after')) > 0);
        await response.body?.cancel();
      }
      // One referral was sent above: three more pass, then the address is stopped.
      assert.deepEqual(statuses, [201, 201, 201, 429, 429, 429]);
    });
  });
}

function sizeQuota(dialect: Dialect, skip: () => string | undefined) {
  describe(`the files of one referral together (${dialect})`, () => {
    let fresh: FreshDatabase;
    let server: PxmServer;
    let running: RunningServer;
    before(async () => {
      if (skip()) return;
      fresh = await freshDatabase(dialect);
      server = await createPxmServer({ database: fresh.db, now: manualClock(CONTRACT_NOW).now, log: false, reminders: { pollIntervalMs: false }, limits: TEST_LIMITS });
      running = await server.listen({ port: 0, hostname: '127.0.0.1' });
    });
    after(async () => {
      await server?.close();
      await fresh?.dispose();
    });

    it('are refused past 25 MiB (400, nothing stored, the files left unclaimed); under it they are taken', async (t) => {
      if (skip()) return t.skip(skip());
      const upload = async (mebibytes: number, index: number) => {
        const bytes = Buffer.alloc(mebibytes * 1024 * 1024, 0x20);
        bytes.write(`%PDF-1.4\n% file ${index}\n`);
        const response = await fetch(`${running.url}/referrals/attachments`, { method: 'POST', body: bytes, headers: { 'content-type': 'application/pdf' } });
        assert.equal(response.status, 201);
        return ((await response.json()) as { id: string }).id;
      };
      const send = (attachmentIds: string[], key: string) => {
        const { idempotencyKey: _key, ...body } = referralInput({ attachmentIds });
        return fetch(`${running.url}/referrals`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'idempotency-key': key } });
      };
      const large = [await upload(9, 1), await upload(9, 2), await upload(9, 3)];
      const refused = await send(large, 'size-quota-key-0001');
      assert.equal(refused.status, 400);
      assert.deepEqual(((await refused.json()) as { issues: Array<{ path: string }> }).issues.map((issue) => issue.path), ['attachmentIds']);
      assert.equal(Number((await server.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM referrals'))!.n), 0);
      assert.equal(Number((await server.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM referral_attachments WHERE referral_id IS NOT NULL'))!.n), 0);
      // Two of the same files (18 MiB) are one referral.
      assert.equal((await send(large.slice(0, 2), 'size-quota-key-0002')).status, 201);
    });
  });
}

suite('sqlite', () => undefined);
sizeQuota('sqlite', () => undefined);
const postgresReason = await postgresUnavailable();
suite('postgres', () => postgresReason);
sizeQuota('postgres', () => postgresReason);
