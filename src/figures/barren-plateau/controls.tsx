/** Controls of the last step: qubit range, layers, cost and noise (native selects: labelled, keyboard-operable). */
import { useId } from 'react';
import { BP_COSTS, type BpCost } from './meta';
import type { FigureParams } from './model';

const QUBITS = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const LAYERS = [1, 2, 4, 6, 10, 20, 50, 100];
const NOISE = [0, 0.01, 0.02, 0.05, 0.1, 0.2];
const COST_LABEL: Record<BpCost, string> = {
  zz: '⟨Z₀Z₁⟩, McClean circuits',
  global: 'global, 1 − P(0…0)',
  local: 'local, 1 − mean P(qⱼ = 0)',
};

function withValue(list: number[], v: number): number[] {
  return list.includes(v) ? list : [...list, v].sort((a, b) => a - b);
}

export function BarrenPlateauControls({
  params,
  setParams,
}: {
  params: FigureParams;
  setParams(p: Partial<FigureParams>): void;
}) {
  const uid = useId();
  const field = (
    name: string,
    label: string,
    value: number | string,
    options: Array<number | string>,
    onPick: (v: string) => void,
    show: (v: number | string) => string = String,
  ) => (
    <div className="bp-control">
      <label htmlFor={`${uid}-${name}`}>{label}</label>
      <select id={`${uid}-${name}`} name={name} value={String(value)} onChange={(e) => onPick(e.currentTarget.value)}>
        {options.map((o) => (
          <option key={String(o)} value={String(o)}>
            {show(o)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form className="bp-controls" aria-label="Your own sweep" onSubmit={(e) => e.preventDefault()}>
      {field('nMin', 'From qubits', params.nMin, QUBITS, (v) => setParams({ nMin: Number(v) }))}
      {field('nMax', 'To qubits', params.nMax, QUBITS, (v) => setParams({ nMax: Number(v) }))}
      {field('layers', 'Layers', params.layers, withValue(LAYERS, params.layers), (v) =>
        setParams({ layers: Number(v) }),
      )}
      {field(
        'cost',
        'Cost',
        params.cost,
        [...BP_COSTS],
        (v) => setParams({ cost: v as BpCost }),
        (v) => COST_LABEL[v as BpCost],
      )}
      {field(
        'noise',
        'Depolarizing noise p',
        params.noise,
        withValue(NOISE, params.noise),
        (v) => setParams({ noise: Number(v) }),
        (v) => (Number(v) === 0 ? 'none' : String(v)),
      )}
    </form>
  );
}
