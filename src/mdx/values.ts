/**
 * The numbers the prose may quote, by dotted key, for `<Value of="…"/>`:
 *
 *  - every number in content/data/*.json: `devices.<id>.<field>` (the devices list keyed by id),
 *    `cloud.<item>.<field>`, `datasets.<id>.<field>`, `gpus.<id>.<field>` and `gpus.utilisation.…`,
 *    `qec.<group>.<field>`, `drift.<field>`; nested objects and arrays continue the path
 *    (`devices.ibm_boston.readoutError.p01`, `devices.ibm_miami.repDelayRange_us.0`);
 *  - `model.<figure>.…`: results of the figures' own models at their default parameters (the same
 *    functions the figures call), so the prose, the figures and their text alternatives cannot disagree.
 *
 * Runs at build time in Node (the MDX plugin) and in unit tests. Pure: no file system, no DOM.
 */
import cloud from '../../content/data/cloud.json';
import datasets from '../../content/data/datasets.json';
import devices from '../../content/data/devices.json';
import drift from '../../content/data/drift.json';
import gpus from '../../content/data/gpus.json';
import qec from '../../content/data/qec.json';
import { defaultParams } from '../story/params';
import { encodingCounts } from '../encoding/counts';
import { amplitudeQubits } from '../encoding/circuits';
import { pipelineParamSpec } from '../figures/pipeline-cost/meta';
import { computePipeline } from '../costs/pipeline';
import { datasetTotals, inputsFromParams } from '../figures/pipeline-cost/text';
import { erosionParamSpec } from '../figures/speedup-erosion/meta';
import { breakEven, erosionModel } from '../costs/erosion';
import { CYCLE_US, distanceFor, qubitsPerLogical, willowLogicalError } from '../figures/error-correction/model';
import { ERROR_CORRECTION_DEFAULTS } from '../figures/error-correction/meta';
import { Z95, deepLimitShots } from '../figures/measurement-marathon/model';
import { costParamSpec } from '../figures/cost-of-an-answer/meta';
import { crossover, lastAvailable, sweep } from '../figures/cost-of-an-answer/model';
import { accelParamSpec } from '../figures/accelerator-check/meta';
import { matrix } from '../figures/accelerator-check/model';

export type ValueTable = ReadonlyMap<string, number>;

const DAY = 86400;
const YEAR = 365.25 * DAY;

/** Adds every finite number under `node` to `out`, keyed by its dotted path. */
function flatten(prefix: string, node: unknown, out: Map<string, number>): void {
  if (typeof node === 'number') {
    if (Number.isFinite(node)) out.set(prefix, node);
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((child, i) => flatten(`${prefix}.${i}`, child, out));
    return;
  }
  if (node && typeof node === 'object') {
    for (const [k, child] of Object.entries(node)) flatten(`${prefix}.${k}`, child, out);
  }
}

/** The sourced numbers of content/data/*.json. */
export function dataValues(): Map<string, number> {
  const out = new Map<string, number>();
  flatten('cloud', cloud.items, out);
  flatten('datasets', datasets.items, out);
  for (const d of devices.devices) flatten(`devices.${d.id}`, d, out);
  flatten('drift', drift, out);
  flatten('gpus', gpus.items, out);
  flatten('gpus.utilisation', gpus.utilisation, out);
  flatten('qec', qec, out);
  return out;
}

