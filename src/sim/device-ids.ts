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

/** The devices whose gate durations are not published (a shot cannot be timed). */
const UNTIMED_DEVICE_IDS = ['quantinuum_helios'] as const satisfies readonly DeviceId[];
export type TimedDeviceId = Exclude<DeviceId, (typeof UNTIMED_DEVICE_IDS)[number]>;

/**
 * The devices whose gate durations are published, so a shot can be timed (the cost figures, the claim
 * checker), in DEVICE_IDS order. A unit test checks each has gate times in content/data/devices.json.
 */
export const TIMED_DEVICE_IDS: readonly TimedDeviceId[] = DEVICE_IDS.filter(
  (id): id is TimedDeviceId => !(UNTIMED_DEVICE_IDS as readonly DeviceId[]).includes(id),
);
