/**
 * Accessibility check with axe-core inside the real browser. Throws with every violation listed
 * (rule, impact, and the offending nodes) so a failing test says exactly what to fix.
 */
interface AxeResult {
  violations: Array<{ id: string; impact?: string; help: string; nodes: Array<{ target: unknown; failureSummary?: string }> }>;
}

interface Axe {
  run(context: Element, options: Record<string, unknown>): Promise<AxeResult>;
}

async function loadAxe(): Promise<Axe> {
  const global = window as unknown as { axe?: Axe };
  if (!global.axe) await import('axe-core/axe.min.js' as string);
  if (!global.axe) throw new Error('axe-core did not load');
  return global.axe;
}

export async function expectNoAxeViolations(element: Element, disabledRules: string[] = []): Promise<void> {
  const axe = await loadAxe();
  const rules = Object.fromEntries(disabledRules.map((id) => [id, { enabled: false }]));
  const result = await axe.run(element, { resultTypes: ['violations'], rules });
  if (result.violations.length === 0) return;
  const report = result.violations
    .map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
  throw new Error(`axe found ${result.violations.length} violation(s):\n${report}`);
}
