/** Energy, given in kWh and written in the unit that keeps the number readable: Wh, kWh, MWh, GWh. */
import { MISSING, fmtSci, fmtSig } from './number';

/** "0 kWh", "1.2 × 10⁻⁷ Wh", "350 Wh", "12.3 kWh", "4.5 MWh", "1.2 GWh", "3.4 × 10⁴ GWh"; MISSING when negative or not finite. */
export function fmtEnergy(kWh: number): string {
  if (!Number.isFinite(kWh) || kWh < 0) return MISSING;
  if (kWh === 0) return '0 kWh';
  const wh = kWh * 1000;
  if (wh < 1e-4) return `${fmtSci(wh)} Wh`;
  if (kWh < 1) return `${fmtSig(wh)} Wh`;
  if (kWh < 1e3) return `${fmtSig(kWh)} kWh`;
  if (kWh < 1e6) return `${fmtSig(kWh / 1e3)} MWh`;
  if (kWh < 1e9) return `${fmtSig(kWh / 1e6)} GWh`;
  return `${fmtSci(kWh / 1e6)} GWh`;
}
