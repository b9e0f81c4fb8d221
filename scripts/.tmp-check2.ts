import { STAGES, breakEven, erosionModel } from '../src/figures/speedup-erosion/model';
import { describeBreakEven } from '../src/figures/speedup-erosion/text';
for (const speedup of ['quadratic', 'exponential'] as const) for (const alpha of [1,2,3]) {
  const m = erosionModel({ speedup, alpha, eps: 0.03, device: 'ibm_boston', latency: 15, queue: 0 });
  console.log(speedup, alpha, STAGES.map((s) => describeBreakEven(breakEven(m, s), alpha)).join(' | '));
}
