/**
 * A capability whose code loads on its first call. An adapter hands an element the API object at
 * once (so `capabilitiesOf` and optional-method checks see what it offers), and the mapping code
 * behind it (`import()` of the area's module) is only downloaded when a page calls it: a page that
 * never opens a progress view never loads the adapter's progress code.
 */
import { AdapterError } from '../errors/adapter-error.js';

/** Every method of a capability API, each marked whether this adapter offers it (optional ones may be absent). */
export type CapabilityMethods<Api> = { readonly [Method in keyof Api]-?: boolean };

type Callable = (...args: unknown[]) => unknown;

/**
 * The API, built from `load` the first time one of its methods is called (and once only: its
 * state, such as a catalogue cache, is shared by every later call). A load that fails (the network
 * dropped the chunk) rejects that call with a retryable `network` error and is tried again next call.
 */
export function lazyCapability<Api extends object>(capability: string, load: () => Promise<Api>, methods: CapabilityMethods<Api>): Api {
  let loading: Promise<Api> | undefined;
  const loaded = (method: string): Promise<Api> => {
    loading ??= load().catch((cause: unknown) => {
      loading = undefined;
      throw new AdapterError('network', `The ${capability} code could not be loaded.`, { operation: `${capability}.${method}`, cause });
    });
    return loading;
  };
  const api: Record<string, Callable> = {};
  for (const [method, offered] of Object.entries(methods)) {
    if (!offered) continue;
    api[method] = async (...args: unknown[]) => {
      const real = (await loaded(method)) as Record<string, Callable>;
      return Reflect.apply(real[method]!, real, args);
    };
  }
  return api as Api;
}
