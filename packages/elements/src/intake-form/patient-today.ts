import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localDateIn } from '@pxm/core/time';

/**
 * The patient's today (`YYYY-MM-DD` in their time zone), worked out at most once per update:
 * date fields and validation ask for it often, and zone lookups are not free on a long page.
 */
export class PatientToday implements ReactiveController {
  private cached: { at: number; value: string } | undefined;

  constructor(private readonly host: ReactiveControllerHost & { readonly resolvedTimeZone: string }) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.cached = undefined;
  }

  get value(): string {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > 1_000) this.cached = { at: now, value: localDateIn(now, this.host.resolvedTimeZone) };
    return this.cached.value;
  }
}
