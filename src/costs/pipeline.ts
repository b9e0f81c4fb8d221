/**
 * The pipeline bill of one training run of a variational model, as an explicit model (no sampling):
 *
 *   shots per expectation   S = ⌈1/ε²⌉            (standard error of a ±1 observable ≤ 1/√S ≤ ε)
 *   circuits per example    2P                     (parameter shift: two shifted runs per parameter)
 *   circuits                C = examples · 2P · epochs,  shots = C · S
 *   circuit                 encoding of d features (src/encoding/counts) + a hardware-efficient ansatz
 *                           of P RY rotations in L = ⌈P/q⌉ layers with a CNOT brickwork (q − 1 CNOTs, depth 2)
 *   shot time               circuit duration + measurement + repetition delay (device profile)
 *   QPU execution           shots · shot time
 *   jobs                    ⌈C / circuits per job⌉, each paying a load/compile latency and a queue wait
 *   dollars                 by the price plan (per QPU-second; per task + per shot; per gate-shot with a job minimum)
 *   energy                  QPU system power × (execution + load latency); queue time is not charged
 *   fidelity                F ≈ e^(−λ), λ = Σ gate errors of one run (1q and 2q, average convention): the chance
 *                           that a run is fault-free. S assumes the ideal signal; at F ≪ 1 the bill is a lower bound
 *   GPU beside it           6·(P + d) FLOPs per example (forward + backward of a model with P weights plus
 *                           one per input), at a stated utilisation of the GPU's dense BF16 peak, or the time
 *                           to stream the inputs from memory once per epoch, whichever is longer
 *
 * Pure functions; no DOM.
 */
import { amplitudeQubits, ENCODINGS, type Encoding } from '../encoding/circuits';
import { encodingCounts } from '../encoding/counts';
import {
  datasetPreset,
  deviceTiming,
  gpuProfile,
  pricePlan,
  type DatasetId,
  type DeviceTiming,
  type GpuId,
  type GpuProfile,
  type PlanId,
  type PricePlan,
  type TimedDeviceId,
} from './profiles';

export interface PipelineInputs {
  examples: number;
  features: number;
  encoding: Encoding;
  /** Trainable parameters P of the variational circuit. */
  params: number;
  epochs: number;
  /** Target standard error ε of each expectation value. */
  eps: number;
  device: TimedDeviceId;
  plan: PlanId;
  /** Seconds per job to compile, load and return (network and control electronics). */
  latency: number;
  /** Seconds of queue wait per job. */
  queue: number;
  circuitsPerJob: number;
  gpu: GpuId;
  /** Fraction of the GPU's dense BF16 peak actually achieved. */
  util: number;
  /** GPU price, $ per GPU-hour. */
  gpuPrice: number;
  /** QPU system wall power, kW. */
  qpuPower: number;
}

export interface CircuitShape {
  qubits: number;
  encodingDepth: number;
  encodingCnots: number;
  encodingSingles: number;
  ansatzLayers: number;
  ansatzCnots: number;
  ansatzSingles: number;
  oneQubitGates: number;
  twoQubitGates: number;
  /** Seconds for one run of the circuit (encoding + ansatz), without measurement. */
  duration: number;
}

export interface PipelineBill {
  inputs: PipelineInputs;
  shotsPerExpectation: number;
  circuitsPerExample: number;
  circuits: number;
  shots: number;
  circuit: CircuitShape;
  shotTime: number;
  /** QPU seconds for one expectation value (S shots). */
  expectationTime: number;
  jobs: number;
  time: { execution: number; latency: number; queue: number; total: number };
  dollars: { execution: number; fees: number; total: number };
  energy: { execution: number; latency: number; total: number };
  gpu: { flops: number; bytes: number; seconds: number; dollars: number; kWh: number; computeBound: boolean };
  /** Circuit duration / T2: above 1 the loaded state has decohered before the model even runs. */
  durationOverT2: number;
  /**
   * Expected gate faults per run, λ = n₁·e₁ + n₂·e₂ (null when the device publishes no gate errors); the
   * fault-free probability is about e^(−λ). Decoherence during idling comes on top, so this is optimistic.
   */
  gateFaults: number | null;
  device: DeviceTiming;
  plan: PricePlan;
  gpuProfile: GpuProfile;
}

/** Layer time of a loading circuit: its gates alternate, so a layer is counted at the gate-weighted mean duration. */
export function meanLayerTime(cnots: number, singles: number, device: DeviceTiming): number {
  const n = cnots + singles;
  return n > 0 ? (cnots * device.twoQubitGate_s + singles * device.oneQubitGate_s) / n : 0;
}

