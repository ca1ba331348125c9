/**
 * L2-regularised logistic regression by Newton's method (IRLS): exact and fast for the few
 * dense features of the drafter's second look. The bias (feature 0, always 1) is not penalised.
 * `weights` (one per row, default 1) count a row more or less, e.g. a corpus from another domain.
 */
export function fitLogistic(
  x: readonly (readonly number[])[],
  y: readonly number[],
  { l2 = 0.01, iterations = 25, weights }: { l2?: number; iterations?: number; weights?: readonly number[] } = {},
): number[] {
  const d = x[0]?.length ?? 0;
  const w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const gradient = w.map((wi, j) => (j === 0 ? 0 : l2 * wi));
    const hessian = Array.from({ length: d }, (_, i) =>
      Array.from({ length: d }, (_, j) => (i === j && i > 0 ? l2 : 0)),
    );
    x.forEach((row, n) => {
      const p = sigmoid(row.reduce((z, v, j) => z + v * w[j]!, 0));
      const c = weights?.[n] ?? 1;
      const s = c * Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i < d; i++) {
        const ri = row[i]!;
        if (ri === 0) continue;
        gradient[i]! += c * (p - y[n]!) * ri;
        for (let j = 0; j < d; j++) hessian[i]![j]! += s * ri * row[j]!;
      }
    });
    // A feature constant across all rows makes the Hessian singular; a tiny ridge keeps it solvable.
    for (let i = 0; i < d; i++) hessian[i]![i]! += 1e-6;
    const step = solve(hessian, gradient);
    let moved = 0;
    for (let j = 0; j < d; j++) {
      w[j]! -= step[j]!;
      moved = Math.max(moved, Math.abs(step[j]!));
    }
    if (moved < 1e-7) break;
  }
  return w;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Solves a·s = b by Gaussian elimination with partial pivoting (a is small and dense). */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = col + 1; r < n; r++) {
      const f = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  const s = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = m[r]![n]!;
    for (let c = r + 1; c < n; c++) sum -= m[r]![c]! * s[c]!;
    s[r] = sum / m[r]![r]!;
  }
  return s;
}
