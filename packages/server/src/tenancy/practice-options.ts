/**
 * A practice's server options: the deployment's machinery (clock, log, limits, jobs, sealing
 * key, eligibility, replica) with the practice's own data space, admin key and configuration.
 * Channels to patients and referrers, webhooks, the polled HISP inbox and metrics stay the default practice's: a
 * created practice sends through the log sender until it is given channels of its own.
 */
import type { PxmServerOptions } from '../server.js';
import type { PracticeStart } from './practice-registry.js';

/** What the process shares with its practices: one job queue and the replica's connections (PostgreSQL). */
export type PracticeShared = Pick<NonNullable<PxmServerOptions['practice']>, 'jobs' | 'replica'>;

export function practiceOptions(root: PxmServerOptions, practice: PracticeStart, shared: PracticeShared = {}): PxmServerOptions {
  const settings = practice.settings;
  const holdTtlMs = settings.holdTtlMinutes !== undefined ? settings.holdTtlMinutes * 60_000 : root.holdTtlMs;
  const { channels: _channels, webhooks: _webhooks, directInbox: _directInbox, ...referralTiming } = root.referrals ?? {};
  return {
    database: practice.database,
    corsOrigins: settings.corsOrigins ?? [],
    seed: settings.seed ?? 'none',
    practice: { id: practice.id, adminKeySha256Hex: practice.adminKeySha256Hex, ...shared },
    ...(holdTtlMs !== undefined ? { holdTtlMs } : {}),
    ...(root.now ? { now: root.now } : {}),
    ...(root.log !== undefined ? { log: root.log } : {}),
    ...(root.logFormat ? { logFormat: root.logFormat } : {}),
    ...(root.maxJsonBytes !== undefined ? { maxJsonBytes: root.maxJsonBytes } : {}),
    ...(root.eligibility !== undefined ? { eligibility: root.eligibility } : {}),
    ...(root.eligibilityPolicy ? { eligibilityPolicy: root.eligibilityPolicy } : {}),
    ...(root.idempotencyRetentionMs !== undefined ? { idempotencyRetentionMs: root.idempotencyRetentionMs } : {}),
    ...(root.secretKey !== undefined ? { secretKey: root.secretKey } : {}),
    ...(root.purgeIntervalMs !== undefined ? { purgeIntervalMs: root.purgeIntervalMs } : {}),
    ...(root.limits !== undefined ? { limits: root.limits } : {}),
    ...(root.trustProxy !== undefined ? { trustProxy: root.trustProxy } : {}),
    ...(root.jobs ? { jobs: root.jobs } : {}),
    ...(root.readReplica ? { readReplica: root.readReplica } : {}),
    reminders: {
      ...(root.reminders?.sender ? { sender: root.reminders.sender } : {}),
      ...(root.reminders?.dispatch ? { dispatch: root.reminders.dispatch } : {}),
      ...(root.reminders?.pollIntervalMs !== undefined ? { pollIntervalMs: root.reminders.pollIntervalMs } : {}),
      ...((settings.reminderOffsetsMinutes ?? root.reminders?.offsetsMinutes) ? { offsetsMinutes: settings.reminderOffsetsMinutes ?? root.reminders!.offsetsMinutes! } : {}),
    },
    referrals: {
      ...referralTiming,
      ...(settings.timeZone ? { timeZone: settings.timeZone } : {}),
      ...(settings.referralDuplicateWindowDays !== undefined ? { duplicateWindowDays: settings.referralDuplicateWindowDays } : {}),
      ...(settings.referralEmailAllowed !== undefined ? { emailAllowed: settings.referralEmailAllowed } : {}),
    },
  };
}
