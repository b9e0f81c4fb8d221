/**
 * Prints the value table the prose quotes through <Value of="…"/> (src/mdx/values.ts): every number of
 * content/data/*.json and the figures' model results at their defaults. The claims ledger
 * (content/claims.md) cites this command for derived numbers.
 *
 *   npx tsx scripts/values.ts                      all keys
 *   npx tsx scripts/values.ts model.pipeline-cost  keys starting with a prefix
 */
import { contentValues } from '../src/mdx/values';

const prefix = process.argv[2] ?? '';
for (const [key, value] of contentValues()) if (key.startsWith(prefix)) console.log(`${key}\t${value}`);
