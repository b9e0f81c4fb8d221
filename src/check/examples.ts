/**
 * Worked examples: published claims entered with their own numbers (fields a paper does not give are
 * left empty, so the checker says the claim must state them). Each is a plain link to /check?….
 */
import { DEFAULT_INPUTS, toQuery, type CheckInputs } from './model';

export interface WorkedExample {
  id: string;
  title: string;
  cite: string;
  note: string;
  inputs: CheckInputs;
}

const YEAR = 365.25 * 86400;
const base = (patch: Partial<CheckInputs> & { num: CheckInputs['num'] }): CheckInputs => ({
  ...DEFAULT_INPUTS,
  ...patch,
  num: { ...DEFAULT_INPUTS.num, ...patch.num },
});

// Sycamore (Arute et al. 2019): 53 qubits, 20 cycles, 430 two-qubit gates, 10⁶ samples in 200 s; simultaneous
// Pauli errors 0.62 % (2q) and 0.16 % (1q), converted to average errors (×4/5, ×2/3); gates 12 ns (2q) and 25 ns (1q).
// The shot overhead is their own: 200 s / 10⁶ samples = 200 µs a sample.
const sycamore = {
  qubits: 53,
  layers: 20,
  twoq: 430,
  shots: 1e6,
  qtime: 200,
  e2: 0.0062 * 0.8,
  e1: 0.0016 * (2 / 3),
  gate: 18.5,
  rep: 200,
  latency: 0,
};

export const WORKED_EXAMPLES: WorkedExample[] = [
  {
    id: 'sycamore-summit',
    cite: 'arute2019',
    title: 'Sycamore random circuit sampling (2019), against the Summit estimate',
    note: 'Random circuit sampling: 10⁶ samples in 200 s against an estimated 10,000 years on Summit.',
    inputs: base({
      name: 'Sycamore RCS vs Summit estimate (Arute et al. 2019)',
      device: 'custom',
      task: 'no',
      basehw: 'Summit supercomputer (the paper’s estimate)',
      num: { ...sycamore, base: 10_000 * YEAR },
    }),
  },
  {
    id: 'sycamore-pan',
    cite: 'pan2022',
    title: 'The same circuits, against the tensor-network baseline of 2022',
    note: 'Pan, Chen and Zhang sampled the Sycamore circuits classically in about 15 hours on 512 GPUs.',
    inputs: base({
      name: 'Sycamore RCS vs Pan, Chen, Zhang 2022',
      device: 'custom',
      task: 'no',
      basehw: '512 GPUs (Pan, Chen, Zhang 2022)',
      num: { ...sycamore, base: 15 * 3600 },
    }),
  },
  {
    id: 'willow-rcs',
    cite: 'neven2024willow',
    title: 'Willow random circuit sampling (2024)',
    note: 'Announced: under five minutes on 105 qubits against 10²⁵ years on Frontier; the announcement gives no depth or sample count.',
    inputs: base({
      name: 'Willow RCS (Google, 2024 announcement)',
      device: 'google_willow',
      task: 'no',
      basehw: 'Frontier supercomputer (Google’s estimate)',
      num: { qubits: 105, qtime: 300, base: 1e25 * YEAR },
    }),
  },
  {
    id: 'ibm-utility',
    cite: 'kim2023utility',
    title: 'IBM “utility” kicked-Ising experiment (2023)',
    note: '127 qubits, up to 60 layers and 2,880 CNOTs; reproduced classically with tensor networks by Tindall et al. (2024). Runtimes are not entered here.',
    inputs: base({
      name: 'IBM Eagle kicked Ising (Kim et al. 2023)',
      device: 'custom',
      basehw: 'tensor networks (Tindall et al. 2024)',
      num: { qubits: 127, layers: 60, twoq: 2880 },
    }),
  },
  {
    id: 'havlicek-kernel',
    cite: 'havlicek2019',
    title: 'Quantum-enhanced feature spaces (2019)',
    note: 'A two-qubit classifier on data generated to suit its feature map; the paper reports no classical runtime comparison.',
    inputs: base({
      name: 'Quantum kernel classifier (Havlíček et al. 2019)',
      device: 'custom',
      task: 'no',
      num: { qubits: 2 },
    }),
  },
];

export const exampleHref = (e: WorkedExample, page = '/check') => `${page}?${toQuery(e.inputs)}`;
