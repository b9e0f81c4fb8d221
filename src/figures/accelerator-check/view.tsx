/**
 * The accelerator check: five conditions × six workloads, each cell computed (model.ts). Steps reveal one
 * condition at a time; the last step lets the reader edit one workload's numbers and watch cells flip.
 * Closed forms, computed during render (pre-renders).
 */
import { SelectField, paramSelects, withValue } from '../../charts/SelectField';
import type { DataTable } from '../../story/data';
import { FigureShell } from '../../story/FigureShell';
import type { FigureViewProps } from '../../story/figure-types';
import { deviceTiming, TIMED_DEVICE_IDS } from '../../costs/profiles';
import { WORKLOAD_IDS, type accelParamSpec } from './meta';
import {
  CONDITION_LABEL,
  LAST_STEP,
  conditionsForStep,
  matrix,
  type AccelParams,
  type Condition,
  type RowResult,
} from './model';
import { WORKLOADS } from './workloads';
import './accelerator-check.css';
import { fmtInt } from '../../format';
import { SettingsForm } from '../../charts/SettingsForm';

function tableFor(rows: readonly RowResult[], conds: readonly Condition[]): DataTable {
  return {
    columns: [
      { key: 'workload', label: 'workload' },
      ...conds.map((c) => ({ key: c, label: CONDITION_LABEL[c] })),
      { key: 'all', label: 'all shown hold' },
    ],
    rows: rows.map((r) =>
      Object.fromEntries([
        ['workload', r.workload.name],
        ...conds.map((c) => [c, `${r.cells[c].holds ? 'holds' : 'fails'}: ${r.cells[c].detail}`]),
        ['all', conds.every((c) => r.cells[c].holds) ? 'yes' : 'no'],
      ]),
    ),
  };
}

export default function AcceleratorCheckView(props: FigureViewProps<typeof accelParamSpec>) {
  const { id, step, title, stepLabel, params: p, setParams, paramIssues } = props;
  const rows = matrix(p);
  const conds = conditionsForStep(step);
  const passing = rows.filter((r) => conds.every((c) => r.cells[c].holds)).map((r) => r.workload.name);
  const summary =
    `Conditions shown: ${conds.map((c) => CONDITION_LABEL[c]).join(', ')}. ` +
    (passing.length ? `Workloads meeting all of them: ${passing.join(', ')}.` : 'No workload meets all of them.') +
    ` Device: ${deviceTiming(p.device).name}.`;
  return (
    <FigureShell
      id={id}
      step={step}
      title={title}
      caption={`${stepLabel}: each cell computed for the workload on ${deviceTiming(p.device).name}.`}
      ready
      method={{
        text:
          'Each cell is computed. Depth budget: the layers at which a run is still fault-free half the time, ln 2 / (⌊n/2⌋·e₂ + n·e₁). ' +
          'Cheap encoding: amplitude loading of the numbers each circuit needs (gate counts from src/encoding/counts) within that budget. ' +
          'Few outputs: k·⌈1/ε²⌉ shots, each paying measurement and repetition delay, within the readout budget. ' +
          'Tolerable noise: the circuit depth within the budget, without error correction. ' +
          'A large speedup: the speedup-erosion break-even with loading, shots and latency counted (no loading when nothing is loaded; against one shot per experiment for quantum data) at or below the problem size. ' +
          'A baseline that holds: the cited literature. Workload sizes that are choices of the example are marked in each note.',
        params: {
          device: deviceTiming(p.device).name,
          'readout budget (h)': p.readoutHours,
          'edited workload': WORKLOADS[p.workload].name,
          inputs: p.inputs,
          outputs: p.outputs,
          qubits: p.qubits,
          depth: p.depth,
          'problem size': p.size,
        },
        seed: 0,
        sources: [
          {
            label: `${deviceTiming(p.device).name}: ${deviceTiming(p.device).source} (${deviceTiming(p.device).date})`,
          },
          ...WORKLOAD_IDS.map((w) => ({
            label: `${WORKLOADS[w].name}: ${WORKLOADS[w].note}; baseline [${WORKLOADS[w].baseline.cite}]`,
          })),
        ],
      }}
      data={tableFor(rows, conds)}
      alt={{ summary, caption: 'Conditions by workload' }}
      issues={paramIssues}
      controls={step === LAST_STEP ? <Controls p={p} setParams={setParams} /> : null}
    >
      <div
        className="ac"
        tabIndex={0}
        role="region"
        aria-label="Conditions by workload (scrolls sideways on narrow screens)"
      >
        <table className="ac-matrix">
          <caption className="ac-caption">Does each condition hold?</caption>
          <thead>
            <tr>
              <th scope="col">workload</th>
              {conds.map((c) => (
                <th key={c} scope="col">
                  {CONDITION_LABEL[c]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.workload.id}
                data-workload={r.workload.id}
                className={r.workload.id === p.workload && step === LAST_STEP ? 'ac-edited' : undefined}
              >
                <th scope="row">{r.workload.name}</th>
                {conds.map((c) => (
                  <td
                    key={c}
                    data-condition={c}
                    data-holds={r.cells[c].holds ? 'true' : 'false'}
                    className={r.cells[c].holds ? 'ac-yes' : 'ac-no'}
                  >
                    <span className="ac-mark">{r.cells[c].holds ? '✓ holds' : '✗ fails'}</span>
                    <span className="ac-detail">{r.cells[c].detail}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="ac-readout">{summary}</p>
      </div>
    </FigureShell>
  );
}

function Controls({ p, setParams }: { p: AccelParams; setParams(patch: Partial<AccelParams>): void }) {
  const select = paramSelects(p, setParams, { layout: 'inline' });
  const num = (key: 'inputs' | 'outputs' | 'qubits' | 'depth' | 'size', label: string, choices: number[]) =>
    select(key, label, withValue(choices, p[key]), fmtInt);
  return (
    <SettingsForm className="ac-controls" label="Workload settings">
      <SelectField
        layout="inline"
        label="edit workload"
        value={p.workload}
        options={WORKLOAD_IDS}
        format={(w) => WORKLOADS[w].name}
        onChange={(id) => {
          const w = WORKLOADS[id];
          setParams({
            workload: w.id,
            inputs: w.inputs,
            outputs: w.outputs,
            qubits: w.qubits,
            depth: w.depth,
            size: w.size,
          });
        }}
      />
      {num('inputs', 'numbers loaded', [0, 16, 784, 16_384])}
      {num('outputs', 'numbers read out', [1, 10, 1000, 1e6])}
      {num('qubits', 'qubits', [4, 10, 20, 50, 100])}
      {num('depth', 'depth (layers)', [5, 10, 20, 100, 1e6])}
      {num('size', 'problem size N', [100, 60_000, 1e6, 1e12, 1e20])}
      {select('device', 'device', TIMED_DEVICE_IDS, (d) => deviceTiming(d).name)}
    </SettingsForm>
  );
}
