/**
 * One system Chromium per audit phase, launched by us with fixed flags and a remote-debugging port,
 * so Lighthouse and Playwright (over CDP) drive the same kind of browser. CHROMIUM_PATH overrides the
 * binary. Each launch gets a fresh profile: no cache, no service worker, no storage carried over.
 */
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export { CHROMIUM_PATH };

export const CHROMIUM_FLAGS = ['--headless=new', ...CHROMIUM_ARGS, '--no-default-browser-check'];

export interface LaunchedChromium {
  port: number;
  /** `http://127.0.0.1:<port>`, for Playwright's connectOverCDP */
  endpoint: string;
  close(): Promise<void>;
}

async function waitForPortFile(file: string, child: ChildProcess, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (child.exitCode !== null)
      throw new Error(`${CHROMIUM_PATH} exited with code ${child.exitCode} before it opened a debugging port`);
    try {
      const port = Number(readFileSync(file, 'utf8').split('\n')[0]);
      if (port > 0) return port;
    } catch {
      /* not written yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${CHROMIUM_PATH} did not open a debugging port within ${timeoutMs} ms`);
}

export async function launchChromium(): Promise<LaunchedChromium> {
  const profile = mkdtempSync(path.join(tmpdir(), 'qml-audit-'));
  const child = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  let port: number;
  try {
    port = await waitForPortFile(path.join(profile, 'DevToolsActivePort'), child, 20_000);
  } catch (e) {
    child.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`${(e as Error).message}\n${stderr}`, { cause: e });
  }
  return {
    port,
    endpoint: `http://127.0.0.1:${port}`,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The browser's version string, e.g. "Chromium 156.0.8078.114", via the DevTools HTTP endpoint. */
export async function chromiumVersion(endpoint: string): Promise<string> {
  const res = await fetch(`${endpoint}/json/version`);
  const body = (await res.json()) as { Browser?: string };
  return body.Browser ?? 'unknown';
}
