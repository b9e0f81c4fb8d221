/**
 * The layered kernel's passes in WebAssembly with 128-bit SIMD (src/sim/wasm/assembly/kernel.ts): the
 * amplitudes and tables live in the instance's memory, and `re`, `im`, … are Float64Array views of it, so
 * the orchestration in layered-kernel.ts (the exact parameter rotation, the noise, reading the costs) works
 * on them as on ordinary arrays. Bit-identical to the JavaScript passes (layered-kernel-js.ts), which
 * tests/unit/experiments/kernel-wasm.test.ts checks.
 */
import { rotPair, rotTriple, type KernelPasses, type RotationQueue } from './layered-kernel-js';
import { kernelModule } from './wasm/kernel-module';

/** One scaled rotation as the module takes it: qubit, X flag (0 or 1), α, β (RotationQueue). */
type Rotation = [q: number, x: number, a: number, b: number];

/** The module's exports (src/sim/wasm/assembly/kernel.ts); buffers are byte offsets. */
interface KernelExports {
  memory: WebAssembly.Memory;
  rotSingle(re: number, im: number, len: number, ...r: Rotation): void;
  rotPair(re: number, im: number, len: number, ...r: [...Rotation, ...Rotation]): void;
  rotTriple(re: number, im: number, len: number, ...r: [...Rotation, ...Rotation, ...Rotation]): void;
  scaleDiagonal(re: number, im: number, half: number, sign: number, scale: number): void;
  phaseDiagonal(
    re: number,
    im: number,
    half: number,
    lowBits: number,
    loRe: number,
    loIm: number,
    hiRe: number,
    hiIm: number,
    sign: number,
    scale: number,
  ): void;
}

const PAGE = 65536;

/** Bytes of `count` doubles, rounded up to 16 (every buffer starts on a vector boundary). */
function bytesOf(count: number): number {
  return Math.ceil((count * 8) / 16) * 16;
}

export class WasmPasses implements KernelPasses {
  readonly engine = 'wasm';
  re!: Float64Array;
  im!: Float64Array;
  loRe!: Float64Array;
  loIm!: Float64Array;
  hiRe!: Float64Array;
  hiIm!: Float64Array;
  private readonly x: KernelExports;
  private readonly half: number;
  private readonly loSize: number;
  private readonly hiSize: number;
  /** Byte offsets: re at 0, then im, loRe, loIm, hiRe, hiIm, then the tables. */
  private readonly at: { im: number; loRe: number; loIm: number; hiRe: number; hiIm: number };
  /** End of the used memory. */
  private end: number;

  /** Null where the WebAssembly module is unavailable (kernel-module.ts) or its memory cannot grow. */
  static create(m: number, lowBits: number): WasmPasses | null {
    const module = kernelModule();
    if (!module) return null;
    try {
      return new WasmPasses(module, m, lowBits);
    } catch {
      return null;
    }
  }

  private constructor(module: WebAssembly.Module, m: number, lowBits: number) {
    this.x = new WebAssembly.Instance(module, {}).exports as unknown as KernelExports;
    this.half = 2 ** m;
    this.loSize = 1 << lowBits;
    this.hiSize = 1 << (m - lowBits);
    const amps = bytesOf(2 * this.half);
    const im = amps,
      loRe = im + amps,
      loIm = loRe + bytesOf(this.loSize),
      hiRe = loIm + bytesOf(this.loSize),
      hiIm = hiRe + bytesOf(this.hiSize);
    this.at = { im, loRe, loIm, hiRe, hiIm };
    this.end = hiIm + bytesOf(this.hiSize);
    this.reserve(this.end);
  }

  /** Grows the memory to hold `bytes` and renews the views (growing detaches the old ones). */
  private reserve(bytes: number): void {
    const { memory } = this.x;
    const pages = Math.ceil(bytes / PAGE) - memory.buffer.byteLength / PAGE;
    if (pages > 0 || !this.re) {
      if (pages > 0) memory.grow(pages);
      const buf = memory.buffer,
        { at } = this;
      this.re = new Float64Array(buf, 0, 2 * this.half);
      this.im = new Float64Array(buf, at.im, 2 * this.half);
      this.loRe = new Float64Array(buf, at.loRe, this.loSize);
      this.loIm = new Float64Array(buf, at.loIm, this.loSize);
      this.hiRe = new Float64Array(buf, at.hiRe, this.hiSize);
      this.hiIm = new Float64Array(buf, at.hiIm, this.hiSize);
    }
  }

  allocTable(): number {
    const handle = this.end;
    this.end += bytesOf(this.half);
    this.reserve(this.end);
    return handle;
  }

  table(handle: number): Float64Array {
    return new Float64Array(this.x.memory.buffer, handle, this.half);
  }

  rotSingle(len: number, ops: RotationQueue, k: number): void {
    const { qubit, isX, coef } = ops;
    this.x.rotSingle(0, this.at.im, len, qubit[k], isX[k], coef[2 * k], coef[2 * k + 1]);
  }

  // The module's layouts need qubit 0, if rotated, to be the first rotation's: otherwise the JavaScript pass runs.
  rotPair(len: number, ops: RotationQueue, k: number): void {
    const { qubit: q, isX: x, coef: c } = ops;
    const j = 2 * k;
    if (q[k + 1] === 0) rotPair(this.re, this.im, len, ops, k);
    else this.x.rotPair(0, this.at.im, len, q[k], x[k], c[j], c[j + 1], q[k + 1], x[k + 1], c[j + 2], c[j + 3]);
  }

  rotTriple(len: number, ops: RotationQueue, k: number): void {
    const { qubit: q, isX: x, coef: c } = ops;
    const j = 2 * k;
    if (q[k + 1] === 0 || q[k + 2] === 0) rotTriple(this.re, this.im, len, ops, k);
    else {
      const [b, d] = [k + 1, k + 2];
      this.x.rotTriple(
        0,
        this.at.im,
        len,
        q[k],
        x[k],
        c[j],
        c[j + 1],
        q[b],
        x[b],
        c[j + 2],
        c[j + 3],
        q[d],
        x[d],
        c[j + 4],
        c[j + 5],
      );
    }
  }

  scaleDiagonal(half: number, sign: number, scale: number): void {
    this.x.scaleDiagonal(0, this.at.im, half, sign, scale);
  }

  phaseDiagonal(half: number, lowBits: number, sign: number, scale: number): void {
    const { at } = this;
    this.x.phaseDiagonal(0, at.im, half, lowBits, at.loRe, at.loIm, at.hiRe, at.hiIm, sign, scale);
  }
}
