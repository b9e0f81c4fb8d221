/**
 * The layered kernel's amplitude passes (src/sim/layered-kernel.ts) in AssemblyScript, compiled to
 * WebAssembly with 128-bit SIMD: each f64x2 holds two amplitudes. `npm run wasm:build` compiles this file
 * into src/sim/wasm/kernel-bytes.generated.ts; tests/unit/experiments/kernel-wasm.test.ts fails when the
 * committed bytes differ from a fresh compile.
 *
 * Results are bit-identical to the JavaScript passes (src/sim/layered-kernel-js.ts), which stay the
 * fallback and the test oracle: every amplitude gets the same products and sums in the same order (no
 * fused multiply-add). Three IEEE facts allow vector forms: x·y = y·x and x + y = y + x exactly, x − y is
 * x + (−y), and multiplying by 1 or −1 is exact (so α·x with α = 1 stands for x where the JavaScript triple
 * pass skips the product, and a ±1 sign table multiplies instead of branching).
 *
 * Two layouts: when qubit 0 is not a target, a vector holds amplitudes i and i + 1 of two neighbouring
 * groups and every rotation is lane-wise; when qubit 0 is the FIRST rotation's qubit, a vector holds the
 * pair (i, i + 1) that rotation mixes, which it does with a lane swap. Other orders (qubit 0 as a later
 * rotation) are rare in practice and stay with the JavaScript passes (layered-kernel-wasm.ts decides).
 *
 * Buffers are byte offsets into this module's memory, laid out by the caller; nothing is allocated here.
 */

/** a·p + b·q, lane-wise. */
function ap(a: v128, p: v128, b: v128, q: v128): v128 {
  return f64x2.add(f64x2.mul(a, p), f64x2.mul(b, q));
}

/** a·p − b·q, lane-wise. */
function am(a: v128, p: v128, b: v128, q: v128): v128 {
  return f64x2.sub(f64x2.mul(a, p), f64x2.mul(b, q));
}

/** (x₁, x₀). */
function swap(x: v128): v128 {
  return f64x2.shuffle(x, x, 1, 0);
}

/** Inserts a zero bit above the bits of `mask` (bits.ts insertZeroBelow). */
function ins(x: i32, mask: i32): i32 {
  return ((x & ~mask) << 1) | (x & mask);
}

/** (−b, b): the lane-swapped R_Y on qubit 0 is α·v + (−β, β)·swap(v). */
function negFirst(b: f64): v128 {
  return f64x2.replace_lane(f64x2.splat(b), 0, -b);
}

/**
 * Three scaled rotations (layered-kernel-js.ts rotTriple) on qubits qa, qb, qc, applied in that order.
 * Needs qubit 0 to be qa or none of them.
 */
