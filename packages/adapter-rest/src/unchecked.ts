/**
 * Survey and HEP replies are handed on as they came (inside their envelope): the element
 * validates them against the contract once, at its boundary, so this client does not again.
 */
import * as z from 'zod/mini';

export const Unchecked = z.unknown();
export const UncheckedList = z.array(Unchecked);
