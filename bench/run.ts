/**
 * `npm run bench`: imports every bench/*.bench.ts module and awaits its `run()`, in file-name order.
 * `npm run bench -- simulator` runs only the modules whose file name contains "simulator".
 * Benchmarks print numbers and ratios; they never pass or fail.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface BenchModule {
  run(): Promise<void>;
}

async function main(): Promise<void> {
  const dir = dirname(fileURLToPath(import.meta.url));
  const filters = process.argv.slice(2);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  if (files.length === 0) {
    console.log(`no benchmark matches ${filters.join(', ')}`);
    return;
  }
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}; ${files.length} benchmark module(s)`);
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as Partial<BenchModule>;
    if (typeof mod.run !== 'function') {
      console.error(`${f}: does not export run(); skipped`);
      process.exitCode = 1;
      continue;
    }
    console.log(`\n=== ${f} ===`);
    const t0 = performance.now();
    await mod.run();
    console.log(`(${f}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
