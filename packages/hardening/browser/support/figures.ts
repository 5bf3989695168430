/**
 * The suite's figures (cases run, payloads tried, faults injected, violations found): each test
 * file adds to a JSON file, and the runner prints the total at the end.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PACKAGE_DIR } from './build.js';

export const FIGURES_DIR = join(PACKAGE_DIR, '.hardening', 'figures');

export type Figures = Record<string, number>;

/** Adds figures under `area` for this process; written out by `saveFigures`. */
const collected: Record<string, Figures> = {};

export function addFigures(area: string, figures: Figures): void {
  const into = (collected[area] ??= {});
  for (const [name, value] of Object.entries(figures)) into[name] = (into[name] ?? 0) + value;
}

export function saveFigures(file: string): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  writeFileSync(join(FIGURES_DIR, `${basename(file).replace(/\W+/g, '-')}.json`), JSON.stringify(collected, null, 2));
}

export function readAllFigures(): Record<string, Figures> {
  const all: Record<string, Figures> = {};
  if (!existsSync(FIGURES_DIR)) return all;
  for (const name of readdirSync(FIGURES_DIR).filter((n) => n.endsWith('.json'))) {
    const part = JSON.parse(readFileSync(join(FIGURES_DIR, name), 'utf8')) as Record<string, Figures>;
    for (const [area, figures] of Object.entries(part)) {
      const into = (all[area] ??= {});
      for (const [key, value] of Object.entries(figures)) into[key] = (into[key] ?? 0) + value;
    }
  }
  return all;
}
