/**
 * The demo page's sections, one per element. Each element's issue adds its section here; the
 * page shows only sections whose element is registered.
 */
export interface DemoSection {
  id: string;
  title: string;
  /** The custom element tag the section needs. */
  tag: string;
  intro: string;
  /** Markup of the element, configured by attributes only. */
  markup: string;
}

export const demoSections: DemoSection[] = [];
