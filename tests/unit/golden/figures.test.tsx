/**
 * Golden SVGs: every figure at every step, rendered as the handout pre-renders it (print frame: the
 * step's end state, default parameters, seeded data), must match `tests/golden/<figure>/step-<n>.svg`.
 * A change to a chart therefore shows in review as a diff of a readable file. When the change is
 * intended: `npm run golden:update`, review the diff of tests/golden/, commit it.
 *
 * Worker-backed figures (useExperiment) get their experiment's result the way a cached result arrives:
 * finished, during render. It is computed here, in Node, by the same seeded experiment code the worker
 * runs (src/experiments), for exactly the parameters the view requests. Figures count as near the
 * viewport, so they request what a reader who scrolled to them would get. Seeded tasks a view runs in
 * time slices after mount (useSlicedTask) are likewise finished during render.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { SlicedTask } from '../../../src/story/useSlicedTask';
import { unifiedDiff } from './diff';
import { goldenFrames, loadViews, renderFrame } from './frames';
import { goldenSvg } from './markup';
import { GOLDEN_DIR, goldenPath, removeStale, staleEntries, UPDATE_COMMAND, updating } from './store';

vi.mock('../../../src/charts/useNearViewport', () => ({ useNearViewport: () => true }));

// Results computed once for every view: Vitest evaluates a mock factory once per importing module.
const computed = vi.hoisted(() => ({
  experiments: new Map<string, { data: unknown; meta: unknown }>(),
  tasks: new Map<string, unknown>(),
}));

vi.mock('../../../src/story/useExperiment', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/story/useExperiment')>();
  const { runDefinition } = await import('../../../src/experiments');
  const { EXPERIMENT_NAMES } = await import('../../../src/experiments/registry');
  const { getLoadedExperiment, loadExperiment } = await import('../../../src/experiments/definitions');
  await Promise.all(EXPERIMENT_NAMES.map((name) => loadExperiment(name)));
  const idle = { data: undefined, meta: undefined, done: 0, total: 0, ready: false, error: undefined };
  return {
    ...original,
    useExperiment(name: string, params: object, options: { enabled?: boolean } = {}) {
      if (options.enabled === false) return idle;
      const key = original.experimentKey(name, params);
      let result = computed.experiments.get(key);
      if (!result) {
        result = runDefinition(getLoadedExperiment(name), params);
        computed.experiments.set(key, result);
      }
      return { data: result.data, meta: result.meta, done: 1, total: 1, ready: true, error: undefined };
    },
  };
});

// Seeded tasks a view computes in time slices after mount: their finished value, as the slices would
// leave it (a task's result does not depend on how it is split). A task of infinite cost is a measurement
// of the reader's machine: it stays as the server renders it, not started.
vi.mock('../../../src/story/useSlicedTask', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/story/useSlicedTask')>();
  return {
    ...original,
    useSlicedTask<A, T>(task: SlicedTask<A, T>) {
      if (!Number.isFinite(task.cost))
        return { value: task.view(task.init(), 0), done: 0, total: task.total, ready: false };
      if (!computed.tasks.has(task.key)) computed.tasks.set(task.key, original.runTaskSync(task));
      return { value: computed.tasks.get(task.key) as T, done: task.total, total: task.total, ready: true };
    },
  };
});

const MAX_DIFF_LINES = 80;
const frames = goldenFrames();

/**
 * Frames that render before their data, even with every computation finished: the baseline race copies
 * each trained segment into state from an effect (and starts its sweep only after), and cost-of-an-answer
 * times the reader's own browser. Every other frame must show its data, so a stand-in above that stops
 * applying (a hook moved) fails here instead of writing empty charts into the goldens.
 */
const RENDERED_BEFORE_DATA = new Set([
  'baseline-race 1',
  'baseline-race 2',
  'baseline-race 3',
  'cost-of-an-answer 0',
  'cost-of-an-answer 1',
  'cost-of-an-answer 2',
]);
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
  // Loading every view module transforms most of src/ on first use: seconds on an idle machine, more under load.
  beforeAll(loadViews, 60_000);

  it.each(frames.map((frame) => [`${frame.figure} step ${frame.step}`, frame] as const))(
    '%s renders as its golden file',
    (_, frame) => {
      const markup = renderFrame(frame);
      if (!RENDERED_BEFORE_DATA.has(`${frame.figure} ${frame.step}`))
        expect(/data-ready="(\w+)"/.exec(markup)?.[1], 'the figure renders with its finished data').toBe('true');
      const actual = goldenSvg(markup, frame);
      const file = goldenPath(frame);
      // A checkout with CRLF line ends (git's autocrlf) holds the same golden.
      const expected = existsSync(file) ? readFileSync(file, 'utf8').replace(/\r\n/g, '\n') : undefined;
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
