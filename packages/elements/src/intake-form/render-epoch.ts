import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onTranslationsChanged } from '../l10n/translation-registry.js';

/**
 * A number that changes whenever what a cached field shows could change without its answer
 * changing: the language, its strings (a translation registered late), or a reloaded form. Fields
 * kept by `guard` list it among their dependencies.
 */
export class RenderEpoch implements ReactiveController {
  value = 0;
  private locale = '';
  private stopListening: (() => void) | undefined;

  constructor(private readonly host: ReactiveControllerHost & { readonly resolvedLocale: string }) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stopListening = onTranslationsChanged(() => this.advance());
  }

  hostDisconnected(): void {
    this.stopListening?.();
  }

  hostUpdate(): void {
    const locale = this.host.resolvedLocale;
    if (locale === this.locale) return;
    this.locale = locale;
    this.advance();
  }

  advance(): void {
    this.value += 1;
  }
}
