/**
 * Device ids of content/data/devices.json, without the JSON: figure metadata in the article bundle
 * names devices without carrying their calibration data (tests/unit/figures/noise-vs-depth.test.ts keeps
 * this list in step with the file).
 */
export const DEVICE_IDS = [
  'ibm_boston',
  'ibm_kingston',
  'ibm_fez',
  'ibm_miami',
  'google_willow',
  'quantinuum_helios',
  'ionq_aria',
] as const;
export type DeviceId = (typeof DEVICE_IDS)[number];
