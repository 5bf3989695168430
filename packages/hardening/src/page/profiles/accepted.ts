/**
 * What an element accepts from a reply: what its boundary (`AdapterCalls`) takes, the contract's
 * schema after the repair of droppable fields (a bad link, an over-long text). The oracle of the
 * malformed-data proofs: accepted payloads must render, the rest must end in an error state.
 */
import type { ContractSchema } from '@pxm/core';
import { parseWithRepair } from '@pxm/core/reply-repair';

/** The reply as the element would hold it, or undefined when the element must refuse it. */
export function acceptedValue<T>(schema: ContractSchema<T>, value: unknown): T | undefined {
  const { result } = parseWithRepair(schema, value);
  return result.success ? result.data : undefined;
}

export const acceptedBy =
  <T>(schema: ContractSchema<T>) =>
  (value: unknown): boolean =>
    acceptedValue(schema, value) !== undefined;
