/**
 * The system Chromium every browser tool here drives (Playwright tests, the audit, benchmarks, screenshots):
 * Debian's /usr/bin/chromium unless CHROMIUM_PATH names another. Playwright never downloads a browser.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet, reproducible headless run as root in a container: no sandbox, GPU, updates or sync. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
