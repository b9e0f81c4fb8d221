/** Controls of the last step: qubit range, layers, cost and noise (native selects: labelled, keyboard-operable). */
import { paramSelects, withValue, type SettingsProps } from '../../charts/SelectField';
import { BP_COSTS, type BpCost } from './meta';
import type { FigureParams } from './model';
import { SettingsForm } from '../../charts/SettingsForm';

const QUBITS = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const LAYERS = [1, 2, 4, 6, 10, 20, 50, 100];
const NOISE = [0, 0.01, 0.02, 0.05, 0.1, 0.2];
const COST_LABEL: Record<BpCost, string> = {
  zz: '⟨Z₀Z₁⟩, McClean circuits',
  global: 'global, 1 − P(0…0)',
  local: 'local, 1 − mean P(qⱼ = 0)',
};

export function BarrenPlateauControls({ params, setParams }: SettingsProps<FigureParams>) {
  const select = paramSelects(params, setParams, { className: 'bp-control' });
  return (
    <SettingsForm className="bp-controls" label="Your own sweep">
      {select('nMin', 'From qubits', QUBITS)}
      {select('nMax', 'To qubits', QUBITS)}
      {select('layers', 'Layers', withValue(LAYERS, params.layers))}
      {select('cost', 'Cost', BP_COSTS, (c) => COST_LABEL[c])}
      {select('noise', 'Depolarizing noise p', withValue(NOISE, params.noise), (p) => (p === 0 ? 'none' : String(p)))}
    </SettingsForm>
  );
}
