import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import devicesData from '../../../content/data/devices.json';
import { deviceSummaryJson, SUMMARY_FILE } from '../../../scripts/device-summary';
import { DEVICE_SUMMARIES, deviceSummary, SUMMARY_FIELDS } from '../../../src/sim/device-summary';

describe('the page-side device summary (src/sim/device-summary.json)', () => {
  it('is what `npm run devices:summary` writes from content/data/devices.json (run it after editing devices.json)', () => {
    expect(readFileSync(SUMMARY_FILE, 'utf8')).toBe(deviceSummaryJson());
  });

  it('holds, for every device of devices.json in its order, exactly the listed fields with the file’s values', () => {
    const raw = devicesData.devices as unknown as Record<string, unknown>[];
    expect(DEVICE_SUMMARIES.map((d) => d.id)).toEqual(raw.map((d) => d.id));
    raw.forEach((d, i) => {
      expect(Object.keys(DEVICE_SUMMARIES[i]).sort()).toEqual([...SUMMARY_FIELDS].sort());
      for (const f of SUMMARY_FIELDS) expect(DEVICE_SUMMARIES[i][f]).toEqual(d[f]);
    });
    // Values read off devices.json by hand.
    expect(deviceSummary('ibm_boston')).toMatchObject({
      name: 'IBM Heron r3 (ibm_boston)',
      date: '2026-04-17',
      twoQubitError: 1.27e-3,
      t1_us: 292,
      readoutError: { p01: 0.0051, p10: 0.0051 },
    });
    expect(deviceSummary('google_willow').errorConvention).toBe('pauli');
    // No notes, vendor or durations: those stay with the full table in the worker.
    expect(JSON.stringify(DEVICE_SUMMARIES).length).toBeLessThan(JSON.stringify(raw).length / 2);
  });

  it('refuses an unknown device, listing the known ones', () => {
    expect(() => deviceSummary('nope')).toThrow(/unknown device 'nope'; known: ibm_boston, .*ionq_aria/);
  });
});
