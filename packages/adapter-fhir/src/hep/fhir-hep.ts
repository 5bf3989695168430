/**
 * The home-exercise capability on FHIR. The link token is an identifier of the CarePlan (with
 * the link's expiry as its period); the program is the current version of that plan and its
 * earlier versions come from the plan's history; logs are Observations created once per
 * client-made id (`If-None-Exist`), voided by setting them `entered-in-error`.
 */
import { ActivityLogEntrySchema, ActivityQuerySchema, type ActivityLogEntry, type HepRevision } from '@pxm/core/hep';
import { AdapterError, parseRequest, type CallOptions, type HepApi } from '@pxm/core';
import * as z from 'zod/mini';
import type { FhirContext } from '../context.js';
import { findByLinkToken, fromOrganization, identifierOf, parseReference, refuseExpired, token, LINK_TOKEN_IDENTIFIER, ACTIVITY_LOG_IDENTIFIER, LOINC_SYSTEM } from '../area-plumbing.js';
import type { CarePlan, Observation, Organization } from '../fhir/types.js';
import { hasErrorCode } from '../http/errors.js';
import { LOINC_EXERCISE_ACTIVITY, requireLog, toLogObservation } from './log-mapping.js';
import { exerciseIdOf, fromCarePlan, programVersionOf, revisionOf, type PracticeContact } from './program-mapping.js';

const EntriesSchema = z.array(ActivityLogEntrySchema).check(z.minLength(1), z.maxLength(200));
const CAS_ATTEMPTS = 4;
const PARALLEL_WRITES = 8;