export function rotTriple(
  re: usize,
  im: usize,
  len: i32,
  qa: i32,
  xa: bool,
  aa: f64,
  ba: f64,
  qb: i32,
  xb: bool,
  ab: f64,
  bb: f64,
  qc: i32,
  xc: bool,
  ac: f64,
  bc: f64,
): void {
  const A = f64x2.splat(aa),
    B = f64x2.splat(ba),
    BN = negFirst(ba),
    C = f64x2.splat(ab),
    D = f64x2.splat(bb),
    E = f64x2.splat(ac),
    F = f64x2.splat(bc);
  // α = 1 exactly (else β = 1): the product by 1 is skipped, as in the JavaScript triple pass.
  const ua = aa == 1,
    ub = ab == 1,
    uc = ac == 1;
  const sa = 1 << qa,
    sb = 1 << qb,
    sc = 1 << qc;
  let p0 = qa,
    p1 = qb,
    p2 = qc;
  if (p0 > p1) {
    const t = p0;
    p0 = p1;
    p1 = t;
  }
  if (p1 > p2) {
    const t = p1;
    p1 = p2;
    p2 = t;
  }
  if (p0 > p1) {
    const t = p0;
    p0 = p1;
    p1 = t;
  }
  const k0 = (1 << p0) - 1,
    k1 = (1 << p1) - 1,
    k2 = (1 << p2) - 1;
  const eighth = len >>> 3;
  let t0: v128, t1: v128, t2: v128, t3: v128;
  if (qa == 0) {
    for (let k = 0; k < eighth; k++) {
      const i0 = ins(ins(ins(k, k0), k1), k2);
      const i1 = i0 + sb,
        i2 = i0 + sc,
        i3 = i1 + sc;
      let r0 = v128.load(re + ((<usize>i0) << 3));
      let m0 = v128.load(im + ((<usize>i0) << 3));
      let r1 = v128.load(re + ((<usize>i1) << 3));
      let m1 = v128.load(im + ((<usize>i1) << 3));
      let r2 = v128.load(re + ((<usize>i2) << 3));
      let m2 = v128.load(im + ((<usize>i2) << 3));
      let r3 = v128.load(re + ((<usize>i3) << 3));
      let m3 = v128.load(im + ((<usize>i3) << 3));
      if (xa) {
        if (ua) {
          t0 = f64x2.add(r0, f64x2.mul(B, swap(m0)));
          t1 = f64x2.sub(m0, f64x2.mul(B, swap(r0)));
          r0 = t0;
          m0 = t1;
          t0 = f64x2.add(r1, f64x2.mul(B, swap(m1)));
          t1 = f64x2.sub(m1, f64x2.mul(B, swap(r1)));
          r1 = t0;
          m1 = t1;
          t0 = f64x2.add(r2, f64x2.mul(B, swap(m2)));
          t1 = f64x2.sub(m2, f64x2.mul(B, swap(r2)));
          r2 = t0;
          m2 = t1;
          t0 = f64x2.add(r3, f64x2.mul(B, swap(m3)));
          t1 = f64x2.sub(m3, f64x2.mul(B, swap(r3)));
          r3 = t0;
          m3 = t1;
        } else {
          t0 = f64x2.add(f64x2.mul(A, r0), swap(m0));
          t1 = f64x2.sub(f64x2.mul(A, m0), swap(r0));
          r0 = t0;
          m0 = t1;
          t0 = f64x2.add(f64x2.mul(A, r1), swap(m1));
          t1 = f64x2.sub(f64x2.mul(A, m1), swap(r1));
          r1 = t0;
          m1 = t1;
          t0 = f64x2.add(f64x2.mul(A, r2), swap(m2));
          t1 = f64x2.sub(f64x2.mul(A, m2), swap(r2));
          r2 = t0;
          m2 = t1;
          t0 = f64x2.add(f64x2.mul(A, r3), swap(m3));
          t1 = f64x2.sub(f64x2.mul(A, m3), swap(r3));
          r3 = t0;
          m3 = t1;
        }
      } else {
        if (ua) {
          t0 = f64x2.add(r0, f64x2.mul(BN, swap(r0)));
          t1 = f64x2.add(m0, f64x2.mul(BN, swap(m0)));
          r0 = t0;
          m0 = t1;
          t0 = f64x2.add(r1, f64x2.mul(BN, swap(r1)));
          t1 = f64x2.add(m1, f64x2.mul(BN, swap(m1)));
          r1 = t0;
          m1 = t1;
          t0 = f64x2.add(r2, f64x2.mul(BN, swap(r2)));
          t1 = f64x2.add(m2, f64x2.mul(BN, swap(m2)));
          r2 = t0;
          m2 = t1;
          t0 = f64x2.add(r3, f64x2.mul(BN, swap(r3)));
          t1 = f64x2.add(m3, f64x2.mul(BN, swap(m3)));
          r3 = t0;
          m3 = t1;
        } else {
          t0 = f64x2.add(f64x2.mul(A, r0), f64x2.mul(BN, swap(r0)));
          t1 = f64x2.add(f64x2.mul(A, m0), f64x2.mul(BN, swap(m0)));
          r0 = t0;
          m0 = t1;
          t0 = f64x2.add(f64x2.mul(A, r1), f64x2.mul(BN, swap(r1)));
          t1 = f64x2.add(f64x2.mul(A, m1), f64x2.mul(BN, swap(m1)));
          r1 = t0;
          m1 = t1;
          t0 = f64x2.add(f64x2.mul(A, r2), f64x2.mul(BN, swap(r2)));
          t1 = f64x2.add(f64x2.mul(A, m2), f64x2.mul(BN, swap(m2)));
          r2 = t0;
          m2 = t1;
          t0 = f64x2.add(f64x2.mul(A, r3), f64x2.mul(BN, swap(r3)));
          t1 = f64x2.add(f64x2.mul(A, m3), f64x2.mul(BN, swap(m3)));
          r3 = t0;
          m3 = t1;
        }
      }
      if (xb) {
        if (ub) {
          t0 = f64x2.add(r0, f64x2.mul(D, m1));
          t1 = f64x2.sub(m0, f64x2.mul(D, r1));
          t2 = f64x2.add(r1, f64x2.mul(D, m0));
          t3 = f64x2.sub(m1, f64x2.mul(D, r0));
          r0 = t0;
          m0 = t1;
          r1 = t2;
          m1 = t3;
          t0 = f64x2.add(r2, f64x2.mul(D, m3));
          t1 = f64x2.sub(m2, f64x2.mul(D, r3));
          t2 = f64x2.add(r3, f64x2.mul(D, m2));
          t3 = f64x2.sub(m3, f64x2.mul(D, r2));
          r2 = t0;
          m2 = t1;
          r3 = t2;
          m3 = t3;
        } else {
          t0 = f64x2.add(f64x2.mul(C, r0), m1);
          t1 = f64x2.sub(f64x2.mul(C, m0), r1);
          t2 = f64x2.add(f64x2.mul(C, r1), m0);
          t3 = f64x2.sub(f64x2.mul(C, m1), r0);
          r0 = t0;
          m0 = t1;
          r1 = t2;
          m1 = t3;
          t0 = f64x2.add(f64x2.mul(C, r2), m3);
          t1 = f64x2.sub(f64x2.mul(C, m2), r3);
          t2 = f64x2.add(f64x2.mul(C, r3), m2);
          t3 = f64x2.sub(f64x2.mul(C, m3), r2);
          r2 = t0;
          m2 = t1;
          r3 = t2;
          m3 = t3;
        }
      } else {
        if (ub) {
          t0 = f64x2.sub(r0, f64x2.mul(D, r1));
          t1 = f64x2.sub(m0, f64x2.mul(D, m1));
          t2 = f64x2.add(f64x2.mul(D, r0), r1);
          t3 = f64x2.add(f64x2.mul(D, m0), m1);
          r0 = t0;
          m0 = t1;
          r1 = t2;
          m1 = t3;
          t0 = f64x2.sub(r2, f64x2.mul(D, r3));
          t1 = f64x2.sub(m2, f64x2.mul(D, m3));
          t2 = f64x2.add(f64x2.mul(D, r2), r3);
          t3 = f64x2.add(f64x2.mul(D, m2), m3);
          r2 = t0;
          m2 = t1;
          r3 = t2;
          m3 = t3;
        } else {
          t0 = f64x2.sub(f64x2.mul(C, r0), r1);
          t1 = f64x2.sub(f64x2.mul(C, m0), m1);
          t2 = f64x2.add(r0, f64x2.mul(C, r1));
          t3 = f64x2.add(m0, f64x2.mul(C, m1));
          r0 = t0;
          m0 = t1;
          r1 = t2;
          m1 = t3;
          t0 = f64x2.sub(f64x2.mul(C, r2), r3);
          t1 = f64x2.sub(f64x2.mul(C, m2), m3);
          t2 = f64x2.add(r2, f64x2.mul(C, r3));
          t3 = f64x2.add(m2, f64x2.mul(C, m3));
          r2 = t0;
          m2 = t1;
          r3 = t2;
          m3 = t3;
        }
      }
      if (xc) {
        if (uc) {
          t0 = f64x2.add(r0, f64x2.mul(F, m2));
          t1 = f64x2.sub(m0, f64x2.mul(F, r2));
          t2 = f64x2.add(r2, f64x2.mul(F, m0));
          t3 = f64x2.sub(m2, f64x2.mul(F, r0));
          r0 = t0;
          m0 = t1;
          r2 = t2;
          m2 = t3;
          t0 = f64x2.add(r1, f64x2.mul(F, m3));
          t1 = f64x2.sub(m1, f64x2.mul(F, r3));
          t2 = f64x2.add(r3, f64x2.mul(F, m1));
          t3 = f64x2.sub(m3, f64x2.mul(F, r1));
          r1 = t0;
          m1 = t1;
          r3 = t2;
          m3 = t3;
        } else {
          t0 = f64x2.add(f64x2.mul(E, r0), m2);
          t1 = f64x2.sub(f64x2.mul(E, m0), r2);
          t2 = f64x2.add(f64x2.mul(E, r2), m0);
          t3 = f64x2.sub(f64x2.mul(E, m2), r0);
          r0 = t0;
          m0 = t1;
          r2 = t2;
          m2 = t3;
          t0 = f64x2.add(f64x2.mul(E, r1), m3);
          t1 = f64x2.sub(f64x2.mul(E, m1), r3);
          t2 = f64x2.add(f64x2.mul(E, r3), m1);
          t3 = f64x2.sub(f64x2.mul(E, m3), r1);
          r1 = t0;
          m1 = t1;
          r3 = t2;
          m3 = t3;
        }
      } else {
        if (uc) {
          t0 = f64x2.sub(r0, f64x2.mul(F, r2));
          t1 = f64x2.sub(m0, f64x2.mul(F, m2));
          t2 = f64x2.add(f64x2.mul(F, r0), r2);
          t3 = f64x2.add(f64x2.mul(F, m0), m2);
          r0 = t0;
          m0 = t1;
          r2 = t2;
          m2 = t3;
          t0 = f64x2.sub(r1, f64x2.mul(F, r3));
          t1 = f64x2.sub(m1, f64x2.mul(F, m3));
          t2 = f64x2.add(f64x2.mul(F, r1), r3);
          t3 = f64x2.add(f64x2.mul(F, m1), m3);
          r1 = t0;
          m1 = t1;
          r3 = t2;
          m3 = t3;
        } else {
          t0 = f64x2.sub(f64x2.mul(E, r0), r2);
          t1 = f64x2.sub(f64x2.mul(E, m0), m2);
          t2 = f64x2.add(r0, f64x2.mul(E, r2));
          t3 = f64x2.add(m0, f64x2.mul(E, m2));
          r0 = t0;
          m0 = t1;
          r2 = t2;
          m2 = t3;
          t0 = f64x2.sub(f64x2.mul(E, r1), r3);
          t1 = f64x2.sub(f64x2.mul(E, m1), m3);
          t2 = f64x2.add(r1, f64x2.mul(E, r3));
          t3 = f64x2.add(m1, f64x2.mul(E, m3));
          r1 = t0;
          m1 = t1;
          r3 = t2;
          m3 = t3;
        }
      }
      v128.store(re + ((<usize>i0) << 3), r0);
      v128.store(im + ((<usize>i0) << 3), m0);
      v128.store(re + ((<usize>i1) << 3), r1);
      v128.store(im + ((<usize>i1) << 3), m1);
      v128.store(re + ((<usize>i2) << 3), r2);
      v128.store(im + ((<usize>i2) << 3), m2);
      v128.store(re + ((<usize>i3) << 3), r3);
      v128.store(im + ((<usize>i3) << 3), m3);
    }
    return;
  }
  for (let k = 0; k < eighth; k += 2) {
    const i0 = ins(ins(ins(k, k0), k1), k2);
    const i1 = i0 + sa,
      i2 = i0 + sb,
      i3 = i1 + sb,
      i4 = i0 + sc,
      i5 = i1 + sc,
      i6 = i2 + sc,
      i7 = i3 + sc;
    let r0 = v128.load(re + ((<usize>i0) << 3));
    let m0 = v128.load(im + ((<usize>i0) << 3));
    let r1 = v128.load(re + ((<usize>i1) << 3));
    let m1 = v128.load(im + ((<usize>i1) << 3));
    let r2 = v128.load(re + ((<usize>i2) << 3));
    let m2 = v128.load(im + ((<usize>i2) << 3));
    let r3 = v128.load(re + ((<usize>i3) << 3));
    let m3 = v128.load(im + ((<usize>i3) << 3));
    if (xa) {
      if (ua) {
        t0 = f64x2.add(r0, f64x2.mul(B, m1));
        t1 = f64x2.sub(m0, f64x2.mul(B, r1));
        t2 = f64x2.add(r1, f64x2.mul(B, m0));
        t3 = f64x2.sub(m1, f64x2.mul(B, r0));
        r0 = t0;
        m0 = t1;
        r1 = t2;
        m1 = t3;
        t0 = f64x2.add(r2, f64x2.mul(B, m3));
        t1 = f64x2.sub(m2, f64x2.mul(B, r3));
        t2 = f64x2.add(r3, f64x2.mul(B, m2));
        t3 = f64x2.sub(m3, f64x2.mul(B, r2));
        r2 = t0;
        m2 = t1;
        r3 = t2;
        m3 = t3;
      } else {
        t0 = f64x2.add(f64x2.mul(A, r0), m1);
        t1 = f64x2.sub(f64x2.mul(A, m0), r1);
        t2 = f64x2.add(f64x2.mul(A, r1), m0);
        t3 = f64x2.sub(f64x2.mul(A, m1), r0);
        r0 = t0;
        m0 = t1;
        r1 = t2;
        m1 = t3;
        t0 = f64x2.add(f64x2.mul(A, r2), m3);
        t1 = f64x2.sub(f64x2.mul(A, m2), r3);
        t2 = f64x2.add(f64x2.mul(A, r3), m2);
        t3 = f64x2.sub(f64x2.mul(A, m3), r2);
        r2 = t0;
        m2 = t1;
        r3 = t2;
        m3 = t3;
      }
    } else {
      if (ua) {
        t0 = f64x2.sub(r0, f64x2.mul(B, r1));
        t1 = f64x2.sub(m0, f64x2.mul(B, m1));
        t2 = f64x2.add(f64x2.mul(B, r0), r1);
        t3 = f64x2.add(f64x2.mul(B, m0), m1);
        r0 = t0;
        m0 = t1;
        r1 = t2;
        m1 = t3;
        t0 = f64x2.sub(r2, f64x2.mul(B, r3));
        t1 = f64x2.sub(m2, f64x2.mul(B, m3));
        t2 = f64x2.add(f64x2.mul(B, r2), r3);
        t3 = f64x2.add(f64x2.mul(B, m2), m3);
        r2 = t0;
        m2 = t1;
        r3 = t2;
        m3 = t3;
      } else {
        t0 = f64x2.sub(f64x2.mul(A, r0), r1);
        t1 = f64x2.sub(f64x2.mul(A, m0), m1);
        t2 = f64x2.add(r0, f64x2.mul(A, r1));
        t3 = f64x2.add(m0, f64x2.mul(A, m1));
        r0 = t0;
        m0 = t1;
        r1 = t2;
        m1 = t3;
        t0 = f64x2.sub(f64x2.mul(A, r2), r3);
        t1 = f64x2.sub(f64x2.mul(A, m2), m3);
        t2 = f64x2.add(r2, f64x2.mul(A, r3));
        t3 = f64x2.add(m2, f64x2.mul(A, m3));
        r2 = t0;
        m2 = t1;
        r3 = t2;
        m3 = t3;
      }
    }
    if (xb) {
      if (ub) {
        t0 = f64x2.add(r0, f64x2.mul(D, m2));
        t1 = f64x2.sub(m0, f64x2.mul(D, r2));
        t2 = f64x2.add(r2, f64x2.mul(D, m0));
        t3 = f64x2.sub(m2, f64x2.mul(D, r0));
        r0 = t0;
        m0 = t1;
        r2 = t2;
        m2 = t3;
        t0 = f64x2.add(r1, f64x2.mul(D, m3));
        t1 = f64x2.sub(m1, f64x2.mul(D, r3));
        t2 = f64x2.add(r3, f64x2.mul(D, m1));
        t3 = f64x2.sub(m3, f64x2.mul(D, r1));
        r1 = t0;
        m1 = t1;
        r3 = t2;
        m3 = t3;
      } else {
        t0 = f64x2.add(f64x2.mul(C, r0), m2);
        t1 = f64x2.sub(f64x2.mul(C, m0), r2);
        t2 = f64x2.add(f64x2.mul(C, r2), m0);
        t3 = f64x2.sub(f64x2.mul(C, m2), r0);
        r0 = t0;
        m0 = t1;
        r2 = t2;
        m2 = t3;
        t0 = f64x2.add(f64x2.mul(C, r1), m3);
        t1 = f64x2.sub(f64x2.mul(C, m1), r3);
        t2 = f64x2.add(f64x2.mul(C, r3), m1);
        t3 = f64x2.sub(f64x2.mul(C, m3), r1);
        r1 = t0;
        m1 = t1;
        r3 = t2;
        m3 = t3;
      }
    } else {
      if (ub) {
        t0 = f64x2.sub(r0, f64x2.mul(D, r2));
        t1 = f64x2.sub(m0, f64x2.mul(D, m2));
        t2 = f64x2.add(f64x2.mul(D, r0), r2);
        t3 = f64x2.add(f64x2.mul(D, m0), m2);
        r0 = t0;
        m0 = t1;
        r2 = t2;
        m2 = t3;
        t0 = f64x2.sub(r1, f64x2.mul(D, r3));
        t1 = f64x2.sub(m1, f64x2.mul(D, m3));
        t2 = f64x2.add(f64x2.mul(D, r1), r3);
        t3 = f64x2.add(f64x2.mul(D, m1), m3);
        r1 = t0;
        m1 = t1;
        r3 = t2;
        m3 = t3;
      } else {
        t0 = f64x2.sub(f64x2.mul(C, r0), r2);
        t1 = f64x2.sub(f64x2.mul(C, m0), m2);
        t2 = f64x2.add(r0, f64x2.mul(C, r2));
        t3 = f64x2.add(m0, f64x2.mul(C, m2));
        r0 = t0;
        m0 = t1;
        r2 = t2;
        m2 = t3;
        t0 = f64x2.sub(f64x2.mul(C, r1), r3);
        t1 = f64x2.sub(f64x2.mul(C, m1), m3);
        t2 = f64x2.add(r1, f64x2.mul(C, r3));
        t3 = f64x2.add(m1, f64x2.mul(C, m3));
        r1 = t0;
        m1 = t1;
        r3 = t2;
        m3 = t3;
      }
    }
    v128.store(re + ((<usize>i0) << 3), r0);
    v128.store(im + ((<usize>i0) << 3), m0);
    v128.store(re + ((<usize>i1) << 3), r1);
    v128.store(im + ((<usize>i1) << 3), m1);
    v128.store(re + ((<usize>i2) << 3), r2);
    v128.store(im + ((<usize>i2) << 3), m2);
    v128.store(re + ((<usize>i3) << 3), r3);
    v128.store(im + ((<usize>i3) << 3), m3);
    let r4 = v128.load(re + ((<usize>i4) << 3));
    let m4 = v128.load(im + ((<usize>i4) << 3));
    let r5 = v128.load(re + ((<usize>i5) << 3));
    let m5 = v128.load(im + ((<usize>i5) << 3));
    let r6 = v128.load(re + ((<usize>i6) << 3));
    let m6 = v128.load(im + ((<usize>i6) << 3));
    let r7 = v128.load(re + ((<usize>i7) << 3));
    let m7 = v128.load(im + ((<usize>i7) << 3));
    if (xa) {
      if (ua) {
        t0 = f64x2.add(r4, f64x2.mul(B, m5));
        t1 = f64x2.sub(m4, f64x2.mul(B, r5));
        t2 = f64x2.add(r5, f64x2.mul(B, m4));
        t3 = f64x2.sub(m5, f64x2.mul(B, r4));
        r4 = t0;
        m4 = t1;
        r5 = t2;
        m5 = t3;
        t0 = f64x2.add(r6, f64x2.mul(B, m7));
        t1 = f64x2.sub(m6, f64x2.mul(B, r7));
        t2 = f64x2.add(r7, f64x2.mul(B, m6));
        t3 = f64x2.sub(m7, f64x2.mul(B, r6));
        r6 = t0;
        m6 = t1;
        r7 = t2;
        m7 = t3;
      } else {
        t0 = f64x2.add(f64x2.mul(A, r4), m5);
        t1 = f64x2.sub(f64x2.mul(A, m4), r5);
        t2 = f64x2.add(f64x2.mul(A, r5), m4);
        t3 = f64x2.sub(f64x2.mul(A, m5), r4);
        r4 = t0;
        m4 = t1;
        r5 = t2;
        m5 = t3;
        t0 = f64x2.add(f64x2.mul(A, r6), m7);
        t1 = f64x2.sub(f64x2.mul(A, m6), r7);
        t2 = f64x2.add(f64x2.mul(A, r7), m6);
        t3 = f64x2.sub(f64x2.mul(A, m7), r6);
        r6 = t0;
        m6 = t1;
        r7 = t2;
        m7 = t3;
      }
    } else {
      if (ua) {
        t0 = f64x2.sub(r4, f64x2.mul(B, r5));
        t1 = f64x2.sub(m4, f64x2.mul(B, m5));
        t2 = f64x2.add(f64x2.mul(B, r4), r5);
        t3 = f64x2.add(f64x2.mul(B, m4), m5);
        r4 = t0;
        m4 = t1;
        r5 = t2;
        m5 = t3;
        t0 = f64x2.sub(r6, f64x2.mul(B, r7));
        t1 = f64x2.sub(m6, f64x2.mul(B, m7));
        t2 = f64x2.add(f64x2.mul(B, r6), r7);
        t3 = f64x2.add(f64x2.mul(B, m6), m7);
        r6 = t0;
        m6 = t1;
        r7 = t2;
        m7 = t3;
      } else {
        t0 = f64x2.sub(f64x2.mul(A, r4), r5);
        t1 = f64x2.sub(f64x2.mul(A, m4), m5);
        t2 = f64x2.add(r4, f64x2.mul(A, r5));
        t3 = f64x2.add(m4, f64x2.mul(A, m5));
        r4 = t0;
        m4 = t1;
        r5 = t2;
        m5 = t3;
        t0 = f64x2.sub(f64x2.mul(A, r6), r7);
        t1 = f64x2.sub(f64x2.mul(A, m6), m7);
        t2 = f64x2.add(r6, f64x2.mul(A, r7));
        t3 = f64x2.add(m6, f64x2.mul(A, m7));
        r6 = t0;
        m6 = t1;
        r7 = t2;
        m7 = t3;
      }
    }
    if (xb) {
      if (ub) {
        t0 = f64x2.add(r4, f64x2.mul(D, m6));
        t1 = f64x2.sub(m4, f64x2.mul(D, r6));
        t2 = f64x2.add(r6, f64x2.mul(D, m4));
        t3 = f64x2.sub(m6, f64x2.mul(D, r4));
        r4 = t0;
        m4 = t1;
        r6 = t2;
        m6 = t3;
        t0 = f64x2.add(r5, f64x2.mul(D, m7));
        t1 = f64x2.sub(m5, f64x2.mul(D, r7));
        t2 = f64x2.add(r7, f64x2.mul(D, m5));
        t3 = f64x2.sub(m7, f64x2.mul(D, r5));
        r5 = t0;
        m5 = t1;
        r7 = t2;
        m7 = t3;
      } else {
        t0 = f64x2.add(f64x2.mul(C, r4), m6);
        t1 = f64x2.sub(f64x2.mul(C, m4), r6);
        t2 = f64x2.add(f64x2.mul(C, r6), m4);
        t3 = f64x2.sub(f64x2.mul(C, m6), r4);
        r4 = t0;
        m4 = t1;
        r6 = t2;
        m6 = t3;
        t0 = f64x2.add(f64x2.mul(C, r5), m7);
        t1 = f64x2.sub(f64x2.mul(C, m5), r7);
        t2 = f64x2.add(f64x2.mul(C, r7), m5);
        t3 = f64x2.sub(f64x2.mul(C, m7), r5);
        r5 = t0;
        m5 = t1;
        r7 = t2;
        m7 = t3;
      }
    } else {
      if (ub) {
        t0 = f64x2.sub(r4, f64x2.mul(D, r6));
        t1 = f64x2.sub(m4, f64x2.mul(D, m6));
        t2 = f64x2.add(f64x2.mul(D, r4), r6);
        t3 = f64x2.add(f64x2.mul(D, m4), m6);
        r4 = t0;
        m4 = t1;
        r6 = t2;
        m6 = t3;
        t0 = f64x2.sub(r5, f64x2.mul(D, r7));
        t1 = f64x2.sub(m5, f64x2.mul(D, m7));
        t2 = f64x2.add(f64x2.mul(D, r5), r7);
        t3 = f64x2.add(f64x2.mul(D, m5), m7);
        r5 = t0;
        m5 = t1;
        r7 = t2;
        m7 = t3;
      } else {
        t0 = f64x2.sub(f64x2.mul(C, r4), r6);
        t1 = f64x2.sub(f64x2.mul(C, m4), m6);
        t2 = f64x2.add(r4, f64x2.mul(C, r6));
        t3 = f64x2.add(m4, f64x2.mul(C, m6));
        r4 = t0;
        m4 = t1;
        r6 = t2;
        m6 = t3;
        t0 = f64x2.sub(f64x2.mul(C, r5), r7);
        t1 = f64x2.sub(f64x2.mul(C, m5), m7);
        t2 = f64x2.add(r5, f64x2.mul(C, r7));
        t3 = f64x2.add(m5, f64x2.mul(C, m7));
        r5 = t0;
        m5 = t1;
        r7 = t2;
        m7 = t3;
      }
    }
    r0 = v128.load(re + ((<usize>i0) << 3));
    m0 = v128.load(im + ((<usize>i0) << 3));
    r1 = v128.load(re + ((<usize>i1) << 3));
    m1 = v128.load(im + ((<usize>i1) << 3));
    r2 = v128.load(re + ((<usize>i2) << 3));
    m2 = v128.load(im + ((<usize>i2) << 3));
    r3 = v128.load(re + ((<usize>i3) << 3));
    m3 = v128.load(im + ((<usize>i3) << 3));
    if (xc) {
      if (uc) {
        t0 = f64x2.add(r0, f64x2.mul(F, m4));
        t1 = f64x2.sub(m0, f64x2.mul(F, r4));
        t2 = f64x2.add(r4, f64x2.mul(F, m0));
        t3 = f64x2.sub(m4, f64x2.mul(F, r0));
        r0 = t0;
        m0 = t1;
        r4 = t2;
        m4 = t3;
        t0 = f64x2.add(r1, f64x2.mul(F, m5));
        t1 = f64x2.sub(m1, f64x2.mul(F, r5));
        t2 = f64x2.add(r5, f64x2.mul(F, m1));
        t3 = f64x2.sub(m5, f64x2.mul(F, r1));
        r1 = t0;
        m1 = t1;
        r5 = t2;
        m5 = t3;
        t0 = f64x2.add(r2, f64x2.mul(F, m6));
        t1 = f64x2.sub(m2, f64x2.mul(F, r6));
        t2 = f64x2.add(r6, f64x2.mul(F, m2));
        t3 = f64x2.sub(m6, f64x2.mul(F, r2));
        r2 = t0;
        m2 = t1;
        r6 = t2;
        m6 = t3;
        t0 = f64x2.add(r3, f64x2.mul(F, m7));
        t1 = f64x2.sub(m3, f64x2.mul(F, r7));
        t2 = f64x2.add(r7, f64x2.mul(F, m3));
        t3 = f64x2.sub(m7, f64x2.mul(F, r3));
        r3 = t0;
        m3 = t1;
        r7 = t2;
        m7 = t3;
      } else {
        t0 = f64x2.add(f64x2.mul(E, r0), m4);
        t1 = f64x2.sub(f64x2.mul(E, m0), r4);
        t2 = f64x2.add(f64x2.mul(E, r4), m0);
        t3 = f64x2.sub(f64x2.mul(E, m4), r0);
        r0 = t0;
        m0 = t1;
        r4 = t2;
        m4 = t3;
        t0 = f64x2.add(f64x2.mul(E, r1), m5);
        t1 = f64x2.sub(f64x2.mul(E, m1), r5);
        t2 = f64x2.add(f64x2.mul(E, r5), m1);
        t3 = f64x2.sub(f64x2.mul(E, m5), r1);
        r1 = t0;
        m1 = t1;
        r5 = t2;
        m5 = t3;
        t0 = f64x2.add(f64x2.mul(E, r2), m6);
        t1 = f64x2.sub(f64x2.mul(E, m2), r6);
        t2 = f64x2.add(f64x2.mul(E, r6), m2);
        t3 = f64x2.sub(f64x2.mul(E, m6), r2);
        r2 = t0;
        m2 = t1;
        r6 = t2;
        m6 = t3;
        t0 = f64x2.add(f64x2.mul(E, r3), m7);
        t1 = f64x2.sub(f64x2.mul(E, m3), r7);
        t2 = f64x2.add(f64x2.mul(E, r7), m3);
        t3 = f64x2.sub(f64x2.mul(E, m7), r3);
        r3 = t0;
        m3 = t1;
        r7 = t2;
        m7 = t3;
      }
    } else {
      if (uc) {
        t0 = f64x2.sub(r0, f64x2.mul(F, r4));
        t1 = f64x2.sub(m0, f64x2.mul(F, m4));
        t2 = f64x2.add(f64x2.mul(F, r0), r4);
        t3 = f64x2.add(f64x2.mul(F, m0), m4);
        r0 = t0;
        m0 = t1;
        r4 = t2;
        m4 = t3;
        t0 = f64x2.sub(r1, f64x2.mul(F, r5));
        t1 = f64x2.sub(m1, f64x2.mul(F, m5));
        t2 = f64x2.add(f64x2.mul(F, r1), r5);
        t3 = f64x2.add(f64x2.mul(F, m1), m5);
        r1 = t0;
        m1 = t1;
        r5 = t2;
        m5 = t3;
        t0 = f64x2.sub(r2, f64x2.mul(F, r6));
        t1 = f64x2.sub(m2, f64x2.mul(F, m6));
        t2 = f64x2.add(f64x2.mul(F, r2), r6);
        t3 = f64x2.add(f64x2.mul(F, m2), m6);
        r2 = t0;
        m2 = t1;
        r6 = t2;
        m6 = t3;
        t0 = f64x2.sub(r3, f64x2.mul(F, r7));
        t1 = f64x2.sub(m3, f64x2.mul(F, m7));
        t2 = f64x2.add(f64x2.mul(F, r3), r7);
        t3 = f64x2.add(f64x2.mul(F, m3), m7);
        r3 = t0;
        m3 = t1;
        r7 = t2;
        m7 = t3;
      } else {
        t0 = f64x2.sub(f64x2.mul(E, r0), r4);
        t1 = f64x2.sub(f64x2.mul(E, m0), m4);
        t2 = f64x2.add(r0, f64x2.mul(E, r4));
        t3 = f64x2.add(m0, f64x2.mul(E, m4));
        r0 = t0;
        m0 = t1;
        r4 = t2;
        m4 = t3;
        t0 = f64x2.sub(f64x2.mul(E, r1), r5);
        t1 = f64x2.sub(f64x2.mul(E, m1), m5);
        t2 = f64x2.add(r1, f64x2.mul(E, r5));
        t3 = f64x2.add(m1, f64x2.mul(E, m5));
        r1 = t0;
        m1 = t1;
        r5 = t2;
        m5 = t3;
        t0 = f64x2.sub(f64x2.mul(E, r2), r6);
        t1 = f64x2.sub(f64x2.mul(E, m2), m6);
        t2 = f64x2.add(r2, f64x2.mul(E, r6));
        t3 = f64x2.add(m2, f64x2.mul(E, m6));
        r2 = t0;
        m2 = t1;
        r6 = t2;
        m6 = t3;
        t0 = f64x2.sub(f64x2.mul(E, r3), r7);
        t1 = f64x2.sub(f64x2.mul(E, m3), m7);
        t2 = f64x2.add(r3, f64x2.mul(E, r7));
        t3 = f64x2.add(m3, f64x2.mul(E, m7));
        r3 = t0;
        m3 = t1;
        r7 = t2;
        m7 = t3;
      }
    }
    v128.store(re + ((<usize>i0) << 3), r0);
    v128.store(im + ((<usize>i0) << 3), m0);
    v128.store(re + ((<usize>i1) << 3), r1);
    v128.store(im + ((<usize>i1) << 3), m1);
    v128.store(re + ((<usize>i2) << 3), r2);
    v128.store(im + ((<usize>i2) << 3), m2);
    v128.store(re + ((<usize>i3) << 3), r3);
    v128.store(im + ((<usize>i3) << 3), m3);
    v128.store(re + ((<usize>i4) << 3), r4);
    v128.store(im + ((<usize>i4) << 3), m4);
    v128.store(re + ((<usize>i5) << 3), r5);
    v128.store(im + ((<usize>i5) << 3), m5);
    v128.store(re + ((<usize>i6) << 3), r6);
    v128.store(im + ((<usize>i6) << 3), m6);
    v128.store(re + ((<usize>i7) << 3), r7);
    v128.store(im + ((<usize>i7) << 3), m7);
  }
}

