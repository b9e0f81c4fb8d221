/**
 * Writes src/sim/device-summary.json: the part of content/data/devices.json a page shows (names, sources,
 * dates and the medians in the figures' labels; src/sim/device-summary.ts says why), from the validated
 * table. Run after editing devices.json:
 *   npm run devices:summary
 * tests/unit/sim/device-summary.test.ts fails until the file is in step.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadDevices } from '../src/sim/noise';
import { summarizeDevice } from '../src/sim/device-summary';

export const SUMMARY_FILE = path.resolve(import.meta.dirname, '../src/sim/device-summary.json');

/** The file's text: generated, with a note saying so. */
export function deviceSummaryJson(): string {
  const body = {
    about:
      'Generated from content/data/devices.json by `npm run devices:summary` (scripts/device-summary.ts); do not edit.',
    devices: loadDevices().map(summarizeDevice),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  writeFileSync(SUMMARY_FILE, deviceSummaryJson());
  console.log(`wrote ${path.relative(process.cwd(), SUMMARY_FILE)}`);
}
