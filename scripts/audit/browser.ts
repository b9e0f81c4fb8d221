/**
 * One system Chromium per audit phase, launched by us with fixed flags and a remote-debugging port,
 * so Lighthouse and Playwright (over CDP) drive the same kind of browser. CHROMIUM_PATH overrides the
 * binary. Each launch gets a fresh profile: no cache, no service worker, no storage carried over.
 */
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
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

/** Resolves true once `closed` has resolved, or false after `ms`. */
function within(closed: Promise<void>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void closed.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * A promise that resolves when `child` has exited and closed its stdio. Chromium's helper processes inherit
 * its stderr, so the pipe closes only when they have exited too: after that, nothing writes into the profile.
 */
export function whenClosed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => child.once('close', () => resolve()));
}

/**
 * Stops `child`: SIGTERM, then SIGKILL if it has not closed within `graceMs`; resolves once it has closed
 * (or after a second `graceMs`, so a stuck helper never hangs the audit). `closed` is `whenClosed(child)`,
 * taken at spawn, so a process that has already gone is seen as closed.
 */
export async function stopProcess(child: ChildProcess, closed: Promise<void>, graceMs = 5_000): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  if (await within(closed, graceMs)) return;
  child.kill('SIGKILL');
  await within(closed, graceMs);
}

/**
 * Removes a temporary profile. A helper process can still be writing into it for a moment (ENOTEMPTY,
 * EBUSY), so `rm` retries; a profile left in the temp folder is a warning, never an audit failure.
 * Resolves whether it was removed.
 */
export async function removeProfile(dir: string, remove: typeof rm = rm): Promise<boolean> {
  try {
    await remove(dir, { recursive: true, force: true, maxRetries: 8, retryDelay: 100 });
    return true;
  } catch (e) {
    console.warn(`audit: the temporary Chromium profile ${dir} was left behind: ${(e as Error).message}`);
    return false;
  }
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
  const closed = whenClosed(child);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const shutDown = async () => {
    await stopProcess(child, closed);
    await removeProfile(profile);
  };
  let port: number;
  try {
    port = await waitForPortFile(path.join(profile, 'DevToolsActivePort'), child, 20_000);
  } catch (e) {
    await shutDown();
    throw new Error(`${(e as Error).message}\n${stderr}`, { cause: e });
  }
  return { port, endpoint: `http://127.0.0.1:${port}`, close: shutDown };
}

/** The browser's version string, e.g. "Chromium 156.0.8078.114", via the DevTools HTTP endpoint. */
export async function chromiumVersion(endpoint: string): Promise<string> {
  const res = await fetch(`${endpoint}/json/version`);
  const body = (await res.json()) as { Browser?: string };
  return body.Browser ?? 'unknown';
}
