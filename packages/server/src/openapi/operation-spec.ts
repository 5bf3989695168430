/** How each operation of the OpenAPI document is written down (see document.ts). */
export type Json = Record<string, unknown>;

export interface OperationSpec {
  operationId: string;
  tag: 'booking' | 'intake' | 'hep' | 'survey' | 'progress' | 'referral' | 'admin' | 'messaging' | 'operator';
  summary: string;
  description: string;
  parameters?: Json[];
  body?: { schema: Json; example?: unknown; contentType?: string | readonly string[]; required?: boolean };
  ok: { status: string; description: string; schema?: Json; example?: unknown; headers?: Json };
  errors: readonly string[];
  security?: Json[];
}
