/**
 * The baseline race: a finite-shot variational quantum classifier against logistic regression and a
 * small MLP on the same seeded data. Step 0 the datasets; step 1 decision boundaries as training runs
 * (segments of epochs from the worker pool, each resuming from the last checkpoint); step 2 accuracy,
 * time and work; step 3 the knob sweep as a strip plot, with controls (dataset, seed, encoding, depth,
 * shots, pause, reset).
 */
import { memo, useMemo } from 'react';
import { fmtInt } from '../../format';
import type { SweepData, SweepParams } from '../../experiments/baseline-race/sweep';
import { FigureShell } from '../../story/FigureShell';
import type { FigureViewProps } from '../../story/figure-types';
import { useExperiment } from '../../story/useExperiment';
import { BoundaryPanels as BoundaryPanelsView } from './BoundaryPanels';
import { RaceControls } from './controls';
import { DatasetPanels } from './DatasetPanels';
import { Ledger } from './Ledger';
import type { baselineRaceParamSpec } from './meta';
import {
  RACE_EPOCHS,
  SHOT_RATE_DEVICE,
  raceSegment,
  datasetPreviews,
  knobsPicture,
  raceOverrides,
  stepState,
  sweepEnabled,
  sweepOverrides,
  type BaselineRaceParams,
} from './model';
import { StripPlot } from './StripPlot';
import { baselineRaceAlt, baselineRaceMethod, datasetTable, historyTable, sweepTable } from './text';
import { useRaceRun } from './useRaceRun';
import './baseline-race.css';

// Redrawn only when its own inputs change (a segment of training), not at every partial result of the sweep.
const BoundaryPanels = memo(BoundaryPanelsView);

const CAPTIONS = [
  'Training points filled, test points hollow; colour = class.',
  'Shading: each model’s P(class 1); line: its decision boundary (P = 0.5).',
  'Test accuracy, and the work each model did: circuits and shots for the quantum model, floating-point operations for the classical ones.',
  'Test accuracy of every retrained model: one mark per seed and feature scaling.',
];

export default function BaselineRaceView(props: FigureViewProps<typeof baselineRaceParamSpec>) {
  const { id, step, title, stepLabel, params, setParams, paramIssues, reducedMotion, mode } = props;
  const p: BaselineRaceParams = params;
  const state = stepState(step);
  const previews = useMemo(() => datasetPreviews(p.seed), [p.seed]);

  // The race, in segments of epochs; the last finished segment is kept (pause holds it).
  const segment = raceSegment(state, reducedMotion, mode === 'print');
  const race = useRaceRun(raceOverrides(p), { enabled: state.needsRace, segment });
  const { epoch, complete } = race;
  const { paused } = race.run;
  const raceData = race.run.data ?? undefined;

  // The knob sweep: at step 3 beside the race, or early from step 2 once the race is finished or paused
  // (see sweepEnabled). A finished sweep stays cached.
  const sweepReq = sweepOverrides(p);
  const sweep = useExperiment<SweepParams, SweepData>('baseline-race-sweep', sweepReq as Partial<SweepParams>, {
    enabled: sweepEnabled(state, complete, paused, mode === 'print'),
    // While training runs beside it, a worker stays free for the race's next segment.
    spareWorkers: complete || paused ? 0 : 1,
  });

  const ready = state.panel === 'datasets' ? true : state.panel === 'knobs' ? complete && sweep.ready : complete;
  const work =
    state.panel === 'knobs'
      ? {
          done: sweep.data?.runs.length ?? 0,
          total: sweep.data?.total ?? 48,
          label: `${complete ? '' : `${paused ? 'Training paused' : 'Training'} at epoch ${epoch} of ${RACE_EPOCHS}; `}Retraining across seeds and settings: ${sweep.data?.refinement.label ?? 'starting'}`,
        }
      : {
          done: epoch,
          total: RACE_EPOCHS,
          label: paused ? `Paused at epoch ${epoch}` : `Training: epoch ${epoch} of ${RACE_EPOCHS}`,
        };
  const error = race.error ?? (state.needsSweep ? sweep.error : undefined);

  const data =
    state.panel === 'datasets'
      ? datasetTable(previews)
      : state.panel === 'knobs'
        ? sweepTable(sweep.data)
        : historyTable(raceData);
  const alt = baselineRaceAlt({ state, params: p, previews, race: raceData, sweep: sweep.data, paused });

  return (
    <FigureShell
      id={id}
      step={state.step}
      title={title}
      caption={`${stepLabel}: ${CAPTIONS[state.step]}`}
      ready={ready}
      picture={knobsPicture(state, epoch, sweep.data)}
      work={work}
      method={{ ...baselineRaceMethod(p, state), sources: sourcesFor() }}
      data={data}
      alt={alt}
      issues={paramIssues}
      controls={
        state.controls ? (
          <RaceControls
            params={p}
            setParams={setParams}
            run={{ epoch, complete, paused, onPauseToggle: race.togglePause, onReset: race.reset }}
          />
        ) : null
      }
    >
      <div className="br" data-panel={state.panel} data-epoch={epoch} data-paused={paused ? 'true' : 'false'}>
        {error ? (
          <p className="br-error" role="alert">
            The computation failed: {error}
          </p>
        ) : null}
        {state.panel === 'datasets' ? <DatasetPanels previews={previews} selected={p.dataset} /> : null}
        {state.panel === 'knobs' ? <StripPlot sweep={sweep.data} dataset={p.dataset} /> : null}
        {state.showBoundaries ? (
          <BoundaryPanels
            race={raceData}
            previews={previews}
            dataset={p.dataset}
            compact={state.panel === 'knobs'}
            paused={paused}
          />
        ) : null}
        {state.showLedger ? <Ledger race={raceData} /> : null}
      </div>
    </FigureShell>
  );
}

function sourcesFor() {
  return [
    {
      label:
        'Computed in your browser: the article’s state-vector simulator (src/sim) for the quantum classifier, plain TypeScript for the classical baselines (src/ml)',
    },
    {
      label: `Shot rate ${fmtInt(SHOT_RATE_DEVICE.shotRate)}/s: ${SHOT_RATE_DEVICE.name}, content/data/devices.json (derived from IBM's default repetition delay, ${SHOT_RATE_DEVICE.date})`,
    },
    {
      label:
        'Bowles, Ahmed, Schuld (2024), Better than classical? The subtle art of benchmarking quantum machine learning models, arXiv:2403.07059',
      href: 'https://arxiv.org/abs/2403.07059',
    },
  ];
}