/** Two scaled rotations (layered-kernel-js.ts rotPair) on qubits qa then qb; needs qb ≠ 0. */
export function rotPair(
  re: usize,
  im: usize,
  len: i32,
  qa: i32,
  xa: bool,
  aa: f64,
  ba: f64,
  qb: i32,
  xb: bool,
  ab: f64,
  bb: f64,
): void {
  const A = f64x2.splat(aa),
    B = f64x2.splat(ba),
    BN = negFirst(ba),
    C = f64x2.splat(ab),
    D = f64x2.splat(bb);
  const ua = aa == 1,
    ub = ab == 1;
  const sa = 1 << qa,
    sb = 1 << qb;
  const mlo = (1 << (qa < qb ? qa : qb)) - 1,
    mhi = (1 << (qa < qb ? qb : qa)) - 1;
  const quarter = len >>> 2;
  let t0: v128, t1: v128, t2: v128, t3: v128;
  if (qa == 0) {
    for (let k = 0; k < quarter; k++) {
      const i0 = ins(ins(k, mlo), mhi);
      const i1 = i0 + sb;
      let r0 = v128.load(re + ((<usize>i0) << 3));
      let m0 = v128.load(im + ((<usize>i0) << 3));
      let r1 = v128.load(re + ((<usize>i1) << 3));
      let m1 = v128.load(im + ((<usize>i1) << 3));
      if (xa) {
        if (ua) {
          t0 = f64x2.add(r0, f64x2.mul(B, swap(m0)));
          t1 = f64x2.sub(m0, f64x2.mul(B, swap(r0)));
          r0 = t0;
          m0 = t1;
          t0 = f64x2.add(r1, f64x2.mul(B, swap(m1)));
          t1 = f64x2.sub(m1, f64x2.mul(B, swap(r1)));
          r1 = t0;
          m1 = t1;
        } else {
          t0 = f64x2.add(f64x2.mul(A, r0), swap(m0));
          t1 = f64x2.sub(f64x2.mul(A, m0), swap(r0));
          r0 = t0;
          m0 = t1;
          t0 = f64x2.add(f64x2.mul(A, r1), swap(m1));
          t1 = f64x2.sub(f64x2.mul(A, m1), swap(r1));
          r1 = t0;
          m1 = t1;
        }
      } else {
        if (ua) {
          t0 = f64x2.add(r0, f64x2.mul(BN, swap(r0)));
          t1 = f64x2.add(m0, f64x2.mul(BN, swap(m0)));
          r0 = t0;
          m0 = t1;
          t0 = f64x2.add(r1, f64x2.mul(BN, swap(r1)));
          t1 = f64x2.add(m1, f64x2.mul(BN, swap(m1)));
          r1 = t0;
          m1 = t1;
        } else {
          t0 = f64x2.add(f64x2.mul(A, r0), f64x2.mul(BN, swap(r0)));
          t1 = f64x2.add(f64x2.mul(A, m0), f64x2.mul(BN, swap(m0)));
          r0 = t0;
          m0 = t1;
          t0 = f64x2.add(f64x2.mul(A, r1), f64x2.mul(BN, swap(r1)));
          t1 = f64x2.add(f64x2.mul(A, m1), f64x2.mul(BN, swap(m1)));
          r1 = t0;
          m1 = t1;
        }
      }
      if (xb) {
        if (ub) {
          t0 = f64x2.add(r0, f64x2.mul(D, m1));
          t1 = f64x2.sub(m0, f64x2.mul(D, r1));
          t2 = f64x2.add(r1, f64x2.mul(D, m0));
          t3 = f64x2.sub(m1, f64x2.mul(D, r0));
          r0 = t0;
          m0 = t1;
          r1 = t2;
          m1 = t3;
        } else {
          t0 = f64x2.add(f64x2.mul(C, r0), m1);
          t1 = f64x2.sub(f64x2.mul(C, m0), r1);
          t2 = f64x2.add(f64x2.mul(C, r1), m0);
          t3 = f64x2.sub(f64x2.mul(C, m1), r0);
          r0 = t0;
          m0 = t1;
          r1 = t2;
          m1 = t3;
        }
      } else {
        if (ub) {
          t0 = f64x2.sub(r0, f64x2.mul(D, r1));
          t1 = f64x2.sub(m0, f64x2.mul(D, m1));
          t2 = f64x2.add(f64x2.mul(D, r0), r1);
          t3 = f64x2.add(f64x2.mul(D, m0), m1);
          r0 = t0;
          m0 = t1;
          r1 = t2;
          m1 = t3;
        } else {
          t0 = f64x2.sub(f64x2.mul(C, r0), r1);
          t1 = f64x2.sub(f64x2.mul(C, m0), m1);
          t2 = f64x2.add(r0, f64x2.mul(C, r1));
          t3 = f64x2.add(m0, f64x2.mul(C, m1));
          r0 = t0;
          m0 = t1;
          r1 = t2;
          m1 = t3;
        }
      }
      v128.store(re + ((<usize>i0) << 3), r0);
      v128.store(im + ((<usize>i0) << 3), m0);
      v128.store(re + ((<usize>i1) << 3), r1);
      v128.store(im + ((<usize>i1) << 3), m1);
    }
    return;
  }
  for (let k = 0; k < quarter; k += 2) {
    const i0 = ins(ins(k, mlo), mhi);
    const i1 = i0 + sa,
      i2 = i0 + sb,
      i3 = i1 + sb;
    let r0 = v128.load(re + ((<usize>i0) << 3));
    let m0 = v128.load(im + ((<usize>i0) << 3));
    let r1 = v128.load(re + ((<usize>i1) << 3));
    let m1 = v128.load(im + ((<usize>i1) << 3));
    let r2 = v128.load(re + ((<usize>i2) << 3));
    let m2 = v128.load(im + ((<usize>i2) << 3));
    let r3 = v128.load(re + ((<usize>i3) << 3));
    let m3 = v128.load(im + ((<usize>i3) << 3));
    if (xa) {
      if (ua) {
        t0 = f64x2.add(r0, f64x2.mul(B, m1));
        t1 = f64x2.sub(m0, f64x2.mul(B, r1));
        t2 = f64x2.add(r1, f64x2.mul(B, m0));
        t3 = f64x2.sub(m1, f64x2.mul(B, r0));
        r0 = t0;
        m0 = t1;
        r1 = t2;
        m1 = t3;
        t0 = f64x2.add(r2, f64x2.mul(B, m3));
        t1 = f64x2.sub(m2, f64x2.mul(B, r3));
        t2 = f64x2.add(r3, f64x2.mul(B, m2));
        t3 = f64x2.sub(m3, f64x2.mul(B, r2));
        r2 = t0;
        m2 = t1;
        r3 = t2;
        m3 = t3;
      } else {
        t0 = f64x2.add(f64x2.mul(A, r0), m1);
        t1 = f64x2.sub(f64x2.mul(A, m0), r1);
        t2 = f64x2.add(f64x2.mul(A, r1), m0);
        t3 = f64x2.sub(f64x2.mul(A, m1), r0);
        r0 = t0;
        m0 = t1;
        r1 = t2;
        m1 = t3;
        t0 = f64x2.add(f64x2.mul(A, r2), m3);
        t1 = f64x2.sub(f64x2.mul(A, m2), r3);
        t2 = f64x2.add(f64x2.mul(A, r3), m2);
        t3 = f64x2.sub(f64x2.mul(A, m3), r2);
        r2 = t0;
        m2 = t1;
        r3 = t2;
        m3 = t3;
      }
    } else {
      if (ua) {
        t0 = f64x2.sub(r0, f64x2.mul(B, r1));
        t1 = f64x2.sub(m0, f64x2.mul(B, m1));
        t2 = f64x2.add(f64x2.mul(B, r0), r1);
        t3 = f64x2.add(f64x2.mul(B, m0), m1);
        r0 = t0;
        m0 = t1;
        r1 = t2;
        m1 = t3;
        t0 = f64x2.sub(r2, f64x2.mul(B, r3));
        t1 = f64x2.sub(m2, f64x2.mul(B, m3));
        t2 = f64x2.add(f64x2.mul(B, r2), r3);
        t3 = f64x2.add(f64x2.mul(B, m2), m3);
        r2 = t0;
        m2 = t1;
        r3 = t2;
        m3 = t3;
      } else {
        t0 = f64x2.sub(f64x2.mul(A, r0), r1);
        t1 = f64x2.sub(f64x2.mul(A, m0), m1);
        t2 = f64x2.add(r0, f64x2.mul(A, r1));
        t3 = f64x2.add(m0, f64x2.mul(A, m1));
        r0 = t0;
        m0 = t1;
        r1 = t2;
        m1 = t3;
        t0 = f64x2.sub(f64x2.mul(A, r2), r3);
        t1 = f64x2.sub(f64x2.mul(A, m2), m3);
        t2 = f64x2.add(r2, f64x2.mul(A, r3));
        t3 = f64x2.add(m2, f64x2.mul(A, m3));
        r2 = t0;
        m2 = t1;
        r3 = t2;
        m3 = t3;
      }
    }
    if (xb) {
      if (ub) {
        t0 = f64x2.add(r0, f64x2.mul(D, m2));
        t1 = f64x2.sub(m0, f64x2.mul(D, r2));
        t2 = f64x2.add(r2, f64x2.mul(D, m0));
        t3 = f64x2.sub(m2, f64x2.mul(D, r0));
        r0 = t0;
        m0 = t1;
        r2 = t2;
        m2 = t3;
        t0 = f64x2.add(r1, f64x2.mul(D, m3));
        t1 = f64x2.sub(m1, f64x2.mul(D, r3));
        t2 = f64x2.add(r3, f64x2.mul(D, m1));
        t3 = f64x2.sub(m3, f64x2.mul(D, r1));
        r1 = t0;
        m1 = t1;
        r3 = t2;
        m3 = t3;
      } else {
        t0 = f64x2.add(f64x2.mul(C, r0), m2);
        t1 = f64x2.sub(f64x2.mul(C, m0), r2);
        t2 = f64x2.add(f64x2.mul(C, r2), m0);
        t3 = f64x2.sub(f64x2.mul(C, m2), r0);
        r0 = t0;
        m0 = t1;
        r2 = t2;
        m2 = t3;
        t0 = f64x2.add(f64x2.mul(C, r1), m3);
        t1 = f64x2.sub(f64x2.mul(C, m1), r3);
        t2 = f64x2.add(f64x2.mul(C, r3), m1);
        t3 = f64x2.sub(f64x2.mul(C, m3), r1);
        r1 = t0;
        m1 = t1;
        r3 = t2;
        m3 = t3;
      }
    } else {
      if (ub) {
        t0 = f64x2.sub(r0, f64x2.mul(D, r2));
        t1 = f64x2.sub(m0, f64x2.mul(D, m2));
        t2 = f64x2.add(f64x2.mul(D, r0), r2);
        t3 = f64x2.add(f64x2.mul(D, m0), m2);
        r0 = t0;
        m0 = t1;
        r2 = t2;
        m2 = t3;
        t0 = f64x2.sub(r1, f64x2.mul(D, r3));
        t1 = f64x2.sub(m1, f64x2.mul(D, m3));
        t2 = f64x2.add(f64x2.mul(D, r1), r3);
        t3 = f64x2.add(f64x2.mul(D, m1), m3);
        r1 = t0;
        m1 = t1;
        r3 = t2;
        m3 = t3;
      } else {
        t0 = f64x2.sub(f64x2.mul(C, r0), r2);
        t1 = f64x2.sub(f64x2.mul(C, m0), m2);
        t2 = f64x2.add(r0, f64x2.mul(C, r2));
        t3 = f64x2.add(m0, f64x2.mul(C, m2));
        r0 = t0;
        m0 = t1;
        r2 = t2;
        m2 = t3;
        t0 = f64x2.sub(f64x2.mul(C, r1), r3);
        t1 = f64x2.sub(f64x2.mul(C, m1), m3);
        t2 = f64x2.add(r1, f64x2.mul(C, r3));
        t3 = f64x2.add(m1, f64x2.mul(C, m3));
        r1 = t0;
        m1 = t1;
        r3 = t2;
        m3 = t3;
      }
    }
    v128.store(re + ((<usize>i0) << 3), r0);
    v128.store(im + ((<usize>i0) << 3), m0);
    v128.store(re + ((<usize>i1) << 3), r1);
    v128.store(im + ((<usize>i1) << 3), m1);
    v128.store(re + ((<usize>i2) << 3), r2);
    v128.store(im + ((<usize>i2) << 3), m2);
    v128.store(re + ((<usize>i3) << 3), r3);
    v128.store(im + ((<usize>i3) << 3), m3);
  }
}

