/**
 * Loaded first, as a classic script, before any PXM code: it watches the page for what the
 * elements must never do. It records CSP violations, uncaught errors, console output, every
 * dispatched event's detail, listeners added to and removed from `window` and `document`, and the
 * globals and head/body state the page started with. The harness reads it through `window.pxmSentinel`.
 */

export interface ListenerRecord {
  target: 'window' | 'document';
  type: string;
  capture: boolean;
}

export interface Sentinel {
  violations: Array<{ directive: string; blocked: string; sample: string }>;
  errors: string[];
  console: Array<{ level: string; text: string }>;
  /** Events dispatched through `dispatchEvent` (what elements fire): type and detail as JSON. */
  events: Array<{ type: string; detail: string }>;
  /** Listeners on window/document still registered, by who registered them. */
  liveListeners(): ListenerRecord[];
  /** Globals present before any module ran. */
  initialGlobals: string[];
  /** `<head>`/`<body>` state before any module ran. */
  initialPage: PageState;
  pageState(): PageState;
  /** Stops recording console and events from the harness itself while `run` runs. */
  quiet<T>(run: () => Promise<T>): Promise<T>;
}

export interface PageState {
  headStyles: number;
  documentSheets: number;
  adoptedSheets: number;
  bodyAttributes: string;
  htmlAttributes: string;
  bodyInlineStyle: string;
  title: string;
}

declare global {
  interface Window {
    pxmSentinel: Sentinel;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function attributesOf(element: Element): string {
  return [...element.attributes].map((attribute) => `${attribute.name}=${attribute.value}`).sort().join(' ');
}

function pageState(): PageState {
  return {
    headStyles: document.head.querySelectorAll('style').length,
    documentSheets: document.styleSheets.length,
    adoptedSheets: document.adoptedStyleSheets.length,
    bodyAttributes: document.body ? attributesOf(document.body) : '',
    htmlAttributes: attributesOf(document.documentElement),
    bodyInlineStyle: document.body?.style.cssText ?? '',
    title: document.title,
  };
}

(() => {
  let quiet = 0;
  const violations: Sentinel['violations'] = [];
  const errors: string[] = [];
  const consoleLines: Sentinel['console'] = [];
  const events: Sentinel['events'] = [];
  const listeners = new Map<string, number>();

  document.addEventListener('securitypolicyviolation', (event) => {
    violations.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample });
  });
  window.addEventListener('error', (event) => errors.push(`error: ${event.message} at ${event.filename}:${event.lineno}`));
  window.addEventListener('unhandledrejection', (event) => errors.push(`unhandled rejection: ${describe(event.reason)}`));

  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      if (quiet === 0) consoleLines.push({ level, text: args.map(describe).join(' ') });
      original(...args);
    };
  }

  const dispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event): boolean {
    if (quiet === 0) events.push({ type: event.type, detail: event instanceof CustomEvent ? describe(event.detail) : '' });
    return dispatch.call(this, event);
  };

  const key = (target: 'window' | 'document', type: string, capture: boolean) => `${target}|${type}|${capture}`;
  const captureOf = (options: boolean | AddEventListenerOptions | undefined) => (typeof options === 'boolean' ? options : Boolean(options?.capture));
  const nameOf = (target: EventTarget): 'window' | 'document' | undefined => (target === window ? 'window' : target === document ? 'document' : undefined);
  // Same listener added twice counts once, as the browser does.
  const registered = new Map<string, Set<unknown>>();
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    const name = nameOf(this);
    if (name && listener && quiet === 0 && !(typeof options === 'object' && options.once)) {
      const k = key(name, type, captureOf(options));
      const set = registered.get(k) ?? new Set();
      if (!set.has(listener)) {
        set.add(listener);
        listeners.set(k, (listeners.get(k) ?? 0) + 1);
      }
      registered.set(k, set);
      if (typeof options === 'object') {
        options.signal?.addEventListener('abort', () => {
          if (set.delete(listener)) listeners.set(k, (listeners.get(k) ?? 1) - 1);
        });
      }
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    const name = nameOf(this);
    if (name && listener) {
      const k = key(name, type, captureOf(options));
      if (registered.get(k)?.delete(listener)) listeners.set(k, (listeners.get(k) ?? 1) - 1);
    }
    return remove.call(this, type, listener, options);
  };

  const initialGlobals = Object.getOwnPropertyNames(window);
  window.pxmSentinel = {
    violations,
    errors,
    console: consoleLines,
    events,
    liveListeners() {
      const live: ListenerRecord[] = [];
      for (const [k, count] of listeners) {
        const [target, type, capture] = k.split('|') as ['window' | 'document', string, string];
        for (let i = 0; i < count; i++) live.push({ target, type, capture: capture === 'true' });
      }
      return live;
    },
    initialGlobals,
    initialPage: pageState(),
    pageState,
    async quiet(run) {
      quiet += 1;
      try {
        return await run();
      } finally {
        quiet -= 1;
      }
    },
  };
})();
