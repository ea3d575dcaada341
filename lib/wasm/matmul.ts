/**
 * Chapter 12: the matrix products in WebAssembly with 128-bit SIMD, written in
 * AssemblyScript (TypeScript's syntax for WebAssembly's types: `f32`, `i32`,
 * `usize` for a memory address, `v128` for four floats side by side).
 * `npm run build:wasm` compiles this file twice (scripts/build-wasm.ts): with
 * relaxed SIMD, where `madd` is one fused multiply-add instruction, and with
 * plain SIMD, where it is a multiply and an add. lib/kernels/wasm.ts calls it.
 *
 * Every pointer is a byte offset into the module's memory; matrices are
 * row-major float32, as in `Matrix`. The sums run in 32 bits, four columns at
 * a time, so they differ from the reference loop's 64-bit sums by rounding only.
 */

// a·b + c on four lanes: fused where the engine has relaxed SIMD.
@inline function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

// Stores the first `n` (1–4) lanes of v at address p.
@inline function storeLanes(p: usize, v: v128, n: i32): void {
  if (n >= 4) { v128.store(p, v); return; }
  v128.store32_lane(p, v, 0);
  if (n > 1) v128.store32_lane(p, v, 1, 4);
  if (n > 2) v128.store32_lane(p, v, 2, 8);
}

/**
 * Packs B ([K, N], row-major) into strips of 8 columns: strip s holds columns
 * 8s … 8s+7, row after row (8 floats per k), the missing columns of the last
 * strip as zeros. The product then reads each strip front to back.
 */
export function packB(b: usize, p: usize, K: i32, N: i32): void {
  for (let j = 0; j < N; j += 8) {
    const w = min(8, N - j);
    let src = b + (<usize>j << 2);
    if (w == 8) {
      for (let k = 0; k < K; k++, src += <usize>N << 2, p += 32) {
        v128.store(p, v128.load(src));
        v128.store(p, v128.load(src, 16), 16);
      }
    } else {
      for (let k = 0; k < K; k++, src += <usize>N << 2, p += 32) {
        v128.store(p, f32x4.splat(0));
        v128.store(p, f32x4.splat(0), 16);
        for (let c = 0; c < w; c++) store<f32>(p + (<usize>c << 2), load<f32>(src + (<usize>c << 2)));
      }
    }
  }
}

/** The same strips for Bᵀ, given B as [N, K]: column j of Bᵀ is row j of B. */
export function packBT(b: usize, p: usize, K: i32, N: i32): void {
  for (let j = 0; j < N; j += 8) {
    const w = min(8, N - j);
    if (w < 8) memory.fill(p, 0, <usize>K << 5);
    for (let c = 0; c < w; c++) {
      let src = b + ((<usize>(j + c) * <usize>K) << 2);
      let dst = p + (<usize>c << 2);
      for (let k = 0; k < K; k++, src += 4, dst += 32) store<f32>(dst, load<f32>(src));
    }
    p += <usize>K << 5;
  }
}

const PANEL: i32 = 64; // rows of A per panel: 64 rows of K floats stay in the second-level cache

/**
 * C = A·B, A [M, K], B packed by packB or packBT, C [M, N]. Tiles of 4 rows ×
 * 8 columns of C live in eight vector registers while k runs: each k loads two
 * vectors of B and four numbers of A (each copied to four lanes) for eight
 * multiply-adds. A leftover of 1–3 rows reuses its last row; only real rows
 * and columns are stored.
 */