/** One scaled rotation (layered-kernel-js.ts rotSingle) on qubit q. */
export function rotSingle(re: usize, im: usize, len: i32, q: i32, x: bool, a: f64, b: f64): void {
  const A = f64x2.splat(a),
    B = f64x2.splat(b),
    BN = negFirst(b);
  const u = a == 1;
  let t0: v128, t1: v128, t2: v128, t3: v128;
  if (q == 0) {
    for (let i0 = 0; i0 < len; i0 += 2) {
      let r0 = v128.load(re + ((<usize>i0) << 3));
      let m0 = v128.load(im + ((<usize>i0) << 3));
      if (x) {
        if (u) {
          t0 = f64x2.add(r0, f64x2.mul(B, swap(m0)));
          t1 = f64x2.sub(m0, f64x2.mul(B, swap(r0)));
          r0 = t0;
          m0 = t1;
        } else {
          t0 = f64x2.add(f64x2.mul(A, r0), swap(m0));
          t1 = f64x2.sub(f64x2.mul(A, m0), swap(r0));
          r0 = t0;
          m0 = t1;
        }
      } else {
        if (u) {
          t0 = f64x2.add(r0, f64x2.mul(BN, swap(r0)));
          t1 = f64x2.add(m0, f64x2.mul(BN, swap(m0)));
          r0 = t0;
          m0 = t1;
        } else {
          t0 = f64x2.add(f64x2.mul(A, r0), f64x2.mul(BN, swap(r0)));
          t1 = f64x2.add(f64x2.mul(A, m0), f64x2.mul(BN, swap(m0)));
          r0 = t0;
          m0 = t1;
        }
      }
      v128.store(re + ((<usize>i0) << 3), r0);
      v128.store(im + ((<usize>i0) << 3), m0);
    }
    return;
  }
  const step = 1 << q,
    stride = step << 1;
  for (let base = 0; base < len; base += stride) {
    const end = base + step;
    for (let i0 = base; i0 < end; i0 += 2) {
      const i1 = i0 + step;
      let r0 = v128.load(re + ((<usize>i0) << 3));
      let m0 = v128.load(im + ((<usize>i0) << 3));
      let r1 = v128.load(re + ((<usize>i1) << 3));
      let m1 = v128.load(im + ((<usize>i1) << 3));
      if (x) {
        if (u) {
          t0 = f64x2.add(r0, f64x2.mul(B, m1));
          t1 = f64x2.sub(m0, f64x2.mul(B, r1));
          t2 = f64x2.add(r1, f64x2.mul(B, m0));
          t3 = f64x2.sub(m1, f64x2.mul(B, r0));
          r0 = t0;
          m0 = t1;
          r1 = t2;
          m1 = t3;
        } else {
          t0 = f64x2.add(f64x2.mul(A, r0), m1);
          t1 = f64x2.sub(f64x2.mul(A, m0), r1);
          t2 = f64x2.add(f64x2.mul(A, r1), m0);
          t3 = f64x2.sub(f64x2.mul(A, m1), r0);
          r0 = t0;
          m0 = t1;
          r1 = t2;
          m1 = t3;
        }
      } else {
        if (u) {
          t0 = f64x2.sub(r0, f64x2.mul(B, r1));
          t1 = f64x2.sub(m0, f64x2.mul(B, m1));
          t2 = f64x2.add(f64x2.mul(B, r0), r1);
          t3 = f64x2.add(f64x2.mul(B, m0), m1);
          r0 = t0;
          m0 = t1;
          r1 = t2;
          m1 = t3;
        } else {
          t0 = f64x2.sub(f64x2.mul(A, r0), r1);
          t1 = f64x2.sub(f64x2.mul(A, m0), m1);
          t2 = f64x2.add(r0, f64x2.mul(A, r1));
          t3 = f64x2.add(m0, f64x2.mul(A, m1));
          r0 = t0;
          m0 = t1;
          r1 = t2;
          m1 = t3;
        }
      }
      v128.store(re + ((<usize>i0) << 3), r0);
      v128.store(im + ((<usize>i0) << 3), m0);
      v128.store(re + ((<usize>i1) << 3), r1);
      v128.store(im + ((<usize>i1) << 3), m1);
    }
  }
}

