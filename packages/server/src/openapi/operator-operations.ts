/**
 * The operator API of the reference server (not of the adapter contract): creating practices,
 * each then served under `/practices/{practice}/` (the second server of this document).
 */
import { toJSONSchema } from 'zod/v4/core';
import { PracticeRequestSchema } from '../tenancy/practice-settings.js';
import type { Json, OperationSpec } from './operation-spec.js';

function jsonSchemaOf(schema: unknown): Json {
  const { $schema: _dialect, ...rest } = toJSONSchema(schema as never, { unrepresentable: 'any', io: 'input' } as never) as Json;
  return rest;
}

const PRACTICE_RECORD: Json = {
  type: 'object',
  required: ['id', 'name', 'settings', 'basePath', 'createdAt'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    settings: { type: 'object', description: 'As given (the admin key is never answered, nor kept: only its SHA-256).' },
    basePath: { type: 'string', description: 'Where the practice’s API lives, e.g. `/practices/cedar-ridge`: the REST adapter’s `baseUrl` is the server’s origin plus this.' },
    createdAt: { type: 'string', format: 'date-time' },
  },
};

export const OPERATOR_OPERATIONS: Record<string, Record<string, OperationSpec>> = {
  '/operator/practices': {
    post: {
      operationId: 'operator.createPractice',
      tag: 'operator',
      summary: 'Create a practice',
      description:
        'Registers a practice with its admin API key and configuration (CORS origins, hold length, clinic zone, reminder offsets, referral policies), creates its data space (a PostgreSQL schema or a SQLite file of its own) and starts its background jobs. Its API is then `/practices/{id}/...`. `409` when the id is taken (`default` is the un-prefixed practice).',
      security: [{ operatorKey: [] }],
      body: { schema: jsonSchemaOf(PracticeRequestSchema) },
      ok: { status: '201', description: 'The practice; `Location` is its base path.', schema: PRACTICE_RECORD, headers: { Location: { schema: { type: 'string' }, description: 'The practice’s base path.' } } },
      errors: ['400', '401', '409', '413', '415'],
    },
  },
};
