/** The speedup-erosion figure's steps: which stages each step draws, their labels, the curves' sample points. */
import { STAGES, type ErosionInputs, type Stage } from '../../costs/erosion';

export const LAST_STEP = 4;

export const STAGE_LABEL: Record<Stage, string> = {
  claimed: 'claimed quantum core',
  encoding: '+ loading the input',
  shots: '× shots',
  latency: '+ latency, queue, repetition delay',
};

/** A stage's label for these inputs: the shots stage says when it costs (about) nothing. */
export function stageLabel(stage: Stage, inputs: Pick<ErosionInputs, 'speedup'>): string {
  if (stage === 'shots')
    return inputs.speedup === 'quadratic'
      ? '× shots (a search answer needs about one run)'
      : '× shots (⌈1/ε²⌉ for an expectation value)';
  return STAGE_LABEL[stage];
}

/** Points of a curve on a log grid over [N_MIN, nMax]. */
export function curve(f: (n: number) => number, nMax: number, points = 121): Array<{ n: number; t: number }> {
  const out: Array<{ n: number; t: number }> = [];
  const hi = Math.log10(nMax);
  for (let i = 0; i < points; i++) {
    const n = 10 ** ((hi * i) / (points - 1));
    out.push({ n, t: f(n) });
  }
  return out;
}

/** Stages drawn at a step: step k shows stages 0…min(k, 3), the last one current. */
export function stagesForStep(step: number): Stage[] {
  return STAGES.slice(0, Math.min(Math.max(0, step), STAGES.length - 1) + 1);
}