/** re, im ×= scale·sign over both halves (sign = 0: no sign table; else a ±1 table of `half` entries). */
export function scaleDiagonal(re: usize, im: usize, half: i32, sign: usize, scale: f64): void {
  const S = f64x2.splat(scale);
  const shift = (<usize>half) << 3;
  if (sign == 0) {
    const end = shift << 1;
    for (let o: usize = 0; o < end; o += 16) {
      v128.store(re + o, f64x2.mul(v128.load(re + o), S));
      v128.store(im + o, f64x2.mul(v128.load(im + o), S));
    }
    return;
  }
  for (let o: usize = 0; o < shift; o += 16) {
    const f = f64x2.mul(v128.load(sign + o), S);
    v128.store(re + o, f64x2.mul(v128.load(re + o), f));
    v128.store(im + o, f64x2.mul(v128.load(im + o), f));
    v128.store(re + shift + o, f64x2.mul(v128.load(re + shift + o), f));
    v128.store(im + shift + o, f64x2.mul(v128.load(im + shift + o), f));
  }
}

/**
 * The diagonal pass with Z phases: amplitude i (and i + half) × scale·hi[i ≫ lowBits]·lo[i mod 2^lowBits]
 * (complex), times sign[i] when a sign table is given (sign = 0: none).
 */
