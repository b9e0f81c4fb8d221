/**
 * The workloads of the accelerator-check matrix: what each must load, read out and run, the speedup
 * claimed for it and the classical baseline, each with where the number comes from. Sizes that are
 * choices of the example (circuit depth of a variational model, problem size of a search) say so.
 */
import datasets from '../../../content/data/datasets.json';
import type { WorkloadId } from './meta';

export interface Workload {
  id: WorkloadId;
  name: string;
  /** Classical numbers loaded into each circuit (0: compiled into gates, or already quantum). */
  inputs: number;
  outputs: number;
  eps: number;
  qubits: number;
  depth: number;
  size: number;
  speedup: 'none' | 'quadratic' | 'exponential';
  /** Classical cost exponent α of the baseline algorithm (N^α). */
  alpha: number;
  /** What one unit of classical cost is: a GPU operation, or (for quantum data) one measured experiment. */
  classicalUnit: 'gpu-op' | 'experiment';
  baseline: { holds: boolean; text: string; cite: string };
  note: string;
}

const mnist = datasets.items.mnist;
const llama = datasets.items['llama3-pretraining'];

export const WORKLOADS: Record<WorkloadId, Workload> = {
  llm: {
    id: 'llm',
    name: 'Training a language model',
    inputs: llama.embeddingDimension,
    outputs: 405e9,
    eps: 0.01,
    qubits: 14,
    depth: 100,
    size: llama.trainTokens,
    speedup: 'quadratic',
    alpha: 1,
    classicalUnit: 'gpu-op',
    baseline: { holds: false, text: 'Llama 3 405B was trained on GPUs', cite: 'llama3' },
    note: 'one token’s 16,384-number embedding per circuit (14 qubits); 405 billion weights out; 100 layers assumed; a quadratic speedup granted',
  },
  mnist: {
    id: 'mnist',
    name: 'An MNIST classifier',
    inputs: mnist.features,
    outputs: 10,
    eps: 0.01,
    qubits: 10,
    depth: 100,
    size: mnist.trainExamples,
    speedup: 'quadratic',
    alpha: 1,
    classicalUnit: 'gpu-op',
    baseline: { holds: false, text: 'convolutional networks classify MNIST with under 1 % error', cite: 'lecun1998' },
    note: '784 pixels per circuit (10 qubits), 10 class scores; 100 layers assumed; a quadratic speedup granted',
  },
  femoco: {
    id: 'femoco',
    name: 'FeMoco ground-state energy',
    inputs: 0,
    outputs: 1,
    eps: 0.0016,
    qubits: 108,
    depth: 1e10,
    size: 1e30,
    speedup: 'exponential',
    alpha: 1,
    classicalUnit: 'gpu-op',
    baseline: {
      holds: true,
      text: 'classical methods cannot reliably treat FeMoco’s strongly correlated active space',
      cite: 'reiher2017',
    },
    note: 'the Hamiltonian is compiled into gates (no data loading); 108 spin-orbital qubits; one energy to 1.6 mHa; depth of order 10¹⁰ layers (fault-tolerant scale, an assumption); N = the state-space size, beyond 10³⁰',
  },
  sensor: {
    id: 'sensor',
    name: 'Learning from quantum-sensor data',
    inputs: 0,
    outputs: 1,
    eps: 0.03,
    qubits: 20,
    depth: 10,
    size: 2 ** 20,
    speedup: 'exponential',
    alpha: 1,
    classicalUnit: 'experiment',
    baseline: {
      holds: true,
      text: 'learners without quantum memory need exponentially more experiments (proved and demonstrated)',
      cite: 'huang2022',
    },
    note: 'the data arrive as quantum states (no loading); one property read out; shallow circuits; a classical learner needs of order 2ⁿ = 2²⁰ experiments',
  },
  portfolio: {
    id: 'portfolio',
    name: 'Portfolio optimisation',
    inputs: 0,
    outputs: 100,
    eps: 0.03,
    qubits: 100,
    depth: 20,
    size: 100,
    speedup: 'none',
    alpha: 2,
    classicalUnit: 'gpu-op',
    baseline: {
      holds: false,
      text: 'QAOA is a heuristic with no proven advantage over classical solvers',
      cite: 'farhi2014',
    },
    note: '100 assets, one qubit each; the covariance is compiled into gates; a bit string of 100 choices out',
  },
  search: {
    id: 'search',
    name: 'Unstructured search',
    inputs: 0,
    outputs: 1,
    eps: 0.5,
    qubits: 40,
    depth: 1e6,
    size: 1e12,
    speedup: 'quadratic',
    alpha: 1,
    classicalUnit: 'gpu-op',
    baseline: {
      holds: true,
      text: 'Grover’s quadratic speedup is optimal and no classical method beats N queries',
      cite: 'grover1996',
    },
    note: 'an oracle over 10¹² items (40 qubits), √N ≈ 10⁶ iterations; one marked item out',
  },
};
