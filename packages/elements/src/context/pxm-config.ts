import { createContext } from '@lit/context';
import type { PxmAdapter } from '@pxm/core';

/** What `<pxm-provider>` gives every element inside it. */
export interface PxmConfig {
  adapter: PxmAdapter | undefined;
  locale: string | undefined;
  /** The patient's zone, when the host knows it better than the browser does. */
  timeZone: string | undefined;
}

export const pxmConfigContext = createContext<PxmConfig>(Symbol.for('pxm-config'));
