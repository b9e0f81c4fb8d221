import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * The content checks run inside the real build: a broken content directory (QML_CONTENT_DIR) makes
 * `vite build` exit non-zero with `file:line:column: message`. Builds go to a temporary outDir, never dist/.
 */
function buildWith(files: Record<string, string>): { status: number | null; output: string; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'qml-content-'));
  cpSync(path.resolve('tests/fixtures/mdx/valid'), dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const outDir = path.join(dir, 'out');
  const result = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    env: { ...process.env, QML_CONTENT_DIR: dir, NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, dir };
}

test.describe.configure({ mode: 'serial' });

test('an unknown citation key fails the build with file, line and column', async () => {
  test.setTimeout(150_000);
  const { status, output, dir } = buildWith({
    '03-data-loading.mdx':
      '## Data loading\n\nA fine claim <Cite id="alpha2020"/>.\n\nA broken one <Cite id="foo"/>.\n',
  });
  try {
    expect(status).not.toBe(0);
    expect(output).toContain(`${dir}/03-data-loading.mdx:5:14: unknown citation key "foo"`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a Scrolly with the wrong number of steps and an unknown component fail the build', async () => {
  test.setTimeout(150_000);
  const { status, output, dir } = buildWith({
    '02-noise.mdx': '## Noise\n\n<Scrolly figure="calibration-drift">\n<Step>One</Step>\n</Scrolly>\n\n<Sparkline />\n',
  });
  try {
    expect(status).not.toBe(0);
    expect(output).toContain(
      `${dir}/02-noise.mdx:3:1: <Scrolly figure="calibration-drift"> has 1 <Step> but the catalogue lists 3`,
    );
    expect(output).toContain(`${dir}/02-noise.mdx:7:1: unknown component <Sparkline>`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an unknown <Value> key fails the build with file, line and column; a known one builds', async () => {
  test.setTimeout(150_000);
  const { status, output, dir } = buildWith({
    '03-data-loading.mdx':
      '## Data loading\n\nA delay of <Value of="devices.ibm_miami.repDelay_us" format="int"/> µs.\n\nAn error of <Value of="devices.ibm_boston.cz_error" format="sci:2"/>.\n',
  });
  try {
    expect(status).not.toBe(0);
    expect(output).toContain(`${dir}/03-data-loading.mdx:5:13: unknown value key "devices.ibm_boston.cz_error"`);
    expect(output).not.toContain('repDelay_us"');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the fixture article itself builds (the failures above come from the broken files only)', async () => {
  test.setTimeout(150_000);
  const { status, output, dir } = buildWith({});
  try {
    expect(status, output).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
