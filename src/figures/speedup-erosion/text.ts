/** Words for the speedup-erosion figure: method, alt text and downloads from the current model. */
import type { DataTable } from '../../story/data';
import { fmtCount, fmtDuration, fmtNumber, fmtSci } from '../../format';
import { GPU_UTILISATION, JOB_LATENCY, gpuProfile } from '../../costs/profiles';
import { breakEven, type BreakEven, type ErosionModel, type Stage } from '../../costs/erosion';
import { stageLabel } from './model';

export function describeBreakEven(b: BreakEven, alpha: number): string {
  if (b.n !== null) return `break-even at N ≈ ${fmtSci(b.n)}, where both take ${fmtDuration(b.seconds ?? NaN)}`;
  if (b.reason === 'never')
    return `no break-even at any size: the quantum cost grows at least as fast as the classical N${alpha === 1 ? '' : ['', '', '²', '³', '⁴'][alpha]}`;
  return 'no break-even below N = 10³⁰';
}

export function erosionMethod(m: ErosionModel) {
  const i = m.inputs;
  const g = gpuProfile('h100-sxm');
  return {
    text:
      `An explicit model, no sampling. Classical: N^α elementary operations (α = ${i.alpha}) at one BF16 operation each on an ${g.name} at ` +
      `${fmtNumber(GPU_UTILISATION.value * 100)} % of its dense peak (${fmtDuration(m.tOp)} per operation). Quantum: the claimed core costs ` +
      `${i.speedup === 'quadratic' ? `N^${i.alpha / 2} layers (a quadratic speedup)` : '(log₂ N)² layers (an exponential speedup)'}, each layer ` +
      `${fmtDuration(m.tLayer)} (mean of ${m.device.name}’s 1q and 2q gate times, physical gates without error correction, which flatters the ` +
      'quantum side: fault-tolerant logical gates are orders of magnitude slower). Loading N numbers by amplitude encoding adds ≈ 2N layers ' +
      `(Möttönen et al.). ${
        i.speedup === 'quadratic'
          ? `Shots: a Grover-type search outputs a bit string that is checked classically, and one run succeeds with probability at least 1 − 1/N, so the run is needed about once (S = ${fmtCount(m.shots)}); the precision ε does not enter.`
          : `Shots: an exponential (HHL-type) speedup outputs an expectation value, so the whole run repeats ⌈1/ε²⌉ = ${fmtCount(m.shots)} times for precision ε = ${fmtNumber(i.eps)}.`
      } Each shot adds measurement and repetition delay ` +
      `(${fmtDuration(m.device.measure_s + m.device.repDelay_s)}), and the job a fixed latency (${fmtDuration(i.latency)}) and queue ` +
      `(${fmtDuration(i.queue)}). Break-even: the smallest N from which the quantum curve stays below the classical one, on a grid of 1/100 decade up to 10³⁰.`,
    params: {
      speedup: i.speedup,
      output: i.speedup === 'quadratic' ? 'bit string (search)' : 'expectation value',
      α: i.alpha,
      ε: i.eps,
      device: m.device.name,
      'latency (s)': i.latency,
      'queue (s)': i.queue,
      shots: m.shots,
    },
    seed: 0,
    sources: [
      { label: `${m.device.name}: ${m.device.source} (${m.device.date})` },
      { label: `${g.name}: ${g.source} (${g.date})` },
      { label: `Utilisation: ${GPU_UTILISATION.source} (${GPU_UTILISATION.date})` },
      { label: `Latency anchor: ${JOB_LATENCY.source} (${JOB_LATENCY.date})` },
    ],
  };
}

export function erosionTable(m: ErosionModel, stages: readonly Stage[]): DataTable {
  return {
    columns: [
      { key: 'stage', label: 'quantum cost counted' },
      { key: 'breakEven', label: 'break-even N', format: (v) => (v === null ? 'none' : fmtSci(Number(v))) },
      { key: 'seconds', label: 'run time there', format: (v) => (v === null ? '–' : fmtDuration(Number(v))) },
    ],
    rows: stages.map((s) => {
      const b = breakEven(m, s);
      return { stage: stageLabel(s, m.inputs), breakEven: b.n, seconds: b.seconds };
    }),
  };
}

export function erosionDownload(m: ErosionModel, stages: readonly Stage[], grid: readonly number[]): DataTable {
  return {
    columns: [
      { key: 'n', label: 'N' },
      { key: 'classical', label: 'classical seconds' },
      ...stages.map((s) => ({ key: s, label: `quantum seconds: ${stageLabel(s, m.inputs)}` })),
    ],
    rows: grid.map((n) =>
      Object.fromEntries([['n', n], ['classical', m.classical(n)], ...stages.map((s) => [s, m.quantum(s, n)])]),
    ),
  };
}

export function erosionAlt(m: ErosionModel, stages: readonly Stage[]) {
  const cur = stages[stages.length - 1];
  const b = breakEven(m, cur);
  const summary =
    `A ${m.inputs.speedup} speedup over a classical N${['', '', '²', '³', '⁴'][m.inputs.alpha]} algorithm on a GPU. Counting ${stages.map((s) => stageLabel(s, m.inputs)).join(', ')}: ` +
    `${describeBreakEven(b, m.inputs.alpha)}.`;
  return { summary, table: erosionTable(m, stages), caption: 'Break-even problem size as costs are added' };
}
