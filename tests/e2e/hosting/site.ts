/**
 * The hosting test setup: a build made for a sub-path (`SITE_URL=http://127.0.0.1:<port>/qml-reality-check`),
 * served by nginx from Debian's package with deploy/nginx.conf, and a second build of changed content for
 * the redeploy test. hosting.setup.ts builds and starts, hosting.teardown.ts stops.
 * Set QML_HOSTING_REUSE=1 to reuse builds already in dist-hosting/ (local runs; CI always rebuilds).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SUB_PATH = '/qml-reality-check';
export const NGINX_PORT = Number(process.env.E2E_NGINX_PORT ?? Number(process.env.E2E_PORT ?? 4173) + 10);
export const SITE = `http://127.0.0.1:${NGINX_PORT}${SUB_PATH}`;
const OUT = path.join(ROOT, 'dist-hosting');
export const BUILD_A = path.join(OUT, 'a');
export const BUILD_B = path.join(OUT, 'b');
export const NGINX_PREFIX = path.join(OUT, 'nginx');
export const NGINX_BIN = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

function build(dist: string, ssr: string, contentDir?: string): void {
  if (process.env.QML_HOSTING_REUSE && existsSync(path.join(dist, 'sw.js'))) return;
  const env = {
    ...process.env,
    SITE_URL: SITE,
    QML_DIST_DIR: dist,
    QML_SSR_DIR: ssr,
    ...(contentDir ? { QML_CONTENT_DIR: contentDir } : {}),
  };
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, env, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`build for ${dist} failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
}

/** Build A: the article as it is. */
export function buildA(): void {
  build(BUILD_A, path.join(OUT, 'ssr-a'));
}

/** Build B: the same site after an edit to the prose, so its chunks have other hashes. */
export function buildB(): void {
  const content = path.join(OUT, 'content-b');
  rmSync(content, { recursive: true, force: true });
  cpSync(path.join(ROOT, 'content'), content, { recursive: true });
  const opening = path.join(content, '01-opening.mdx');
  writeFileSync(opening, `${readFileSync(opening, 'utf8')}\nThis paragraph was added by a redeploy.\n`);
  build(BUILD_B, path.join(OUT, 'ssr-b'), content);
}

/** deploy/nginx.conf with the test's port; the prefix holds html/qml-reality-check → build A. */
export function startNginx(): void {
  stopNginx();
  rmSync(NGINX_PREFIX, { recursive: true, force: true });
  for (const d of ['html', 'logs', 'tmp']) mkdirSync(path.join(NGINX_PREFIX, d), { recursive: true });
  symlinkSync(BUILD_A, path.join(NGINX_PREFIX, 'html', SUB_PATH.slice(1)));
  const config = readFileSync(path.join(ROOT, 'deploy', 'nginx.conf'), 'utf8');
  if (!/^\s*listen 8080;$/m.test(config))
    throw new Error('deploy/nginx.conf: no "listen 8080;" line to point at the test port');
  writeFileSync(
    path.join(NGINX_PREFIX, 'nginx.conf'),
    config.replace(/^(\s*)listen 8080;$/m, `$1listen 127.0.0.1:${NGINX_PORT};`),
  );
  // Started as root (CI, containers), nginx's workers drop to `nobody`, who cannot read a checkout in a
  // private directory (e.g. one made by mktemp -d): keep them as the user who owns the checkout.
  const asRoot = process.getuid?.() === 0 ? ['-g', 'user root;'] : [];
  execFileSync(
    NGINX_BIN,
    [
      ...asRoot,
      '-p',
      NGINX_PREFIX,
      '-c',
      path.join(NGINX_PREFIX, 'nginx.conf'),
      '-e',
      path.join(NGINX_PREFIX, 'logs', 'error.log'),
    ],
    { stdio: 'pipe' },
  );
}

export function stopNginx(): void {
  const pidFile = path.join(NGINX_PREFIX, 'nginx.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  try {
    process.kill(pid, 'SIGQUIT');
  } catch {
    /* already gone */
  }
  rmSync(pidFile, { force: true });
}
