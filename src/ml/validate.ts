/** Validation of the training-problem parameters the models share (one-line RangeErrors naming the field). */
import { DATASET_KINDS, SCALINGS } from './datasets';
import type { ProblemParams } from './runners';
import { VQC_ENCODINGS } from './vqc';

export function intIn(name: string, v: number, lo: number, hi: number): void {
  if (!Number.isInteger(v) || v < lo || v > hi)
    throw new RangeError(`${name} must be an integer in ${lo}…${hi} (got ${v})`);
}

/** Throws a RangeError naming the first invalid field (model-specific limits are checked by each model). */
export function checkProblemParams(p: ProblemParams): void {
  if (!(DATASET_KINDS as readonly string[]).includes(p.dataset))
    throw new RangeError(`unknown dataset '${p.dataset}' (expected ${DATASET_KINDS.join(', ')})`);
  if (!(SCALINGS as readonly string[]).includes(p.scaling)) throw new RangeError(`unknown scaling '${p.scaling}'`);
  if (!(SCALINGS as readonly string[]).includes(p.classicalScaling))
    throw new RangeError(`unknown scaling '${p.classicalScaling}'`);
  if (!(VQC_ENCODINGS as readonly string[]).includes(p.vqc.encoding))
    throw new RangeError(`unknown VQC encoding '${p.vqc.encoding}'`);
  intIn('n', p.n, 10, 5000);
  intIn('seed', p.seed, 0, 0xffffffff);
  intIn('epochs', p.epochs, 1, 1000);
  intIn('batchSize', p.batchSize, 1, 5000);
  intIn('shots', p.vqc.shots, 0, 1_000_000);
  if (!(p.noise >= 0 && p.noise <= 2)) throw new RangeError(`noise must be in [0, 2] (got ${p.noise})`);
  if (!(p.trainFraction >= 0.1 && p.trainFraction <= 0.9))
    throw new RangeError(`trainFraction must be in [0.1, 0.9] (got ${p.trainFraction})`);
}
