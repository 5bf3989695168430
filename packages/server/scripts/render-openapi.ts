import { stringify } from 'yaml';
import { buildOpenApiDocument } from '../src/openapi/document.js';

const HEADER = `# PXM Elements REST contract (OpenAPI 3.1).
# Generated: edit packages/server/src/openapi/ and run \`pnpm --filter @pxm/server openapi\`.
# Component schemas come from @pxm/core's zod schemas, so this file and the code agree.
`;

export function renderOpenApiYaml(): string {
  return HEADER + stringify(buildOpenApiDocument(), { lineWidth: 0, aliasDuplicateObjects: false });
}
