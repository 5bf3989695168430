/**
 * Accessible names as Chromium computes them (its accessibility tree, through the
 * `pxm-accessible-names` command in scripts/accessible-name-plugin.mjs). Unlike `textContent`,
 * these show the spaces the browser adds around visually hidden text.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export async function accessibleNames(elements: readonly Element[]): Promise<string[]> {
  const page = window as unknown as { __pxmAccessibleNameTargets?: readonly Element[] };
  page.__pxmAccessibleNameTargets = elements;
  try {
    return await executeServerCommand<string[], undefined>('pxm-accessible-names');
  } finally {
    delete page.__pxmAccessibleNameTargets;
  }
}

export async function accessibleName(element: Element): Promise<string> {
  return (await accessibleNames([element]))[0] ?? '';
}
