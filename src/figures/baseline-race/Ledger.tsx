/** Step 2: test accuracy per model, and the work each did (circuits and shots against FLOPs) on a log scale. */
import { format } from 'd3-format';
import { scaleLinear, scaleLog } from 'd3-scale';
import { Axis, chartLayout, useContainerWidth } from '../../charts';
import { fmtDuration, fmtInt, fmtMilliseconds, fmtPercent } from '../../format';
import type { RaceData } from '../../experiments/baseline-race/race';
import { SHOT_RATE_DEVICE, ledgerRows, type LedgerRow } from './model';
import { ChartSvg } from '../../charts/ChartSvg';

const LEDGER_MARGIN = { top: 20, right: 22, bottom: 36, left: 118 };

export function Ledger({ race }: { race: RaceData | undefined }) {
  const [ref, width] = useContainerWidth();
  const rows = race ? ledgerRows(race) : [];
  const L1 = chartLayout(width, { aspect: 0.3, minHeight: 120, maxHeight: 160, margin: LEDGER_MARGIN });
  const x = scaleLinear().domain([0, 1]).range([0, L1.innerWidth]);
  const rowH = L1.innerHeight / 3;
  // Work: up to two bars per model (circuits and shots for the VQC; FLOPs for the others).
  const L2 = chartLayout(width, {
    aspect: 0.42,
    minHeight: 170,
    maxHeight: 230,
    margin: { ...LEDGER_MARGIN, top: 22 },
  });
  const maxWork = Math.max(10, ...rows.flatMap((r) => [r.shots, r.circuits, r.flops]));
  const lx = scaleLog()
    .domain([1e3, Math.pow(10, Math.ceil(Math.log10(maxWork * 3)))])
    .range([0, L2.innerWidth])
    .clamp(true);
  const rowH2 = L2.innerHeight / 3;
  const bars = (r: LedgerRow) =>
    r.model === 'vqc'
      ? [
          { k: 'shots', v: r.shots, label: `${fmtInt(r.shots)} shots` },
          { k: 'circuits', v: r.circuits, label: `${fmtInt(r.circuits)} circuits` },
        ]
      : [{ k: 'flops', v: r.flops, label: `${fmtInt(r.flops)} FLOPs` }];
  const labelX = (v: number, w: number) =>
    lx(v) + 6 + w > L2.innerWidth
      ? { x: lx(v) - 6, anchor: 'end' as const, inside: true }
      : { x: lx(v) + 6, anchor: 'start' as const, inside: false };
  const vqc = rows.find((r) => r.model === 'vqc');
  return (
    <div ref={ref} className="br-ledger">
      <ChartSvg layout={L1} label="Test accuracy per model">
        <text x={0} y={-8} fontSize={12} fontWeight={650} fill="currentColor">
          Test accuracy
        </text>
        <Axis scale={x} orient="bottom" y={L1.innerHeight} ticks={5} format={format('.0%')} grid={L1.innerHeight} />
        {rows.map((r, k) => (
          <g key={r.model} transform={`translate(0,${k * rowH})`} className="br-acc" data-model={r.model}>
            <text x={-8} y={rowH / 2} dy="0.32em" textAnchor="end" fontSize={11.5} fill="currentColor">
              {r.label}
            </text>
            <rect y={rowH * 0.2} height={rowH * 0.6} width={x(r.testAccuracy)} fill="currentColor" fillOpacity={0.78} />
            <text x={6} y={rowH / 2} dy="0.32em" fontSize={11} fill="var(--story-surface, Canvas)" fontWeight={650}>
              {fmtPercent(r.testAccuracy)}
            </text>
          </g>
        ))}
      </ChartSvg>
      <ChartSvg layout={L2} label="Work per model on a log scale: circuits and shots against floating-point operations">
        <text x={0} y={-8} fontSize={12} fontWeight={650} fill="currentColor">
          Work (log scale)
        </text>
        <Axis
          scale={lx}
          orient="bottom"
          y={L2.innerHeight}
          tickValues={lx.ticks().filter((t) => Number.isInteger(Math.log10(t)))}
          format={format('.0s')}
          grid={L2.innerHeight}
        />
        {rows.map((r, k) => {
          const bs = bars(r);
          const h = (rowH2 * 0.7) / bs.length;
          return (
            <g key={r.model} transform={`translate(0,${k * rowH2})`} className="br-work" data-model={r.model}>
              <text x={-8} y={rowH2 / 2} dy="0.32em" textAnchor="end" fontSize={11.5} fill="currentColor">
                {r.label}
              </text>
              {bs.map((b, i) => {
                const y = rowH2 * 0.15 + i * h;
                const pos = labelX(b.v, b.label.length * 6);
                return (
                  <g key={b.k} data-kind={b.k}>
                    <rect
                      y={y + 1}
                      height={h - 2}
                      width={lx(Math.max(1e3, b.v))}
                      fill={
                        b.k === 'shots'
                          ? 'var(--br-class-1)'
                          : b.k === 'circuits'
                            ? 'var(--br-class-0)'
                            : 'currentColor'
                      }
                      fillOpacity={b.k === 'flops' ? 0.4 : 0.85}
                    />
                    <text
                      x={pos.x}
                      y={y + h / 2}
                      dy="0.32em"
                      textAnchor={pos.anchor}
                      fontSize={10.5}
                      fill={pos.inside ? 'var(--story-surface, Canvas)' : 'currentColor'}
                      fontWeight={pos.inside ? 650 : 400}
                    >
                      {b.label}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </ChartSvg>
      {vqc ? (
        <p className="br-readout">
          Time in this browser: {rows.map((r) => `${r.label} ${fmtMilliseconds(r.ms)}`).join(', ')} (the quantum model’s
          time is spent simulating its circuits). On {SHOT_RATE_DEVICE.name} at {fmtInt(SHOT_RATE_DEVICE.shotRate)}{' '}
          shots/s, its {fmtInt(vqc.shots)} shots alone take ≈ {fmtDuration(vqc.deviceSeconds ?? NaN)}, before queueing.
        </p>
      ) : (
        <p className="br-readout">Waiting for training to finish…</p>
      )}
    </div>
  );
}
