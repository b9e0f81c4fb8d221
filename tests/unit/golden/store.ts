/**
 * Where golden files live (`tests/golden/<figure>/step-<n>.svg`), and which files there belong to no
 * current figure step. Everything else in `tests/golden/` (its README) is left alone.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const GOLDEN_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../golden');

/** The command that rewrites every golden file (and deletes stale ones). */
export const UPDATE_COMMAND = 'npm run golden:update';

/** True when this run should write golden files instead of comparing. */
export function updating(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.UPDATE_GOLDEN === '1' || env.UPDATE_GOLDEN === 'true';
}

export function goldenPath(frame: { figure: string; step: number }): string {
  return path.join(GOLDEN_DIR, frame.figure, `step-${frame.step}.svg`);
}

/**
 * Files and folders under the golden directory that no expected golden accounts for: a figure folder
 * with no view (or no longer in the catalogue), a step beyond the figure's last, anything else in a
 * figure folder. Paths are relative to the golden directory, folders with a trailing slash.
 */
export function staleEntries(expected: readonly string[], dir = GOLDEN_DIR): string[] {
  if (!existsSync(dir)) return [];
  const wanted = new Set(expected.map((file) => path.relative(dir, file)));
  const figures = new Set([...wanted].map((rel) => rel.split(path.sep)[0]));
  const stale: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!statSync(path.join(dir, name)).isDirectory()) continue;
    if (!figures.has(name)) {
      stale.push(`${name}/`);
      continue;
    }
    for (const file of readdirSync(path.join(dir, name)).sort()) {
      const rel = path.join(name, file);
      if (!wanted.has(rel)) stale.push(rel);
    }
  }
  return stale;
}

/** Deletes what `staleEntries` listed. */
export function removeStale(entries: readonly string[], dir = GOLDEN_DIR): void {
  for (const entry of entries) rmSync(path.join(dir, entry), { recursive: true, force: true });
}
