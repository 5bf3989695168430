/**
 * What the suite needs to know about one element to prove things about it: how to mount it on a
 * fresh backend, how a patient completes it (through the DOM, by ids and labels that backend text
 * cannot change), what the backend must hold afterwards, and which replies it reads at load.
 */
import type { PxmAdapter } from '@pxm/core';
import type { MemoryAdapter } from '@pxm/adapter-memory';
import type { FaultyAdapter } from '@pxm/adapter-testkit/faults';

export type ElementTag = 'pxm-booking' | 'pxm-survey' | 'pxm-hep-viewer' | 'pxm-intake-form' | 'pxm-progress' | 'pxm-referral';

/** What a patient types: unusual values, so any copy of them anywhere is found. */
export interface Secrets {
  first: string;
  last: string;
  email: string;
  phone: string;
  dob: string;
  free: string;
  member: string;
}

export const SECRETS: Secrets = {
  first: 'Zelphine',
  last: 'Quorrowmere',
  email: 'zelphine.q@example.org',
  phone: '+1 303 555 0177',
  dob: '1979-11-23',
  free: 'Kneecap ache since the Quorrow hike',
  member: 'QZX99887766',
};

/** Every way a secret could show up again: as typed, and in the forms code tends to turn it into. */
export function secretNeedles(secrets: Secrets = SECRETS): string[] {
  return [
    secrets.first,
    secrets.last,
    secrets.email,
    secrets.email.split('@')[0]!,
    secrets.phone,
    secrets.phone.replace(/\D/g, ''),
    '555 0177',
    secrets.dob,
    secrets.dob.replace(/-/g, ''),
    secrets.free,
    'Quorrow',
    secrets.member,
  ].map((s) => s.toLowerCase());
}

/** Rewrites a backend-supplied human text (for the injection corpus); `path` names the field. */
export type TextMapper = (original: string, path: string) => string;

export interface MountOptions {
  /** Rewrites every backend-supplied text before the backend is created. */
  text?: TextMapper;
  /** Extra attributes for the element. */
  attributes?: Record<string, string>;
  /** Wait until the first usable state (default true). */
  wait?: boolean;
  /** An existing backend to mount on (two instances, re-adding). */
  store?: MemoryAdapter;
  /** A second instance on one page opens a different link (token) where the element has one. */
  variant?: number;
  /** Scripts faults before the element makes its first call. */
  prepare?: (faults: FaultyAdapter) => void;
}

export interface Mounted {
  element: HTMLElement;
  /** The real backend, for checking what it holds. */
  store: MemoryAdapter;
  /** The wrapper the element talks to: faults are scripted here. */
  faults: FaultyAdapter;
  /** The link token the element opened, where it has one. */
  token?: string;
}

export interface CompleteOptions {
  secrets?: Secrets;
  /**
   * `alternate` gives other health answers where the flow has them (a high pain rating), so the
   * events proof can show that nothing a page's scripts see depends on the answers.
   */
  answers?: 'usual' | 'alternate';
  /** Called at each state the flow passes through, with its name (axe, injection checks). */
  onState?: (state: string) => Promise<void> | void;
}

export interface LoadReply {
  operation: string;
  /** A valid reply, as the backend sends it. */
  valid: unknown;
  /** Whether a reply is acceptable by the contract (core's schema). */
  accepts(value: unknown): boolean;
  /**
   * The `pxm-error` a refused reply may end in (default: `server` for the operation). A form
   * definition the backend sends broken is the form author's problem: `validation`.
   */
  refusedAs?: Array<{ code: string; operation: string }>;
}

/** How a call made after loading ended, as the element shows it. */
export type CallOutcome = 'pending' | 'succeeded' | 'failed';

/**
 * A reply the element reads after loading (a save, an upload, a submit), to be broken by the
 * malformed-data tests: how to bring the element to the call cheaply, make it, and read the end.
 */
export interface LaterReply {
  operation: string;
  /** A valid reply, as the backend sends it. */
  valid: unknown;
  accepts(value: unknown): boolean;
  /** Mounts the element on a fresh backend ready for the call; `prepare` scripts its faults. */
  mount(stage: HTMLElement, prepare: (faults: FaultyAdapter) => void): Promise<Mounted>;
  /** Makes the element call `operation` once, as the patient would. */
  trigger(mounted: Mounted): Promise<void>;
  outcome(mounted: Mounted): CallOutcome;
  /** What the patient had typed or chosen that is no longer there (empty: nothing lost). */
  lost(mounted: Mounted): string[];
}

export interface Profile {
  tag: ElementTag;
  /** Short name used in figures and test titles. */
  name: string;
  mount(stage: HTMLElement, options?: MountOptions): Promise<Mounted>;
  /** Until the element shows its first usable state (or a failure state). */
  ready(element: HTMLElement): Promise<void>;
  /** A patient's complete job, through the DOM. */
  complete(mounted: Mounted, options?: CompleteOptions): Promise<void>;
  /** What is wrong with the backend after exactly one complete flow (empty: right). */
  checkOutcome(mounted: Mounted): Promise<string[]>;
  /** The replies read while loading, each valid, to be broken by the malformed-data tests. */
  loadReplies(store: MemoryAdapter, token: string | undefined): Promise<LoadReply[]>;
  /** Replies read later in the flow, where the element has them (built once, in the page). */
  laterReplies?(stage: HTMLElement): Promise<LaterReply[]>;
}

export type { PxmAdapter };
