/**
 * What the server says it can do, from its CapabilityStatement (`GET [base]/metadata`), read
 * once per adapter. Only operations decide anything here: the scheduling operations
 * (`Appointment/$find`, `$hold`, `$book`) switch booking from the Slot-based fallback to the
 * server's own scheduler, and `CoverageEligibilityRequest/$submit` enables eligibility checks.
 */
import { AdapterError } from '@pxm/core';
import type { CapabilityStatement } from '../fhir/types.js';
import type { FhirClient } from './client.js';
import { abortable } from './abortable.js';

export interface ServerCapabilities {
  /** Operations advertised per resource type (`Appointment` -> `find`, `hold`, `book`). */
  operations: ReadonlyMap<string, ReadonlySet<string>>;
  /** Server-wide interactions (`transaction`, `batch`, `search-system`). */
  interactions: ReadonlySet<string>;
  /** False when the server published no readable CapabilityStatement. */
  published: boolean;
}

export const NOTHING_ADVERTISED: ServerCapabilities = { operations: new Map(), interactions: new Set(), published: false };

/** `find` from `find`, `$find`, or a definition URL ending in `appointment-find`. */
function operationCode(name: string | undefined, definition: string | undefined): string | undefined {
  const raw = (name ?? '').replace(/^\$/, '');
  if (raw) return raw.toLowerCase();
  const tail = definition?.split('/').pop();
  return tail?.replace(/^[a-z]+-/i, '').toLowerCase();
}

export function readCapabilities(statement: CapabilityStatement): ServerCapabilities {
  const operations = new Map<string, Set<string>>();
  const interactions = new Set<string>();
  for (const rest of statement.rest ?? []) {
    if (rest.mode && rest.mode !== 'server') continue;
    for (const interaction of rest.interaction ?? []) if (interaction.code) interactions.add(interaction.code);
    for (const op of rest.operation ?? []) {
      const code = operationCode(op.name, op.definition);
      if (!code) continue;
      // A system-level operation named after a type (`appointment-hold`) applies to that type.
      const type = /appointment/i.test(op.definition ?? op.name ?? '') ? 'Appointment' : '*';
      operations.set(type, (operations.get(type) ?? new Set()).add(code));
    }
    for (const resource of rest.resource ?? []) {
      if (!resource.type) continue;
      for (const op of resource.operation ?? []) {
        const code = operationCode(op.name, op.definition);
        if (code) operations.set(resource.type, (operations.get(resource.type) ?? new Set()).add(code));
      }
    }
  }
  return { operations, interactions, published: true };
}

export function advertises(capabilities: ServerCapabilities, type: string, operation: string): boolean {
  return capabilities.operations.get(type)?.has(operation) ?? false;
}

/**
 * A lazy, shared read of the CapabilityStatement. A server that has none (404, not a
 * CapabilityStatement) advertises nothing; a network failure is not remembered, so the next
 * call tries again.
 */
export function capabilityReader(client: FhirClient): (signal?: AbortSignal) => Promise<ServerCapabilities> {
  let pending: Promise<ServerCapabilities> | undefined;
  return (signal) => {
    // Shared by every caller, so no single caller's abort cancels it; the deadline bounds it.
    pending ??= client
      .request<CapabilityStatement>('capabilities', { method: 'GET', url: 'metadata' })
      .then((reply) => (reply.body?.resourceType === 'CapabilityStatement' ? readCapabilities(reply.body) : NOTHING_ADVERTISED))
      .catch((error: unknown) => {
        if (AdapterError.is(error) && (error.code === 'not_found' || error.code === 'unsupported' || (error.code === 'server' && !error.retryable))) {
          return NOTHING_ADVERTISED;
        }
        pending = undefined;
        throw error;
      });
    return abortable(pending, signal);
  };
}
