/**
 * Holds every backend to core's reply table: wraps a booking API so each method's reply is
 * checked with `bookingReplySchemas` (the same table the element boundary uses), and a reply off
 * the contract fails the test naming the method and its issues. Adapters do not validate their
 * own replies; this proves they need not be re-shaped anywhere else.
 */
import assert from 'node:assert/strict';
import { bookingReplySchemas, type BookingApi } from '@pxm/core';

type Checked = keyof typeof bookingReplySchemas;

function checkReply(method: Checked, reply: unknown): void {
  const result = bookingReplySchemas[method].safeParse(reply);
  if (result.success) return;
  const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(reply)'}: ${issue.message}`).join('; ');
  assert.fail(`booking.${method} replied off the contract: ${issues}`);
}

/** The same API, with every reply checked against its schema before the test sees it. */
export function withCheckedReplies(api: BookingApi): BookingApi {
  return new Proxy(api, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string' || !Object.hasOwn(bookingReplySchemas, property)) return value;
      const method = property as Checked;
      return async (...args: unknown[]) => {
        const reply: unknown = await (value as (...parameters: unknown[]) => Promise<unknown>).apply(target, args);
        checkReply(method, reply);
        return reply;
      };
    },
  });
}
