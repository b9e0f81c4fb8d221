/**
 * Golden SVGs: every figure at every step, rendered as the handout pre-renders it (print frame: the
 * step's end state, default parameters, seeded data), must match `tests/golden/<figure>/step-<n>.svg`.
 * A change to a chart therefore shows in review as a diff of a readable file. When the change is
 * intended: `npm run golden:update`, review the diff of tests/golden/, commit it.
 *
 * Worker-backed figures (useExperiment) get their experiment's result the way a cached result arrives:
 * finished, during render. It is computed here, in Node, by the same seeded experiment code the worker
 * runs (src/experiments), for exactly the parameters the view requests. Figures count as near the
 * viewport, so they request what a reader who scrolled to them would get.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { unifiedDiff } from './diff';
import { goldenFrames, loadViews, renderFrame } from './frames';
import { goldenSvg } from './markup';
import { GOLDEN_DIR, goldenPath, removeStale, staleEntries, UPDATE_COMMAND, updating } from './store';

vi.mock('../../../src/charts/useNearViewport', () => ({ useNearViewport: () => true }));

// One store for every view: Vitest evaluates the mock factory once per importing module.
const results = vi.hoisted(() => new Map<string, { data: unknown; meta: unknown }>());

vi.mock('../../../src/story/useExperiment', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/story/useExperiment')>();
  const { getExperiment, runDefinition } = await import('../../../src/experiments');
  const idle = { data: undefined, meta: undefined, done: 0, total: 0, ready: false, error: undefined };
  return {
    ...original,
    useExperiment(name: string, params: object, options: { enabled?: boolean } = {}) {
      if (options.enabled === false) return idle;
      const key = original.experimentKey(name, params);
      let result = results.get(key);
      if (!result) {
        result = runDefinition(getExperiment(name), params);
        results.set(key, result);
      }
      return { data: result.data, meta: result.meta, done: 1, total: 1, ready: true, error: undefined };
    },
  };
});

const MAX_DIFF_LINES = 80;
const frames = goldenFrames();
const relative = (file: string) => path.relative(process.cwd(), file);

function mismatchMessage(file: string, expected: string, actual: string): string {
  const diff = unifiedDiff(expected, actual, { before: relative(file), after: 'rendered now' }).split('\n');
  const shown =
    diff.length > MAX_DIFF_LINES
      ? [...diff.slice(0, MAX_DIFF_LINES), `… ${diff.length - MAX_DIFF_LINES} more diff lines`]
      : diff;
  return [
    `${relative(file)} no longer matches the rendered figure:`,
    ...shown,
    `If this change is intended, run \`${UPDATE_COMMAND}\` and review the diff of tests/golden/.`,
  ].join('\n');
}

describe('golden SVGs of every figure step', () => {
  beforeAll(loadViews);

  it.each(frames.map((frame) => [`${frame.figure} step ${frame.step}`, frame] as const))(
    '%s renders as its golden file',
    (_, frame) => {
      const actual = goldenSvg(renderFrame(frame), frame);
      const file = goldenPath(frame);
      const expected = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      if (updating()) {
        if (expected !== actual) {
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, actual);
          console.log(`golden: ${expected === undefined ? 'wrote' : 'updated'} ${relative(file)}`);
        }
        return;
      }
      if (expected === undefined)
        expect.fail(`${relative(file)} is missing: run \`${UPDATE_COMMAND}\`, review and commit tests/golden/.`);
      if (expected !== actual) expect.fail(mismatchMessage(file, expected, actual));
    },
  );

  it('keeps no golden file for a figure or step that no longer exists', () => {
    const stale = staleEntries(frames.map(goldenPath));
    if (updating()) {
      removeStale(stale);
      for (const entry of stale) console.log(`golden: removed ${relative(path.join(GOLDEN_DIR, entry))}`);
      return;
    }
    expect(stale, `stale golden files (no such figure step): run \`${UPDATE_COMMAND}\` to delete them`).toEqual([]);
  });
});