export function circuitShape(encoding: Encoding, features: number, params: number, device: DeviceTiming): CircuitShape {
  const c = encodingCounts(encoding, features);
  const q = encoding === 'amplitude' ? amplitudeQubits(features) : c.qubits;
  const layers = Math.ceil(params / q);
  const ansatzCnots = q > 1 ? layers * (q - 1) : 0;
  const encodingTime = c.depth * meanLayerTime(c.cnots, c.singleQubitGates, device);
  const ansatzTime = layers * (device.oneQubitGate_s + (q > 1 ? 2 * device.twoQubitGate_s : 0));
  return {
    qubits: q,
    encodingDepth: c.depth,
    encodingCnots: c.cnots,
    encodingSingles: c.singleQubitGates,
    ansatzLayers: layers,
    ansatzCnots,
    ansatzSingles: params,
    oneQubitGates: c.singleQubitGates + params,
    twoQubitGates: c.cnots + ansatzCnots,
    duration: encodingTime + ansatzTime,
  };
}

/** λ = n₁·e₁ + n₂·e₂: expected gate faults in one run of the circuit; null without published gate errors. */
export function expectedGateFaults(circuit: CircuitShape, device: DeviceTiming): number | null {
  if (device.twoQubitError === null) return null;
  return circuit.twoQubitGates * device.twoQubitError + circuit.oneQubitGates * (device.oneQubitError ?? 0);
}

export function shotsForPrecision(eps: number): number {
  return Math.ceil(1 / (eps * eps) - 1e-9);
}

export function computePipeline(inputs: PipelineInputs): PipelineBill {
  const device = deviceTiming(inputs.device);
  const plan = pricePlan(inputs.plan);
  const gp = gpuProfile(inputs.gpu);
  const S = shotsForPrecision(inputs.eps);
  const perExample = 2 * inputs.params;
  const circuits = inputs.examples * perExample * inputs.epochs;
  const shots = circuits * S;
  const circuit = circuitShape(inputs.encoding, inputs.features, inputs.params, device);
  const shotTime = circuit.duration + device.measure_s + device.repDelay_s;
  const execution = shots * shotTime;
  const jobs = Math.ceil(circuits / inputs.circuitsPerJob);
  const latency = jobs * inputs.latency;
  const queue = jobs * inputs.queue;

  let execDollars: number,
    fees = 0;
  switch (plan.kind) {
    case 'per-second':
      execDollars = execution * plan.usdPerSecond;
      break;
    case 'per-task-shot':
      execDollars = shots * plan.usdPerShot;
      fees = circuits * plan.usdPerTask; // a Braket task is one circuit with its shots
      break;
    case 'per-gate-shot': {
      const perCircuit =
        S * (circuit.oneQubitGates * plan.usdPer1qGateShot + circuit.twoQubitGates * plan.usdPer2qGateShot);
      execDollars = circuits * perCircuit;
      fees = circuits * Math.max(0, plan.usdMinimumPerJob - perCircuit); // top-up to the per-job minimum (one circuit per job)
      break;
    }
  }

  const kW = inputs.qpuPower;
  const energy = { execution: (kW * execution) / 3600, latency: (kW * latency) / 3600, total: 0 };
  energy.total = energy.execution + energy.latency;

  const flops = 6 * (inputs.params + inputs.features) * inputs.examples * inputs.epochs;
  const bytes = 2 * inputs.features * inputs.examples * inputs.epochs; // BF16 inputs streamed once per epoch
  const computeTime = flops / (gp.bf16DenseFlops * inputs.util);
  const memoryTime = bytes / gp.memoryBandwidthBytes;
  const gpuSeconds = Math.max(computeTime, memoryTime);

  return {
    inputs,
    shotsPerExpectation: S,
    circuitsPerExample: perExample,
    circuits,
    shots,
    circuit,
    shotTime,
    expectationTime: S * shotTime,
    jobs,
    time: { execution, latency, queue, total: execution + latency + queue },
    dollars: { execution: execDollars, fees, total: execDollars + fees },
    energy,
    gpu: {
      flops,
      bytes,
      seconds: gpuSeconds,
      dollars: (gpuSeconds / 3600) * inputs.gpuPrice,
      kWh: (gpuSeconds / 3600) * (gp.watts / 1000),
      computeBound: computeTime >= memoryTime,
    },
    durationOverT2: circuit.duration / device.t2_s,
    gateFaults: expectedGateFaults(circuit, device),
    device,
    plan,
    gpuProfile: gp,
  };
}

/** The inputs with a dataset preset's size and features. */
export function withDataset(inputs: PipelineInputs, id: DatasetId): PipelineInputs {
  const d = datasetPreset(id);
  return { ...inputs, examples: d.examples, features: d.features };
}

export { ENCODINGS };
