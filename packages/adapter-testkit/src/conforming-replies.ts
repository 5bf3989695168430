/**
 * Holds a backend to the contract's reply shapes. Built-in adapters hand their replies on
 * unvalidated (the element boundary validates them, once), so the contract suite checks here
 * that every reply a backend sends conforms to the capability's reply schemas.
 */
import assert from 'node:assert/strict';
import type { ContractSchema } from '@pxm/core';

/** Fails naming each issue (path and message) when `reply` does not conform to `schema`. */
export function assertConforms(schema: ContractSchema, reply: unknown, operation: string): void {
  const result = schema.safeParse(reply);
  if (result.success) return;
  const issues = result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.code} ${issue.message}`);
  assert.fail(`${operation} replied with a value its schema refuses:\n- ${issues.join('\n- ')}`);
}

/**
 * The capability's API with every reply checked against its method's schema on the way out
 * (failures stay as they are: a refused call has no reply to check).
 */
export function conformingApi<A extends object>(api: A, capability: string, schemas: Readonly<Record<string, ContractSchema>>): A {
  return new Proxy(api, {
    get(target, name, receiver) {
      const member = Reflect.get(target, name, receiver) as unknown;
      const schema = typeof name === 'string' ? schemas[name] : undefined;
      if (typeof member !== 'function' || !schema) return member;
      return async (...args: unknown[]) => {
        const reply: unknown = await (member as (...input: unknown[]) => Promise<unknown>).apply(target, args);
        assertConforms(schema, reply, `${capability}.${String(name)}`);
        return reply;
      };
    },
  });
}