export function createFhirHep(ctx: FhirContext): HepApi {
  const zoneFallback = () => ctx.practice.defaultTimeZone ?? 'UTC';

  async function openPlan(linkToken: string, operation: string, signal?: AbortSignal): Promise<CarePlan> {
    const invalid = () => new AdapterError('token_invalid', 'This link is not valid.', { operation });
    const { resource: plan, expiresAt } = await findByLinkToken<CarePlan>(ctx, 'CarePlan', LINK_TOKEN_IDENTIFIER, linkToken, invalid, operation, signal);
    if (!plan.id || plan.status === 'entered-in-error' || plan.status === 'revoked') throw invalid();
    refuseExpired(ctx, expiresAt, operation);
    return plan;
  }

  async function contactOf(plan: CarePlan, operation: string, signal?: AbortSignal): Promise<PracticeContact> {
    const ref = parseReference(plan.author);
    if (ref?.type !== 'Organization') return { name: plan.author?.display };
    try {
      const practice = fromOrganization((await ctx.client.read<Organization>(operation, 'Organization', ref.id, signal)).resource);
      return { name: practice.name || plan.author?.display, phone: practice.phone };
    } catch (error) {
      if (hasErrorCode(error, 'not_found', 'unauthorized')) return { name: plan.author?.display };
      throw error;
    }
  }

  /** Earlier program versions from the plan's history; a server without history gives none. */
  async function revisionsOf(plan: CarePlan, zone: string, operation: string, signal?: AbortSignal): Promise<HepRevision[]> {
    let versions: CarePlan[];
    try {
      versions = await ctx.client.history<CarePlan>(operation, 'CarePlan', plan.id ?? '', signal);
    } catch (error) {
      if (hasErrorCode(error, 'not_found', 'unsupported', 'unauthorized', 'validation')) return [];
      throw error;
    }
    const current = programVersionOf(plan);
    const byVersion = new Map<number, HepRevision>();
    // History comes newest first: the last stored state of each program version wins.
    for (const version of versions) {
      const revision = revisionOf(version, zone);
      if (revision && revision.version < current && !byVersion.has(revision.version)) byVersion.set(revision.version, revision);
    }
    return [...byVersion.values()].sort((a, b) => a.version - b.version);
  }

  async function storeOne(plan: CarePlan, entry: ActivityLogEntry, names: ReadonlyMap<string, string>, operation: string, signal?: AbortSignal): Promise<ActivityLogEntry> {
    const written = await ctx.client.create(operation, toLogObservation(entry, plan, names.get(entry.exerciseId)), {
      ifNoneExist: { identifier: token(ACTIVITY_LOG_IDENTIFIER, entry.clientId) },
      signal,
    });
    let stored = written.resource;
    let version = written.version;
    // A repeat is a no-op, except that undoing (voiding) an earlier log is applied once.
    for (let attempt = 0; attempt < CAS_ATTEMPTS && !written.created && entry.voided && stored.status !== 'entered-in-error'; attempt++) {
      try {
        const voided = await ctx.client.update<Observation>(operation, { ...stored, status: 'entered-in-error' }, { ifMatch: version, signal });
        stored = voided.resource;
      } catch (error) {
        if (!hasErrorCode(error, 'conflict')) throw error;
        const again = await ctx.client.read<Observation>(operation, 'Observation', stored.id ?? '', signal);
        stored = again.resource;
        version = again.version;
      }
    }
    return requireLog(stored, operation);
  }

  return {
    async loadProgram(linkToken, opts?: CallOptions) {
      const operation = 'hep.loadProgram';
      const plan = await openPlan(linkToken, operation, opts?.signal);
      const zone = fromCarePlan(plan, {}, [], zoneFallback()).timeZone;
      const [contact, revisions] = await Promise.all([contactOf(plan, operation, opts?.signal), revisionsOf(plan, zone, operation, opts?.signal)]);
      // Handed on as built: the element validates replies (its boundary).
      return fromCarePlan(plan, contact, revisions, zoneFallback());
    },

    async logActivity(linkToken, entries, opts?: CallOptions) {
      const operation = 'hep.logActivity';
      const list = parseRequest(EntriesSchema, entries, operation);
      const plan = await openPlan(linkToken, operation, opts?.signal);
      const names = new Map<string, string>();
      for (const activity of plan.activity ?? []) {
        const id = exerciseIdOf(activity);
        if (id) names.set(id, activity.detail?.code?.text ?? id);
      }
      for (const entry of list) {
        if (!names.has(entry.exerciseId)) {
          throw new AdapterError('validation', 'Unknown exercise.', { operation, issues: [{ path: 'exerciseId', message: 'Not in this program.' }] });
        }
      }
      const stored: ActivityLogEntry[] = [];
      for (let i = 0; i < list.length; i += PARALLEL_WRITES) {
        stored.push(...(await Promise.all(list.slice(i, i + PARALLEL_WRITES).map((entry) => storeOne(plan, entry, names, operation, opts?.signal)))));
      }
      return stored;
    },

    async listActivity(linkToken, query = {}, opts?: CallOptions) {
      const operation = 'hep.listActivity';
      const q = parseRequest(ActivityQuerySchema, query, operation);
      const plan = await openPlan(linkToken, operation, opts?.signal);
      const date = [...(q.from ? [`ge${new Date(q.from).toISOString()}`] : []), ...(q.to ? [`lt${new Date(q.to).toISOString()}`] : [])];
      const found = await ctx.client.search<Observation>(
        operation,
        'Observation',
        { 'based-on': `CarePlan/${plan.id ?? ''}`, code: token(LOINC_SYSTEM, LOINC_EXERCISE_ACTIVITY), _count: '1000', ...(date.length > 0 ? { date } : {}) },
        opts?.signal,
      );
      const from = q.from ? Date.parse(q.from) : -Infinity;
      const to = q.to ? Date.parse(q.to) : Infinity;
      const logs = found.matches
        .filter((observation) => identifierOf(observation, ACTIVITY_LOG_IDENTIFIER) !== undefined)
        .map((observation) => requireLog(observation, operation))
        .filter((entry) => {
          const at = Date.parse(entry.completedAt);
          return at >= from && at < to;
        })
        .sort((a, b) => Date.parse(a.completedAt) - Date.parse(b.completedAt));
      return logs;
    },
  };
}
