/** The six items of the article's list for one claim: verdicts and lines with their formulas and sources. */
import { fmtCount, fmtDuration, fmtEnergy, fmtNumber, fmtUsd } from '../format';
import { JOB_LATENCY, QPU_POWER, pricePlan } from '../costs/profiles';
import type { CheckInputs, CheckResult, Item } from './model';

const MUST = 'The claim must state this.';

/** An item the claim's numbers let us compute (its one line), or, where they do not, one the claim must state. */
function computedOrMust(id: Item['id'], ask: string, line: Item['lines'][number] | null): Item {
  return line === null
    ? { id, ask, verdict: 'must-state', lines: [{ text: MUST }] }
    : { id, ask, verdict: 'computed', lines: [line] };
}

export function scorecard(i: CheckInputs, r: CheckResult): Item[] {
  const plan = pricePlan(i.plan);
  const tri = (v: CheckInputs['task'], yes: string, no: string): Pick<Item, 'verdict' | 'lines'> =>
    v === 'yes'
      ? { verdict: 'pass', lines: [{ text: yes }] }
      : v === 'no'
        ? { verdict: 'fail', lines: [{ text: no }] }
        : { verdict: 'must-state', lines: [{ text: MUST }] };
  const e2e: Item = { id: 'end-to-end', ask: 'End-to-end metrics', verdict: 'must-state', lines: [] };
  if (r.endToEnd !== null && r.shotSeconds !== null && r.shots !== null) {
    e2e.verdict = 'computed';
    e2e.lines.push({
      text: `Our arithmetic: ${fmtDuration(r.endToEnd)} end to end (${fmtCount(r.shots)} shots × ${fmtCount(i.num.circuits ?? 1)} circuits × ${fmtDuration(r.shotSeconds)} a shot, plus ${r.jobs} job${r.jobs === 1 ? '' : 's'} of latency and queue).`,
      formula:
        'circuits · S · ((loading + depth) · gate time + measurement + repetition delay) + jobs · (latency + queue)',
      source: `${r.device.name}: ${r.device.source}; latency default: ${JOB_LATENCY.source} (${JOB_LATENCY.date})`,
    });
    if (i.num.qtime !== undefined)
      e2e.lines.push({
        text: `The claim reports ${fmtDuration(i.num.qtime)}; our end-to-end figure is ${fmtNumber(r.endToEnd / Math.max(i.num.qtime, 1e-300))}× that.`,
      });
  } else {
    e2e.lines.push({
      text: `${MUST} (Needed here: depth, and shots or a precision${i.device === 'custom' ? ', and the custom device’s gate time and shot overhead' : ''}.)`,
    });
  }
  if (r.loadingShare !== null && (i.num.data ?? 0) > 0) {
    e2e.lines.push({
      text: `Loading the input is ${fmtNumber(r.loadingShare * 100)} % of each shot (${fmtCount(r.loadingLayers)} layers for ${fmtCount(i.num.data ?? 0)} numbers).`,
      formula: 'amplitude encoding depth from src/encoding/counts (Möttönen et al.)',
    });
  }
  if (r.fidelity !== null) {
    e2e.lines.push({
      text: `Expected fault-free probability of one run on ${r.device.name}: ${fmtNumber(r.fidelity)}${r.fidelity < 0.01 ? ' — the signal is mostly noise; error mitigation would multiply the shots by about 1/F²' : ''}.`,
      formula: 'e^(−(two-qubit gates · e₂ + qubits · depth · e₁))',
      source: r.device.source,
    });
  } else {
    e2e.lines.push({ text: 'Fidelity: needs qubits, depth and the device’s gate errors.' });
  }
  const energy = computedOrMust(
    'energy',
    'Energy at the wall',
    r.kWh === null
      ? null
      : {
          text: `Our estimate: ${fmtEnergy(r.kWh)} at ${QPU_POWER.kilowatts} kW over execution and loading.`,
          formula: 'system power × (execution + jobs · latency)',
          source: `${QPU_POWER.system}, ${QPU_POWER.source} (${QPU_POWER.date}) — an annealer figure, the only primary one found`,
        },
  );
  const dollars = computedOrMust(
    'dollars',
    'Dollars at list price',
    r.usd === null
      ? null
      : {
          text: `At ${plan.label} list prices: ${fmtUsd(r.usd)}.`,
          formula:
            plan.kind === 'per-second'
              ? 'execution seconds × price per second'
              : 'circuits · (shots · price per shot + task fee)',
          source: `${plan.source} (${plan.date})`,
        },
  );
  let baseline: Item;
  if (i.num.base === undefined)
    baseline = {
      id: 'baseline',
      ask: 'An optimised classical baseline',
      verdict: 'must-state',
      lines: [{ text: MUST }],
    };
  else if (r.ratio === null)
    baseline = {
      id: 'baseline',
      ask: 'An optimised classical baseline',
      verdict: 'must-state',
      lines: [
        {
          text: `Baseline ${fmtDuration(i.num.base)}${i.basehw ? ` on ${i.basehw}` : ''}; the quantum side’s end-to-end time is needed to compare.`,
        },
      ],
    };
  else {
    baseline = {
      id: 'baseline',
      ask: 'An optimised classical baseline',
      verdict: r.ratio < 1 ? 'pass' : 'fail',
      lines: [
        {
          text:
            r.ratio < 1
              ? `Against the stated baseline (${fmtDuration(i.num.base)}${i.basehw ? ` on ${i.basehw}` : ''}) the quantum run is ${fmtNumber(1 / r.ratio)}× faster${r.ratioFrom === 'ours' ? ' end to end' : ' by the claim’s own time'} — if that baseline is the best classical method.`
              : `The stated baseline (${fmtDuration(i.num.base)}${i.basehw ? ` on ${i.basehw}` : ''}) is ${fmtNumber(r.ratio)}× faster than the quantum run${r.ratioFrom === 'ours' ? ' end to end' : ''}.`,
          formula:
            r.ratioFrom === 'ours'
              ? 'end-to-end quantum time / classical runtime'
              : 'the claim’s own quantum time / classical runtime (our end-to-end arithmetic lacks inputs)',
        },
      ],
    };
  }
  return [
    {
      id: 'task',
      ask: 'A task someone needs solved',
      ...tri(
        i.task,
        'The claim addresses a task someone needs solved.',
        'The task was built to suit the hardware; advantage there says little about useful work.',
      ),
    },
    {
      id: 'protocol',
      ask: 'A clean protocol',
      ...tri(
        i.protocol,
        'Held-out data, all seeds and calibration days reported.',
        'Not all runs, seeds or calibration days are reported.',
      ),
    },
    e2e,
    energy,
    dollars,
    baseline,
  ];
}

const MARK: Record<Item['verdict'], string> = {
  pass: '✓ shown',
  fail: '✗ fails',
  computed: '≈ our arithmetic',
  'must-state': '? must state',
};
export const verdictLabel = (v: Item['verdict']) => MARK[v];

/** The scorecard as plain text, to paste into a review. */
export function scorecardText(i: CheckInputs, items: readonly Item[], url: string): string {
  return [
    `Speedup claim check: ${i.name || '(unnamed claim)'}`,
    ...items.flatMap((it, k) => [
      `${k + 1}. ${it.ask}: ${MARK[it.verdict]}`,
      ...it.lines.map((l) => `   ${l.text}${l.formula ? ` [${l.formula}]` : ''}`),
    ]),
    `Inputs and arithmetic: ${url}`,
  ].join('\n');
}
