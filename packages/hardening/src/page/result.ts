/** What every in-page scenario returns to the Node side: failures (empty: passed) and figures. */
export interface ScenarioResult {
  failures: string[];
  figures: Record<string, number>;
  notes: string[];
}

export function newResult(): ScenarioResult {
  return { failures: [], figures: {}, notes: [] };
}

export function count(result: ScenarioResult, figure: string, by = 1): void {
  result.figures[figure] = (result.figures[figure] ?? 0) + by;
}

/** Runs `step`, turning a throw into a recorded failure labelled `what`. */
export async function attempt(result: ScenarioResult, what: string, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    // What the patient saw at that moment makes a failure readable.
    const shown = [...(document.getElementById('stage')?.children ?? [])].map((el) => `<${el.localName}> ${(el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 400)}`).join(' / ');
    result.failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}${shown ? ` [showing: ${shown}]` : ''}`);
  }
}