/** Results of the figures' models at their defaults, plus simple arithmetic on the data that the prose quotes. */
export function modelValues(): Map<string, number> {
  const out = new Map<string, number>();
  const set = (key: string, v: number | null | undefined) => {
    if (v === null || v === undefined || !Number.isFinite(v))
      throw new Error(`model value ${key} is not a finite number (${v})`);
    out.set(`model.${key}`, v);
  };

  // pipeline-cost at its defaults (ibm_boston, amplitude encoding, P = 100, ε = 0.03, 2018 latency anchor).
  const pipelineInputs = inputsFromParams(defaultParams(pipelineParamSpec));
  const [mnist, imagenet] = datasetTotals(pipelineInputs);
  set('pipeline-cost.shots', mnist.bill.shotsPerExpectation);
  set('pipeline-cost.mnist.days', mnist.bill.time.total / DAY);
  set('pipeline-cost.mnist.executionDays', mnist.bill.time.execution / DAY);
  set('pipeline-cost.mnist.latencyDays', mnist.bill.time.latency / DAY);
  set('pipeline-cost.mnist.usd', mnist.bill.dollars.total);
  set('pipeline-cost.mnist.faultFree', Math.exp(-(mnist.bill.gateFaults ?? NaN)));
  set('pipeline-cost.mnist.mitigationFactor', Math.exp(2 * (mnist.bill.gateFaults ?? NaN)));
  set('pipeline-cost.imagenet.years', imagenet.bill.time.total / YEAR);
  set('pipeline-cost.imagenet.circuitMs', imagenet.bill.circuit.duration * 1e3);
  set('pipeline-cost.imagenet.overT2', imagenet.bill.durationOverT2);
  set('pipeline-cost.imagenet.gateFaults', imagenet.bill.gateFaults);
  // The same MNIST run on IBM Nighthawk (ibm_miami), whose default repetition delay is 4,000 µs.
  const [mnistMiami] = datasetTotals({ ...pipelineInputs, device: 'ibm_miami' });
  set('pipeline-cost.miami.mnistYears', mnistMiami.bill.time.total / YEAR);
  set('pipeline-cost.miami.mnistUsd', mnistMiami.bill.dollars.total);
  // Braket, IonQ Forte: one circuit of 1,000 shots, and a parameter-shift gradient of 100 parameters for one example.
  const braket = computePipeline({
    ...pipelineInputs,
    plan: 'braket-ionq-forte',
    eps: 1 / Math.sqrt(1000),
    examples: 1,
    epochs: 1,
    params: 100,
  });
  set('pipeline-cost.braket.circuitUsd', braket.dollars.total / braket.circuits);
  set('pipeline-cost.braket.gradientUsd', braket.dollars.total);

  // speedup-erosion: break-even with every cost counted, at the defaults and for an exponential speedup.
  const erosion = defaultParams(erosionParamSpec);
  for (const [name, inputs] of [
    ['quadratic', erosion],
    ['exponential', { ...erosion, speedup: 'exponential' as const }],
  ] as const) {
    const b = breakEven(erosionModel(inputs), 'latency');
    set(`speedup-erosion.${name}.breakEvenN`, b.n);
    set(`speedup-erosion.${name}.breakEvenSeconds`, b.seconds);
  }

  // cost-of-an-answer at its defaults (one expectation value, ε = 0.01, L = 10, ibm_boston, IBM list price, one H100 node).
  // The browser curve is timed live on the reader's machine, so only the QPU and GPU sides are quotable.
  const costInputs = defaultParams(costParamSpec);
  const costRows = sweep(costInputs, new Map());
  const at20 = costRows.find((r) => r.n === costInputs.qubits)!;
  set('cost-of-an-answer.qpuSeconds', at20.qpu.seconds);
  set('cost-of-an-answer.qpuUsd', at20.qpu.usd);
  set('cost-of-an-answer.gpuMs', at20.gpu.seconds * 1e3);
  set('cost-of-an-answer.shots', at20.qpu.shots);
  set('cost-of-an-answer.crossoverSeconds', crossover(costRows, 'gpu', 'seconds').n);
  set('cost-of-an-answer.crossoverUsd', crossover(costRows, 'gpu', 'usd').n);
  set('cost-of-an-answer.oneGpuQubits', Math.floor(Math.log2((gpus.items['h100-sxm'].memoryGB * 1e9) / 8)));
  set('cost-of-an-answer.lastGpuQubits', lastAvailable(costRows, 'gpu'));
  set(
    'cost-of-an-answer.faultFreeAtCrossover',
    costRows.find((r) => r.n === crossover(costRows, 'gpu', 'seconds').n)?.qpu.fidelity,
  );

  // accelerator-check at its defaults: the readout of a language model's weights (ibm_boston, ε = 0.01 per weight).
  const accel = matrix(defaultParams(accelParamSpec));
  set(
    'accelerator-check.llmReadoutYears',
    (accel.find((r) => r.workload.id === 'llm')!.cells.outputs.value ?? NaN) / YEAR,
  );

  // error-correction: Willow's Λ extrapolated (steps 0–1 of the figure).
  const d6 = distanceFor(willowLogicalError, 1e-6);
  const d12 = distanceFor(willowLogicalError, 1e-12);
  set('error-correction.d6', d6);
  set('error-correction.qubits6', d6 === null ? null : qubitsPerLogical(d6));
  set('error-correction.d12', d12);
  set('error-correction.qubits12', d12 === null ? null : qubitsPerLogical(d12));
  set('error-correction.machineQubits', d6 === null ? null : ERROR_CORRECTION_DEFAULTS.logical * qubitsPerLogical(d6));
  set('error-correction.logicalLayerKHz', d6 === null ? null : 1 / (d6 * CYCLE_US * 1e-6) / 1e3);

  // encoding-cost: closed-form gate counts of the encodings (src/encoding/counts, checked against built circuits).
  for (const id of ['mnist', 'imagenet-1k'] as const) {
    const features = datasets.items[id].features;
    const key = id === 'mnist' ? 'mnist' : 'imagenet';
    set(`encoding-cost.${key}.amplitudeQubits`, amplitudeQubits(features));
    set(`encoding-cost.${key}.amplitudeValues`, 2 ** amplitudeQubits(features));
    set(`encoding-cost.${key}.amplitudeCnots`, encodingCounts('amplitude', features).cnots);
    set(`encoding-cost.${key}.zzCnots`, encodingCounts('zz', features).cnots);
  }

  // measurement-marathon: shots per term by the one-sigma rule N = 1/(2·Var) in the deep (2-design) limit.
  for (const n of [12, 20, 30]) set(`measurement-marathon.oneSigmaShots.${n}`, deepLimitShots(n) / (Z95 * Z95));
  set('measurement-marathon.z95Squared', Z95 * Z95);
  // barren-plateau: the closed-form variance 2ⁿ/(3(4ⁿ − 1)) at n = 2, and the typical gradient √Var at 20 and 30 qubits.
  set('barren-plateau.variance2', 4 / (3 * 15));
  for (const n of [20, 30]) set(`barren-plateau.typicalGradient.${n}`, Math.sqrt(2 ** n / (3 * (4 ** n - 1))));

  // Arithmetic on the data, named so the prose can quote it.
  for (const d of devices.devices) {
    if (d.oneQubitError !== null && d.twoQubitError !== null)
      set(`devices.${d.id}.twoToOneErrorRatio`, d.twoQubitError / d.oneQubitError);
    const rep = (d as { repDelay_us?: number }).repDelay_us;
    if (rep !== undefined) set(`devices.${d.id}.tenThousandShotsSeconds`, (1e4 * rep) / 1e6);
  }
  const syc = cloud.items['sycamore-sampling'];
  set('cloud.sycamore-sampling.samplesPerSecond', syc.samples / syc.seconds);
  set('cloud.ibm-payg.usdPerHour', cloud.items['ibm-payg'].usdPerSecond * 3600);
  // Board power of the GPUs that trained Llama 3 405B (host, network and cooling excluded).
  set('llama3.boardPowerMW', (datasets.items['llama3-pretraining'].gpus * gpus.items['h100-sxm'].tdpWatts) / 1e6);
  return out;
}

let cached: ValueTable | null = null;

/** Data and model values together (computed once per process). */
export function contentValues(): ValueTable {
  if (!cached) cached = new Map([...dataValues(), ...modelValues()]);
  return cached;
}