export function gemm(a: usize, p: usize, c: usize, M: i32, K: i32, N: i32): void {
  const rowA = <usize>K << 2, rowC = <usize>N << 2, strip = <usize>K << 5;
  for (let i0 = 0; i0 < M; i0 += PANEL) {
    const iEnd = min(M, i0 + PANEL);
    for (let j = 0; j < N; j += 8) {
      const ps = p + <usize>(j >> 3) * strip;
      const w = min(8, N - j);
      for (let i = i0; i < iEnd; i += 4) {
        const rows = min(4, iEnd - i);
        const a0 = a + <usize>i * rowA;
        const a1 = rows > 1 ? a0 + rowA : a0;
        const a2 = rows > 2 ? a1 + rowA : a1;
        const a3 = rows > 3 ? a2 + rowA : a2;
        let c00 = f32x4.splat(0), c01 = f32x4.splat(0), c10 = f32x4.splat(0), c11 = f32x4.splat(0);
        let c20 = f32x4.splat(0), c21 = f32x4.splat(0), c30 = f32x4.splat(0), c31 = f32x4.splat(0);
        let q = ps;
        for (let k: usize = 0, kEnd = <usize>K << 2; k < kEnd; k += 4, q += 32) {
          const b0 = v128.load(q), b1 = v128.load(q, 16);
          const x0 = v128.load32_splat(a0 + k), x1 = v128.load32_splat(a1 + k);
          c00 = madd(x0, b0, c00); c01 = madd(x0, b1, c01);
          c10 = madd(x1, b0, c10); c11 = madd(x1, b1, c11);
          const x2 = v128.load32_splat(a2 + k), x3 = v128.load32_splat(a3 + k);
          c20 = madd(x2, b0, c20); c21 = madd(x2, b1, c21);
          c30 = madd(x3, b0, c30); c31 = madd(x3, b1, c31);
        }
        const o = c + <usize>i * rowC + (<usize>j << 2);
        const w0 = min(4, w), w1 = w - 4;
        storeLanes(o, c00, w0); if (w1 > 0) storeLanes(o + 16, c01, w1);
        if (rows > 1) { storeLanes(o + rowC, c10, w0); if (w1 > 0) storeLanes(o + rowC + 16, c11, w1); }
        if (rows > 2) { storeLanes(o + 2 * rowC, c20, w0); if (w1 > 0) storeLanes(o + 2 * rowC + 16, c21, w1); }
        if (rows > 3) { storeLanes(o + 3 * rowC, c30, w0); if (w1 > 0) storeLanes(o + 3 * rowC + 16, c31, w1); }
      }
    }
  }
}

/**
 * C = S·B for S given as its non-zeros row by row (start [rows + 1], col and
 * value as in `SparseRows`), B [K, N] row-major, C [rows, N]. Row i of C is
 * the sum of value · (row col of B) over row i's entries: 32 columns at a
 * time in eight registers, then 4 at a time, then one by one.
 */
export function sparse(start: usize, col: usize, value: usize, rows: i32, b: usize, c: usize, N: i32): void {
  const rowB = <usize>N << 2;
  for (let i = 0; i < rows; i++) {
    const p0 = <usize>load<i32>(start + (<usize>i << 2)) << 2;
    const p1 = <usize>load<i32>(start + (<usize>(i + 1) << 2)) << 2;
    const out = c + <usize>i * rowB;
    let j = 0;
    for (; j + 32 <= N; j += 32) {
      let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
      let s4 = f32x4.splat(0), s5 = f32x4.splat(0), s6 = f32x4.splat(0), s7 = f32x4.splat(0);
      const bj = b + (<usize>j << 2);
      for (let p = p0; p < p1; p += 4) {
        const v = v128.load32_splat(value + p);
        const r = bj + <usize>load<i32>(col + p) * rowB;
        s0 = madd(v, v128.load(r), s0); s1 = madd(v, v128.load(r, 16), s1);
        s2 = madd(v, v128.load(r, 32), s2); s3 = madd(v, v128.load(r, 48), s3);
        s4 = madd(v, v128.load(r, 64), s4); s5 = madd(v, v128.load(r, 80), s5);
        s6 = madd(v, v128.load(r, 96), s6); s7 = madd(v, v128.load(r, 112), s7);
      }
      const o = out + (<usize>j << 2);
      v128.store(o, s0); v128.store(o, s1, 16); v128.store(o, s2, 32); v128.store(o, s3, 48);
      v128.store(o, s4, 64); v128.store(o, s5, 80); v128.store(o, s6, 96); v128.store(o, s7, 112);
    }
    for (; j + 4 <= N; j += 4) {
      let s = f32x4.splat(0);
      const bj = b + (<usize>j << 2);
      for (let p = p0; p < p1; p += 4) {
        s = madd(v128.load32_splat(value + p), v128.load(bj + <usize>load<i32>(col + p) * rowB), s);
      }
      v128.store(out + (<usize>j << 2), s);
    }
    for (; j < N; j++) {
      let s: f32 = 0;
      const bj = b + (<usize>j << 2);
      for (let p = p0; p < p1; p += 4) s += load<f32>(value + p) * load<f32>(bj + <usize>load<i32>(col + p) * rowB);
      store<f32>(out + (<usize>j << 2), s);
    }
  }
}

