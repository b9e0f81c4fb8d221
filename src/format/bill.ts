/** A bill in words: how long, how many dollars, how much energy. */
import { fmtDuration } from './duration';
import { fmtEnergy } from './energy';
import { fmtUsd } from './money';

export interface Bill {
  seconds: number;
  usd: number;
  kWh: number;
}

/** "2 hours, $12.3, 350 Wh": the time, dollars and energy of a run, joined by `separator`. */
export function fmtBill(bill: Bill, separator = ', '): string {
  return [fmtDuration(bill.seconds), fmtUsd(bill.usd), fmtEnergy(bill.kWh)].join(separator);
}
