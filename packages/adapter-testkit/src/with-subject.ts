import type { ContractOptions, ContractSubject } from './subject.js';

/** Runs `body` against a fresh backend and always disposes of it. */
export async function withSubject(
  options: ContractOptions,
  now: Date,
  body: (subject: ContractSubject) => Promise<void>,
): Promise<void> {
  const subject = await options.create({ now });
  try {
    await body(subject);
  } finally {
    await subject.dispose?.();
    await subject.adapter.dispose?.();
  }
}
