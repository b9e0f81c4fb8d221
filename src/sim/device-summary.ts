/**
 * What a page shows of each device in content/data/devices.json: its name, source and date, and the
 * medians the figures' labels and controls print. The page imports this summary (≈ 0.5 kB) instead of the
 * full table with its notes and validation (src/sim/noise.ts, ≈ 3 kB gz), which only the workers and
 * Node load. src/sim/device-summary.json is written from devices.json by `npm run devices:summary`
 * (scripts/device-summary.ts); tests/unit/sim/device-summary.test.ts fails when it is out of step.
 */
import { devices } from './device-summary.json';
import type { DeviceProfile } from './noise';

/** The fields of a device profile the summary keeps. */
export const SUMMARY_FIELDS = [
  'id',
  'name',
  'source',
  'date',
  'errorConvention',
  'twoQubitError',
  't1_us',
  't2_us',
  'readoutError',
] as const satisfies readonly (keyof DeviceProfile)[];

export type DeviceSummary = Pick<DeviceProfile, (typeof SUMMARY_FIELDS)[number]>;

/** Every device's summary, in the order of devices.json. */
export const DEVICE_SUMMARIES = devices as readonly DeviceSummary[];

/** The summary of a (validated) device profile. */
export function summarizeDevice(device: DeviceProfile): DeviceSummary {
  return Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, device[f]])) as DeviceSummary;
}

/** One device's summary by id; throws listing the known ids (as getDevice does). */
export function deviceSummary(id: string): DeviceSummary {
  const dev = DEVICE_SUMMARIES.find((d) => d.id === id);
  if (!dev) throw new Error(`unknown device '${id}'; known: ${DEVICE_SUMMARIES.map((d) => d.id).join(', ')}`);
  return dev;
}
