/**
 * `<Value of="…" format="…"/>`: the build resolves prose numbers from content/data and the figures'
 * models; an unknown key, a bad format or a misplaced Value fails with file:line:column.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import remarkContent from '../../../src/mdx/remark-content';
import { FIGURE_CATALOG } from '../../../src/figures/catalog';
import { contentValues, dataValues, modelValues } from '../../../src/mdx/values';
import { formatValue, parseFormat } from '../../../src/mdx/value-format';
import { Value } from '../../../src/mdx/Value';
import devices from '../../../content/data/devices.json';

const root = path.resolve(__dirname, '../../..');
const values = contentValues();

async function build(value: string) {
  return String(
    await compile(
      { path: path.join(root, 'x/01-opening.mdx'), value },
      {
        remarkPlugins: [[remarkContent, { figures: FIGURE_CATALOG, referenceKeys: new Set<string>(), root, values }]],
      },
    ),
  );
}

async function errorOf(value: string): Promise<string> {
  try {
    await build(value);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('compiled without error');
}

describe('<Value> in content', () => {
  it('writes the formatted number into the compiled MDX', async () => {
    const out = await build('## X\n\nA delay of <Value of="devices.ibm_miami.repDelay_us" format="int" /> µs.\n');
    expect(out).toContain('"4,000"');
    expect(out).toContain('devices.ibm_miami.repDelay_us');
  });

  it('fails on an unknown key with file, line and column, suggesting nearby keys', async () => {
    const message = await errorOf(
      '## X\n\nText.\n\nThe error is <Value of="devices.ibm_boston.cz_error" format="sci:2" />.\n',
    );
    expect(message).toMatch(
      /^x\/01-opening\.mdx:5:14: unknown value key "devices\.ibm_boston\.cz_error" \(did you mean one of: devices\.ibm_boston\./,
    );
  });

  it('fails on a bad format, a bad scale, children, a dynamic key and a Value on a line of its own', async () => {
    const lines = (
      await errorOf(
        [
          '## X',
          '',
          'A <Value of="qec.willow.lambda" format="percent" /> b <Value of="qec.willow.lambda" scale="x" />.',
          '',
          'C <Value of="qec.willow.lambda">2.14</Value> d <Value of={key} />.',
          '',
          '<Value of="qec.willow.lambda" />',
          '',
        ].join('\n'),
      )
    ).split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^x\/01-opening\.mdx:3:3: unknown format "percent" on <Value>/),
      'x/01-opening.mdx:3:55: <Value scale> must be a plain non-zero number, e.g. scale="1e-3"',
      'x/01-opening.mdx:5:3: <Value> takes no children',
      'x/01-opening.mdx:5:48: <Value of> must be a plain string',
      'x/01-opening.mdx:7:1: <Value> must sit inside a sentence, not on a line of its own',
    ]);
  });

  it('without a value table every Value is an error', async () => {
    const message = await compile(
      { path: path.join(root, 'x/01-opening.mdx'), value: '## X\n\nA <Value of="qec.willow.lambda" />.\n' },
      {
        remarkPlugins: [[remarkContent, { figures: FIGURE_CATALOG, referenceKeys: new Set<string>(), root }]],
      },
    ).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(message).toBe('x/01-opening.mdx:3:3: unknown value key "qec.willow.lambda"');
  });

  it('renders plain static markup, and refuses to render an unresolved value', () => {
    expect(renderToStaticMarkup(createElement(Value, { of: 'qec.willow.lambda', text: '2.14' }))).toBe(
      '<span data-value="qec.willow.lambda">2.14</span>',
    );
    expect(() => renderToStaticMarkup(createElement(Value, { of: 'qec.willow.lambda' }))).toThrow(
      /not resolved at build time/,
    );
  });
});

describe('value formats', () => {
  const f = (v: number, spec: string, scale?: number) => formatValue(v, parseFormat(spec)!, scale);
  it('formats every kind as written by hand (145,700 to 2 significant figures is 150,000; 1/7.9e-4 = 1,266 → 1,270)', () => {
    expect(f(1457, 'int')).toBe('1,457');
    expect(f(2.14, 'fixed:2')).toBe('2.14');
    expect(f(145_700, 'sig:2')).toBe('150,000');
    expect(f(0.0888, 'sig:1')).toBe('0.09');
    expect(f(0.00143, 'pct:3')).toBe('0.143');
    expect(f(7.9e-4, 'sci:2')).toBe('7.9 × 10⁻⁴');
    expect(f(3.8e25, 'sci:2')).toBe('3.8 × 10²⁵');
    expect(f(0.3, 'usd:2')).toBe('$0.30');
    expect(f(7.9e-4, 'inv:3')).toBe('1,270');
    expect(f(1_281_167, 'mag:3')).toBe('1.28 million');
    expect(f(1.56e13, 'mag:3')).toBe('15.6 trillion');
    expect(f(999_999, 'mag:2')).toBe('1.0 million');
    expect(f(250, 'fixed:2', 1e-3)).toBe('0.25');
  });
  it('rejects unknown specs', () => {
    for (const bad of ['', 'sig', 'sig:x', 'sig:0', 'sci:9', 'percent:1', 'int:2']) expect(parseFormat(bad)).toBeNull();
  });
});

describe('the value table', () => {
  it('holds every number of content/data, keyed by file and id', () => {
    const data = dataValues();
    for (const d of devices.devices)
      if (d.twoQubitError !== null) expect(data.get(`devices.${d.id}.twoQubitError`)).toBe(d.twoQubitError);
    expect(data.get('devices.ibm_miami.repDelay_us')).toBe(4000);
    expect(data.get('devices.ibm_miami.repDelayRange_us.0')).toBe(1000);
    expect(data.get('qec.willow.lambda')).toBe(2.14);
    expect(data.get('gpus.utilisation.modelFlopsUtilisation')).toBe(0.38);
  });
  it('carries the figures’ headline results at their defaults, checked by hand', () => {
    // d = 27 at 10⁻⁶ (error-correction test), 2·27² − 1 = 1,457 qubits, ×100 logical = 145,700;
    // ibm_miami: 10,000 shots × 4,000 µs repetition delay = 40 s.
    const model = modelValues();
    expect(model.get('model.pipeline-cost.mnist.days')).toBeCloseTo(65.35, 2);
    expect(model.get('model.pipeline-cost.imagenet.overT2')).toBeGreaterThan(70);
    expect(model.get('model.error-correction.d6')).toBe(27);
    expect(model.get('model.error-correction.qubits6')).toBe(1457);
    expect(model.get('model.error-correction.machineQubits')).toBe(145_700);
    expect(model.get('model.devices.ibm_miami.tenThousandShotsSeconds')).toBe(40);
  });
});
