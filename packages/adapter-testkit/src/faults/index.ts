/** `@pxm/adapter-testkit/faults`: browser-safe fault injection for any adapter. */
export { createFaultyAdapter, type Fault, type FaultyAdapter } from './fault-adapter.js';
