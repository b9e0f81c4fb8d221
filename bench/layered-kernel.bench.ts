/**
 * The layered kernel's JavaScript passes against its WebAssembly SIMD passes on the measurement-marathon
 * workload (the barren-plateau defaults of that figure: McClean ansatz, n = 2…12, L = 100, 200 circuits per
 * point, ⟨Z₀Z₁⟩ cost, the experiment's own seeds). Same circuits for both; the gradients must agree bit for
 * bit. Numbers and ratios only; programs are built outside the timed loops.
 */
import { buildProgram } from '../src/experiments/barren-plateau/program';
import { LayeredKernel } from '../src/sim/layered-kernel';
import { createRng, deriveSeed } from '../src/sim/rng';

const LAYERS = 100,
  SAMPLES = 200,
  SEED = 1;

function cpuMs(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

export async function run(): Promise<void> {
  console.log(`McClean, L = ${LAYERS}, ${SAMPLES} circuits per n, zz cost; CPU ms per n (programs prebuilt)`);
  console.log('    n        js      wasm   js/wasm   identical');
  let totalJs = 0,
    totalWasm = 0;
  for (let n = 2; n <= 12; n++) {
    const programs = Array.from({ length: SAMPLES }, (_, k) =>
      buildProgram('mcclean', n, LAYERS, createRng(deriveSeed(SEED, n, LAYERS, k))),
    );
    const js = new LayeredKernel(n, false, 'js'),
      wasm = new LayeredKernel(n, false, 'wasm');
    const a = new Float64Array(SAMPLES),
      b = new Float64Array(SAMPLES);
    // warm-up: JIT and the kernels' tables
    for (let k = 0; k < 5; k++) {
      js.gradient(programs[k], 'zz');
      wasm.gradient(programs[k], 'zz');
    }
    const tJs = cpuMs(() => programs.forEach((p, k) => (a[k] = js.gradient(p, 'zz'))));
    const tWasm = cpuMs(() => programs.forEach((p, k) => (b[k] = wasm.gradient(p, 'zz'))));
    totalJs += tJs;
    totalWasm += tWasm;
    const same = a.every((v, k) => Object.is(v, b[k]));
    console.log(
      `   ${String(n).padStart(2)}  ${tJs.toFixed(0).padStart(8)}  ${tWasm.toFixed(0).padStart(8)}  ${(tJs / tWasm).toFixed(2).padStart(8)}   ${same ? 'yes' : 'NO'}`,
    );
  }
  console.log(
    `   all ${totalJs.toFixed(0).padStart(8)}  ${totalWasm.toFixed(0).padStart(8)}  ${(totalJs / totalWasm).toFixed(2).padStart(8)}`,
  );
}
