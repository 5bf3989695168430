import type { Capability, PxmAdapter } from '@pxm/core';

/** A fresh backend under test, loaded with the demo practice (`@pxm/core/demo`). */
export interface ContractSubject {
  adapter: PxmAdapter;
  /** How long a hold lasts on this backend. */
  holdTtlMs: number;
  /** Moves the backend's clock forward. Without it, hold expiry is waited out for real when short. */
  advanceTime?(ms: number): Promise<void> | void;
  dispose?(): Promise<void> | void;
}

export interface ContractOptions {
  /** Shown in the test names: `memory`, `rest (sqlite)`. */
  name: string;
  /** Makes a fresh backend whose clock reads `now` when the call returns. */
  create(options: { now: Date }): Promise<ContractSubject>;
  /** Tests to skip, by capability or by test title, with the reason printed beside them. */
  skip?: Partial<Record<Capability, string>> & { tests?: Record<string, string> };
}

/** A Monday two weeks before the US spring DST change (2027-03-14). */
export const CONTRACT_NOW = new Date('2027-03-01T16:00:00Z');