/** w ← w − lr·g over n floats (plain SGD's step), four at a time. */
export function sgd(w: usize, g: usize, n: i32, lr: f32): void {
  const rate = f32x4.splat(lr);
  const end = w + (<usize>(n & ~3) << 2);
  for (; w < end; w += 16, g += 16) {
    const x = v128.load(w), d = v128.load(g);
    if (ASC_FEATURE_RELAXED_SIMD) v128.store(w, f32x4.relaxed_nmadd(rate, d, x));
    else v128.store(w, f32x4.sub(x, f32x4.mul(rate, d)));
  }
  for (let i = 0; i < (n & 3); i++, w += 4, g += 4) store<f32>(w, load<f32>(w) - lr * load<f32>(g));
}

/**
 * One Adam step over n parameters, fused: for each, the gradient (plus
 * decay·w, L2), both running averages, and the weight, in one pass and four at
 * a time. keep is AdamW's shrink factor (1 for Adam); s1 = 1/(1 − β₁ᵗ) and
 * s2 = 1/(1 − β₂ᵗ) undo the averages' bias towards 0:
 * w ← keep·w − lr·(m·s1) / (√(v·s2) + ε).
 */
export function adam(
  w: usize, g: usize, m: usize, v: usize, n: i32,
  lr: f32, beta1: f32, beta2: f32, s1: f32, s2: f32, eps: f32, decay: f32, keep: f32,
): void {
  const b1 = f32x4.splat(beta1), c1 = f32x4.splat(1 - beta1);
  const b2 = f32x4.splat(beta2), c2 = f32x4.splat(1 - beta2);
  const r = f32x4.splat(lr), e = f32x4.splat(eps), d = f32x4.splat(decay), k = f32x4.splat(keep);
  const u1 = f32x4.splat(s1), u2 = f32x4.splat(s2);
  const end = w + (<usize>(n & ~3) << 2);
  for (; w < end; w += 16, g += 16, m += 16, v += 16) {
    const x = v128.load(w);
    const gi = f32x4.add(v128.load(g), f32x4.mul(d, x));
    const mi = f32x4.add(f32x4.mul(b1, v128.load(m)), f32x4.mul(c1, gi));
    const vi = f32x4.add(f32x4.mul(b2, v128.load(v)), f32x4.mul(c2, f32x4.mul(gi, gi)));
    v128.store(m, mi);
    v128.store(v, vi);
    const step = f32x4.div(f32x4.mul(r, f32x4.mul(mi, u1)), f32x4.add(f32x4.sqrt(f32x4.mul(vi, u2)), e));
    v128.store(w, f32x4.sub(f32x4.mul(k, x), step));
  }
  for (let i = 0; i < (n & 3); i++, w += 4, g += 4, m += 4, v += 4) {
    const x = load<f32>(w);
    const gi = load<f32>(g) + decay * x;
    const mi = beta1 * load<f32>(m) + (1 - beta1) * gi;
    const vi = beta2 * load<f32>(v) + (1 - beta2) * gi * gi;
    store<f32>(m, mi);
    store<f32>(v, vi);
    store<f32>(w, keep * x - (lr * (mi * s1)) / (Mathf.sqrt(vi * s2) + eps));
  }
}

/**
 * 1 if all n floats at p are finite, else 0. x · 0 is 0 for every finite x and
 * NaN for NaN and ±Infinity, so the running sums stay 0 exactly when all are.
 */
export function finite(p: usize, n: i32): i32 {
  let s0 = f32x4.splat(0), s1 = f32x4.splat(0);
  const zero = f32x4.splat(0);
  const end8 = p + (<usize>(n & ~7) << 2);
  for (; p < end8; p += 32) {
    s0 = f32x4.add(s0, f32x4.mul(v128.load(p), zero));
    s1 = f32x4.add(s1, f32x4.mul(v128.load(p, 16), zero));
  }
  let s: f32 = 0;
  for (let i = 0; i < (n & 7); i++, p += 4) s += load<f32>(p) * 0;
  const all = f32x4.add(s0, s1);
  return i32(v128.all_true<i32>(f32x4.eq(all, zero)) && s == 0);
}
