/**
 * A server wired to real channels for the messaging tests: email to a real SMTP server on
 * loopback (DKIM-signed with a key made here), SMS through the official SDK to the provider
 * stand-in, the practice's webhook to a local collector, and the admin API on.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Appointment, ReminderConsent } from '@pxm/core/booking';
import { createTwilioProvider, type PxmServerOptions } from '../../src/index.js';
import { startTestServer, type Dialect, type TestServer } from '../harness.js';
import { startSmsStandIn, type SmsStandIn } from './sms-stand-in.js';
import { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server.js';

export const PUBLIC_URL = 'https://api.cedarridge.example';
export const ADMIN_KEY = 'admin-key-for-messaging-tests-0123456789';
export const ACCOUNT_SID = `AC${'a1'.repeat(16)}`;
export const AUTH_TOKEN = 'stand-in-auth-token-0123456789abcdef';
export const PRACTICE_NUMBER = '+13035550100';
export const PATIENT_PHONE = '+1 303-555-0111';

export interface MessagingRig {
  server: TestServer;
  smtp: SmtpTestServer;
  sms: SmsStandIn;
  /** What the practice's webhook received. */
  practiceEvents: Record<string, unknown>[];
  dkimPublicKey: string;
  admin(path: string, init?: RequestInit): Promise<Response>;
  book(consents: ReminderConsent[], pick: (slots: { id: string; start: string }[]) => { id: string }, patient?: Partial<{ kind: 'new' | 'returning' }>): Promise<Appointment>;
  dispose(): Promise<void>;
}

export function consentsFor(channels: ('sms' | 'email')[], at: string, language: 'en' | 'es' = 'en'): ReminderConsent[] {
  return (['sms', 'email'] as const).map((channel) => ({ channel, granted: channels.includes(channel), recordedAt: at, wordingVersion: 'booking-2027-03', language }));
}

export async function startMessagingRig(now: Date, extra: Partial<PxmServerOptions['messaging']> = {}, dialect: Dialect = 'sqlite'): Promise<MessagingRig> {
  const smtp = await startSmtpTestServer();
  let serverUrl = '';
  const sms = await startSmsStandIn({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, route: (url) => url.replace(PUBLIC_URL, serverUrl) });
  const practiceEvents: Record<string, unknown>[] = [];
  const hook = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      practiceEvents.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'der' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const server = await startTestServer(dialect, {
    now,
    serverOptions: {
      adminApiKey: ADMIN_KEY,
      messaging: {
        email: {
          smtp: { host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true },
          from: '"Cedar Ridge Physical Therapy" <reminders@cedarridge.example>',
          dkim: { domainName: 'cedarridge.example', keySelector: 'pxm2027', privateKey },
        },
        sms: createTwilioProvider({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: PRACTICE_NUMBER, apiBaseUrl: sms.url, timeoutMs: 5_000 }),
        publicUrl: PUBLIC_URL,
        links: { manage: 'https://cedarridge.example/visit#{token}', intake: 'https://cedarridge.example/forms#{token}', hep: 'https://cedarridge.example/exercises#{token}', survey: 'https://cedarridge.example/survey#{token}' },
        practiceWebhook: { url: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/pxm`, secret: 'practice-webhook-secret-0123456789abcdef' },
        ...extra,
      },
    },
  });
  serverUrl = server.url;
  const api = server.adapter.booking!;
  let bookings = 0;
  return {
    server,
    smtp,
    sms,
    practiceEvents,
    dkimPublicKey: publicKey.toString('base64'),
    admin: (path, init = {}) => fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json', ...init.headers } }),
    async book(consents, pick, patient = {}) {
      const slots = await api.findSlots({ locationId: 'denver-highlands', appointmentTypeId: patient.kind === 'returning' ? 'follow-up' : 'initial-evaluation', from: '2027-03-02T00:00:00-07:00', to: '2027-03-31T00:00:00-06:00' });
      const hold = await api.holdSlot(pick(slots).id);
      const details =
        patient.kind === 'returning'
          ? { kind: 'returning' as const, lastName: 'Parks', dateOfBirth: '1980-02-04', phone: PATIENT_PHONE }
          : { kind: 'new' as const, firstName: 'Rosa', lastName: 'Parks', dateOfBirth: '1980-02-04', phone: PATIENT_PHONE, email: 'rosa@example.com' };
      return api.book({ holdId: hold.id, patient: details, consents, idempotencyKey: `messaging-rig-${++bookings}` });
    },
    async dispose() {
      await server.dispose();
      await smtp.close();
      await sms.close();
      await new Promise<void>((resolve) => hook.close(() => resolve()));
    },
  };
}

/** The slot that starts at this instant. */
export function at(iso: string) {
  return (slots: { id: string; start: string }[]) => {
    const slot = slots.find((candidate) => Date.parse(candidate.start) === Date.parse(iso));
    if (!slot) throw new Error(`No slot at ${iso}`);
    return slot;
  };
}
