/** Words and tables of the calibration-drift figure, built from the current data. */
import { format } from 'd3-format';
import type { CalibrationDriftData, DayResult, SpreadStats } from '../../experiments/calibration-drift/spec';
import { tableOf, type Cell, type DataTable, type RecordColumn } from '../../story/data';
import type { DeviceSummary } from '../../sim/device-summary';
import { clampStep } from '../../story/steps';
import { CIRCUIT, EVAL_SHOTS, LAST_STEP, Z95, type CalibrationDriftFigureParams } from './model';
import { fmtInt } from '../../format';

const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '–');
const f1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');
const g2 = (v: number | null) => (v === null || !Number.isFinite(v) ? '–' : format('.2~g')(v));
export const OBS = `⟨${'X'.repeat(CIRCUIT.qubits).split('').join('⊗')}⟩`;
export const CX_COUNT = (CIRCUIT.qubits - 1) * (2 * CIRCUIT.depth - 1);

function spreadSentence(what: string, s: SpreadStats, unit: string): string {
  return (
    `${what} ranged from ${f3(s.min)} to ${f3(s.max)}${unit}: a day-to-day standard deviation of ${f3(s.sd)}, ${f1(s.ratio)} times the shot-noise standard error of a single day (${f3(s.meanStderr)}); ` +
    `${s.disjointPairs} of ${s.pairs} pairs of days have 95 % shot intervals that do not overlap.`
  );
}

export function cdSummary(
  step: number,
  p: CalibrationDriftFigureParams,
  dev: DeviceSummary,
  data: CalibrationDriftData | undefined,
): string {
  const s = clampStep(step, LAST_STEP);
  const circuit = `a ${CIRCUIT.qubits}-qubit GHZ circuit with ${CIRCUIT.depth - 1} echo blocks (${CX_COUNT} CX)`;
  const mon = data?.days.find((d) => d.index === 1);
  if (!mon)
    return `The same circuit, ${circuit}, and a small trained classifier, run on simulated daily calibrations of ${dev.name}. Computing…`;
  let out =
    `On Monday's simulated calibration of ${dev.name}, ${circuit} measured ${OBS} = ${f3(mon.estimate)} ± ${f3(Z95 * mon.stderr)} (95 % shot interval, ${fmtInt(p.shots)} shots; ${f3(data!.reference?.exact ?? NaN)} at the median calibration, 1 without noise). ` +
    `A small variational classifier trained without noise had test loss ${f3(mon.loss)} ± ${f3(Z95 * mon.lossStderr)} (${fmtInt(EVAL_SHOTS)} shots per test point; ${f3(data!.idealLoss)} without noise).`;
  if (s === 0) return out;
  if (!data!.expectation || !data!.loss) return `${out} Computing the other days…`;
  out += ` From Monday to Friday, ${spreadSentence(`the measured ${OBS}`, data!.expectation, '')}`;
  out += ` The model's loss ${spreadSentence('', data!.loss, '').replace(/^ ranged/, 'ranged')}`;
  out +=
    data!.loss.ratio < 1.5
      ? ' For this shallow model, the loss moves with the calibration by less than its own shot noise; the deeper circuit is where drift dominates.'
      : ' Drift moves the loss by more than its own shot noise.';
  if (s === 1) return out;
  const best = data!.days.find((d) => d.index === data!.bestDay);
  if (!best) return out;
  return `${out} A paper that reported only its best day, ${best.label}, would claim a loss of ${f3(best.loss)} ± ${f3(Z95 * best.lossStderr)} and ${OBS} = ${f3(best.estimate)}; the week's losses ran from ${f3(data!.loss.min)} to ${f3(data!.loss.max)} and its ${OBS} from ${f3(data!.expectation.min)} to ${f3(data!.expectation.max)}.`;
}

export function cdTable(days: readonly DayResult[]): DataTable {
  const cellG2 = (v: Cell) => g2(v as number | null);
  const cellF3 = (v: Cell) => f3(v as number);
  return tableOf(days, [
    { key: 'label', label: 'day' },
    { key: 't1', label: 'T1 (µs)', format: cellG2, value: (d) => d.calibration.t1_us },
    { key: 't2', label: 'T2 (µs)', format: cellG2, value: (d) => d.calibration.t2_us },
    { key: 'e2', label: '2-qubit error', format: cellG2, value: (d) => d.calibration.twoQubitError },
    { key: 'ro', label: 'readout error', format: cellG2, value: (d) => d.calibration.readout },
    { key: 'estimate', label: `${OBS} from shots`, format: cellF3 },
    { key: 'ci', label: '± 95 %', format: cellF3, value: (d) => Z95 * d.stderr },
    { key: 'loss', label: 'model loss from shots', format: cellF3 },
    { key: 'lossCi', label: 'loss ± 95 %', format: cellF3, value: (d) => Z95 * d.lossStderr },
  ]);
}

type EstimateKey = keyof Pick<DayResult, 'exact' | 'estimate' | 'stderr' | 'lossExact' | 'loss' | 'lossStderr'>;

/** A day's value of `what` in three columns: exact (infinite shots), from shots, and the shot standard error. */
function estimateColumns(
  what: string,
  keys: Record<'exact' | 'estimate' | 'stderr', EstimateKey>,
): RecordColumn<DayResult>[] {
  return [
    { key: keys.exact, label: `${what} exact` },
    { key: keys.estimate, label: `${what} from shots` },
    { key: keys.stderr, label: `${what} standard error` },
  ];
}

export function cdDownload(data: CalibrationDriftData | undefined): DataTable {
  const all = [data?.reference, ...(data?.days ?? [])].filter((d): d is DayResult => !!d);
  return tableOf(all, [
    { key: 'day', label: 'day index (0 = median calibration)', value: (d) => d.index },
    { key: 'label', label: 'day' },
    { key: 't1', label: 'T1 (us)', value: (d) => d.calibration.t1_us },
    { key: 't2', label: 'T2 (us)', value: (d) => d.calibration.t2_us },
    { key: 'e1', label: '1-qubit error', value: (d) => d.calibration.oneQubitError },
    { key: 'e2', label: '2-qubit error', value: (d) => d.calibration.twoQubitError },
    { key: 'ro', label: 'readout error', value: (d) => d.calibration.readout },
    ...estimateColumns('observable', { exact: 'exact', estimate: 'estimate', stderr: 'stderr' }),
    ...estimateColumns('loss', { exact: 'lossExact', estimate: 'loss', stderr: 'lossStderr' }),
    { key: 'accuracy', label: 'test accuracy' },
  ]);
}
