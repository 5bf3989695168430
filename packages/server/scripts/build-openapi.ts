/**
 * Writes docs/api/openapi.yaml from src/openapi/ (paths and prose there, component schemas
 * generated from core's zod schemas). `pnpm --filter @pxm/server openapi`; the OpenAPI test
 * fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderOpenApiYaml } from './render-openapi.js';

const target = fileURLToPath(new URL('../../../docs/api/openapi.yaml', import.meta.url));
writeFileSync(target, renderOpenApiYaml());
process.stdout.write(`[pxm] wrote ${target}\n`);
