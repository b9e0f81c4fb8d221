import { defaultParams } from '../src/story/params';
import { pipelineParamSpec } from '../src/figures/pipeline-cost/meta';
import { computePipeline } from '../src/figures/pipeline-cost/model';
import { datasetTotals, inputsFromParams, fidelityCaveat, type PipelineParams } from '../src/figures/pipeline-cost/text';
import { fmtDuration, fmtUsd } from '../src/figures/pipeline-cost/format';
const base = inputsFromParams(defaultParams(pipelineParamSpec) as PipelineParams);
for (const dev of ['ibm_boston', 'ibm_miami'] as const) {
  for (const t of datasetTotals({ ...base, device: dev })) {
    const b = t.bill;
    console.log(dev, t.name, fmtDuration(b.time.total), fmtUsd(b.dollars.total), 'exec', fmtDuration(b.time.execution), 'lat', fmtDuration(b.time.latency), 'shot', b.shotTime, 'faults', b.gateFaults, 'dur', b.circuit.duration, 'T2x', b.durationOverT2, fidelityCaveat(b));
  }
}
