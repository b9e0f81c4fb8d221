/** Controls of the last step: qubit range, layers, cost and noise (native selects: labelled, keyboard-operable). */
import { SelectField, withValue } from '../../charts/SelectField';
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

export function BarrenPlateauControls({
  params,
  setParams,
}: {
  params: FigureParams;
  setParams(p: Partial<FigureParams>): void;
}) {
  return (
    <form className="bp-controls" aria-label="Your own sweep" onSubmit={(e) => e.preventDefault()}>
      <SelectField
        className="bp-control"
        name="nMin"
        label="From qubits"
        value={params.nMin}
        options={QUBITS}
        onChange={(nMin) => setParams({ nMin })}
      />
      <SelectField
        className="bp-control"
        name="nMax"
        label="To qubits"
        value={params.nMax}
        options={QUBITS}
        onChange={(nMax) => setParams({ nMax })}
      />
      <SelectField
        className="bp-control"
        name="layers"
        label="Layers"
        value={params.layers}
        options={withValue(LAYERS, params.layers)}
        onChange={(layers) => setParams({ layers })}
      />
      <SelectField
        className="bp-control"
        name="cost"
        label="Cost"
        value={params.cost}
        options={BP_COSTS}
        format={(c) => COST_LABEL[c]}
        onChange={(cost) => setParams({ cost })}
      />
      <SelectField
        className="bp-control"
        name="noise"
        label="Depolarizing noise p"
        value={params.noise}
        options={withValue(NOISE, params.noise)}
        format={(p) => (p === 0 ? 'none' : String(p))}
        onChange={(noise) => setParams({ noise })}
      />
    </form>
  );
}
