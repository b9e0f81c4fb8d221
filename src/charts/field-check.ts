/**
 * Validation of the calculator's text inputs, with a sentence for the reader: empty or non-numeric,
 * negative, zero where a positive value is needed, fractional where a whole number is needed, and
 * absurdly large (beyond the parameter's maximum). Pure.
 */
import type { NumberParamSpec, IntParamSpec } from '../story/params';
import { fmtSig } from '../format';

export type FieldCheck = { ok: true; value: number } | { ok: false; message: string };

export function checkField(
  spec: NumberParamSpec | IntParamSpec,
  raw: string,
  opts: { allowZero?: boolean } = {},
): FieldCheck {
  const t = raw.trim().replace(/[,_\s]/g, '');
  if (t === '') return { ok: false, message: 'Enter a number.' };
  const v = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : NaN;
  if (Number.isNaN(v)) return { ok: false, message: `“${raw.trim().slice(0, 24)}” is not a number.` };
  if (!Number.isFinite(v)) return { ok: false, message: 'That number is too large to compute with.' };
  if (v < 0) return { ok: false, message: 'Cannot be negative.' };
  const allowZero = opts.allowZero ?? spec.min <= 0;
  if (v === 0 && !allowZero) return { ok: false, message: 'Must be greater than zero.' };
  if (spec.type === 'int' && !Number.isInteger(v)) return { ok: false, message: 'Must be a whole number.' };
  if (v > spec.max) return { ok: false, message: `At most ${fmtSig(spec.max, 6)}: larger values mean nothing here.` };
  if (v < spec.min) return { ok: false, message: `At least ${fmtSig(spec.min, 6)}.` };
  return { ok: true, value: v };
}
