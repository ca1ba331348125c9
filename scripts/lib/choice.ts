/**
 * A conditional logit ("which of these options"): each option has a feature vector, its
 * probability is the softmax of its score w·x among its case's options, and training makes the
 * right options of each case (their summed probability) most probable. Fitted by Fisher
 * scoring (Newton's method with the expected Hessian) with step halving, exact and fast for a
 * few dense features. Every weight is L2-penalised except those in `free`.
 */
import { solve } from "./logistic.ts";

export interface ChoiceCase {
  options: readonly (readonly number[])[];
  right: readonly boolean[];
}

export function fitChoice(
  cases: readonly ChoiceCase[],
  { l2 = 0.01, free = [] as readonly number[], iterations = 50 } = {},
): number[] {
  const usable = cases.filter((c) => c.options.length > 1 && c.right.some(Boolean));
  const d = usable[0]?.options[0]?.length ?? 0;
  const penalised = Array.from({ length: d }, (_, j) => (free.includes(j) ? 0 : l2));
  let w = new Array<number>(d).fill(0);
  let loss = objective(usable, w, penalised);
  for (let it = 0; it < iterations; it++) {
    const gradient = w.map((wj, j) => penalised[j]! * wj);
    const fisher = Array.from({ length: d }, (_, i) =>
      Array.from({ length: d }, (_, j) => (i === j ? penalised[i]! + 1e-6 : 0)),
    );
    for (const c of usable) {
      const p = shares(c.options, w);
      const rightMass = c.right.reduce((s, r, i) => s + (r ? p[i]! : 0), 0);
      const mean = new Array<number>(d).fill(0);
      c.options.forEach((x, i) => {
        const q = c.right[i] ? p[i]! / rightMass : 0;
        for (let j = 0; j < d; j++) {
          mean[j]! += p[i]! * x[j]!;
          gradient[j]! += (p[i]! - q) * x[j]!;
        }
      });
      c.options.forEach((x, i) => {
        for (let a = 0; a < d; a++) {
          const xa = x[a]! - mean[a]!;
          if (xa === 0) continue;
          for (let b = 0; b < d; b++) fisher[a]![b]! += p[i]! * xa * (x[b]! - mean[b]!);
        }
      });
    }
    const step = solve(fisher, gradient);
    // Halve the step until the loss falls: the summed probability of several right options
    // is not concave, and the Fisher matrix only approximates its curvature.
    let scale = 1;
    let next = w;
    let nextLoss = loss;
    for (let tries = 0; tries < 20; tries++) {
      next = w.map((wj, j) => wj - scale * step[j]!);
      nextLoss = objective(usable, next, penalised);
      if (nextLoss <= loss) break;
      scale /= 2;
    }
    if (nextLoss > loss) break;
    const moved = Math.max(...next.map((v, j) => Math.abs(v - w[j]!)));
    [w, loss] = [next, nextLoss];
    if (moved < 1e-7) break;
  }
  return w;
}

/** Softmax of the options' scores. */
export function shares(options: readonly (readonly number[])[], w: readonly number[]): number[] {
  const z = options.map((x) => x.reduce((s, v, j) => s + v * w[j]!, 0));
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const total = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / total);
}

function objective(cases: readonly ChoiceCase[], w: readonly number[], penalised: readonly number[]): number {
  let loss = w.reduce((s, wj, j) => s + 0.5 * penalised[j]! * wj * wj, 0);
  for (const c of cases) {
    const p = shares(c.options, w);
    loss -= Math.log(
      Math.max(
        1e-300,
        c.right.reduce((s, r, i) => s + (r ? p[i]! : 0), 0),
      ),
    );
  }
  return loss;
}
