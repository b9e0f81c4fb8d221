import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium';

/**
 * End-to-end tests run against the production build (`npm run build`) served by `vite preview`,
 * in the system Chromium; the `hosting` project builds the site for a sub-path and serves it with nginx
 * (tests/e2e/hosting/site.ts; nginx on E2E_NGINX_PORT, default E2E_PORT + 10). Point them at another Chromium with CHROMIUM_PATH=/path/to/chrome.
 * Playwright never downloads a browser here.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173);
export const chromiumPath = CHROMIUM_PATH;

export default defineConfig({
  testDir: 'tests/e2e',
  // Tests, not files, are spread over the workers: the slow files no longer run serially at the end.
  fullyParallel: true,
  // Two workers on the two-core CI machine; the server is a static preview, so it keeps up.
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: chromiumPath,
      args: [...CHROMIUM_ARGS],
    },
  },
  projects: [
    // Everything but the hosting tests, against `vite preview` of dist/.
    { name: 'chromium', testIgnore: /e2e\/hosting\// },
    // A SITE_URL build under a sub-path, served by nginx with deploy/nginx.conf (README, "Deploy").
    { name: 'hosting-setup', testMatch: /e2e\/hosting\/hosting\.setup\.ts$/, teardown: 'hosting-teardown' },
    { name: 'hosting-teardown', testMatch: /e2e\/hosting\/hosting\.teardown\.ts$/ },
    { name: 'hosting', testMatch: /e2e\/hosting\/.*\.spec\.ts$/, dependencies: ['hosting-setup'] },
  ],
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1 --outDir ${process.env.QML_DIST_DIR ?? 'dist'}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
