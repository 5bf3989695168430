/**
 * Built-in adapters hand their replies on unvalidated (the element validates them once, at its
 * boundary), so the contract holds every backend to the reply schemas here: each reply of a
 * wrapped API must pass its method's schema, or the test fails naming the issues.
 */
import assert from 'node:assert/strict';
import type { ContractSchema } from '@pxm/core';

/** Fails the test when `reply` does not conform to `schema`, listing where and why. */
export function assertReplyConforms(schema: ContractSchema, reply: unknown, operation: string): void {
  const result = schema.safeParse(reply);
  if (result.success) return;
  const issues = result.error.issues.slice(0, 10).map((issue) => `${issue.path.map(String).join('.') || '(reply)'}: ${issue.message}`);
  assert.fail(`${operation} replied with a value its reply schema refuses:\n  ${issues.join('\n  ')}`);
}

/**
 * The same API, with every reply of a method listed in `schemas` checked as it resolves.
 * Failures (rejections) pass through unchanged.
 */
export function conformingReplies<A extends object>(api: A, capability: string, schemas: Readonly<Record<string, ContractSchema>>): A {
  return new Proxy(api, {
    get(target, property, receiver) {
      const member: unknown = Reflect.get(target, property, receiver);
      const schema = typeof property === 'string' ? schemas[property] : undefined;
      if (typeof member !== 'function' || !schema) return member;
      const operation = `${capability}.${String(property)}`;
      return async (...args: unknown[]) => {
        const reply: unknown = await (member as (...values: unknown[]) => Promise<unknown>).apply(target, args);
        assertReplyConforms(schema, reply, operation);
        return reply;
      };
    },
  });
}