export function phaseDiagonal(
  re: usize,
  im: usize,
  half: i32,
  lowBits: i32,
  loRe: usize,
  loIm: usize,
  hiRe: usize,
  hiIm: usize,
  sign: usize,
  scale: f64,
): void {
  const loSize = 1 << lowBits,
    hiSize = half >>> lowBits;
  const shift = (<usize>half) << 3;
  for (let hi = 0; hi < hiSize; hi++) {
    const H = f64x2.splat(load<f64>(hiRe + ((<usize>hi) << 3)) * scale),
      M = f64x2.splat(load<f64>(hiIm + ((<usize>hi) << 3)) * scale);
    const base = (<usize>(hi << lowBits)) << 3;
    for (let lo = 0; lo < loSize; lo += 2) {
      const ol = (<usize>lo) << 3,
        o = base + ol;
      const lr = v128.load(loRe + ol),
        li = v128.load(loIm + ol);
      let pr = am(H, lr, M, li);
      let pm = ap(H, li, M, lr);
      if (sign != 0) {
        const s = v128.load(sign + o);
        pr = f64x2.mul(pr, s);
        pm = f64x2.mul(pm, s);
      }
      let r = v128.load(re + o),
        m = v128.load(im + o);
      v128.store(re + o, am(r, pr, m, pm));
      v128.store(im + o, ap(r, pm, m, pr));
      r = v128.load(re + shift + o);
      m = v128.load(im + shift + o);
      v128.store(re + shift + o, am(r, pr, m, pm));
      v128.store(im + shift + o, ap(r, pm, m, pr));
    }
  }
}
