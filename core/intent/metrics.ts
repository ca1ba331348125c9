/** Classification metrics for intent evaluation: confusion matrix, per-class P/R/F1, macro-F1. */

export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Gold examples of this class. */
  support: number;
}

export interface Evaluation {
  labels: readonly string[];
  /** confusion[gold][predicted], in `labels` order. */
  confusion: number[][];
  perClass: ClassMetrics[];
  macroF1: number;
  accuracy: number;
  total: number;
}

/** Counts of (gold, predicted) pairs; labels outside `labels` are an error. */
export function confusionMatrix(
  gold: readonly string[],
  predicted: readonly string[],
  labels: readonly string[],
): number[][] {
  if (gold.length !== predicted.length) throw new Error("gold and predicted differ in length");
  const index = new Map(labels.map((l, i) => [l, i]));
  const m = labels.map(() => labels.map(() => 0));
  for (let i = 0; i < gold.length; i++) {
    const g = index.get(gold[i]!),
      p = index.get(predicted[i]!);
    if (g === undefined || p === undefined)
      throw new Error(`unknown label: ${g === undefined ? gold[i] : predicted[i]}`);
    m[g]![p]!++;
  }
  return m;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/**
 * Per-class metrics, macro-F1 and accuracy from a confusion matrix. Macro-F1 is the
 * unweighted mean of class F1 over the classes that occur (in gold or predictions), so a
 * test set without one class is not scored as if that class had F1 0.
 */
export function evaluateConfusion(confusion: number[][], labels: readonly string[]): Evaluation {
  let total = 0,
    correct = 0,
    occurring = 0;
  const perClass = labels.map((label, c) => {
    const tp = confusion[c]![c]!;
    const support = confusion[c]!.reduce((s, v) => s + v, 0);
    const predicted = confusion.reduce((s, row) => s + row[c]!, 0);
    total += support;
    correct += tp;
    const precision = ratio(tp, predicted),
      recall = ratio(tp, support);
    if (support + predicted > 0) occurring++;
    return { label, precision, recall, f1: ratio(2 * precision * recall, precision + recall), support };
  });
  const macroF1 = ratio(
    perClass.reduce((s, m) => s + m.f1, 0),
    occurring,
  );
  return { labels, confusion, perClass, macroF1, accuracy: ratio(correct, total), total };
}

export function evaluate(gold: readonly string[], predicted: readonly string[], labels: readonly string[]): Evaluation {
  return evaluateConfusion(confusionMatrix(gold, predicted, labels), labels);
}

const pct = (x: number) => x.toFixed(4);

/** A plain-text report: per-class table, confusion matrix (rows gold, columns predicted), macro-F1. */
export function formatEvaluation(title: string, ev: Evaluation): string {
  const w = Math.max(9, ...ev.labels.map((l) => l.length + 1));
  const lines = [`== ${title} (n=${ev.total})`, `${"class".padEnd(w)} precision  recall     f1         support`];
  for (const m of ev.perClass) {
    lines.push(
      `${m.label.padEnd(w)} ${pct(m.precision).padEnd(10)} ${pct(m.recall).padEnd(10)} ${pct(m.f1).padEnd(10)} ${m.support}`,
    );
  }
  lines.push(`macro-F1 ${pct(ev.macroF1)}   accuracy ${pct(ev.accuracy)}`);
  lines.push(`confusion (rows gold, columns predicted):`);
  lines.push(`${"".padEnd(w)} ${ev.labels.map((l) => l.padStart(w)).join(" ")}`);
  ev.confusion.forEach((row, i) =>
    lines.push(`${ev.labels[i]!.padEnd(w)} ${row.map((v) => String(v).padStart(w)).join(" ")}`),
  );
  return lines.join("\n");
}
