/**
 * Helpers for the embed / presentation / offline specs: a tiny host-page server on another loopback
 * origin (tests/fixtures/host/*.html with {{BASE}} replaced by the site's address), axe, and the
 * article's step counts read from the catalogue.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { axeSource } from './helpers';

export const SITE_PORT = Number(process.env.E2E_PORT ?? 4173);
export const SITE = `http://127.0.0.1:${SITE_PORT}`;

export interface HostServer {
  url: string;
  close(): Promise<void>;
}

/** Serves tests/fixtures/host/ from `localhost` (a different origin from the site's 127.0.0.1). */
export async function startHostServer(): Promise<HostServer> {
  const dir = path.resolve('tests/fixtures/host');
  const server = http.createServer((req, res) => {
    const name = path.basename(new URL(req.url ?? '/', 'http://x').pathname) || 'two-embeds.html';
    try {
      const html = readFileSync(path.join(dir, name), 'utf8').replaceAll('{{BASE}}', SITE);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe on the page, or only inside the elements matching `include` (one selector or several). */
export async function runAxe(page: Page, include?: string | string[]): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axeSource });
  return page.evaluate(
    async (sel) => {
      const axe = (
        window as unknown as { axe: { run(ctx: unknown, opts: object): Promise<{ violations: AxeViolation[] }> } }
      ).axe;
      const result = await axe.run(sel ? { include: sel.map((s) => [s]) } : document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })),
      }));
    },
    include === undefined ? undefined : [include].flat(),
  );
}

export const describeViolations = (violations: AxeViolation[]) =>
  violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
    .join('\n');
