// Quality figures for the text benchmark and tests: the same formulas as scikit-learn, so figures compare with the
// published Teddy Cup results.

/** Macro-averaged F1 over the labels present in truth or prediction. */
export function macroF1(truth: readonly string[], predicted: readonly string[]): number {
  const labels = new Set([...truth, ...predicted]);
  let sum = 0;
  for (const l of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < truth.length; i++) {
      if (predicted[i] === l && truth[i] === l) tp++;
      else if (predicted[i] === l) fp++;
      else if (truth[i] === l) fn++;
    }
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return labels.size ? sum / labels.size : 0;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/** Adjusted Rand index of two clusterings of the same items (1 identical, ≈0 chance). */
export function adjustedRandIndex(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  const cells = new Map<string, number>();
  const rows = new Map<string | number, number>();
  const cols = new Map<string | number, number>();
  for (let i = 0; i < a.length; i++) {
    const key = `${a[i]}\u0000${b[i]}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rows.set(a[i], (rows.get(a[i]) ?? 0) + 1);
    cols.set(b[i], (cols.get(b[i]) ?? 0) + 1);
  }
  let index = 0;
  for (const n of cells.values()) index += pairs(n);
  let sumA = 0;
  for (const n of rows.values()) sumA += pairs(n);
  let sumB = 0;
  for (const n of cols.values()) sumB += pairs(n);
  const expected = (sumA * sumB) / pairs(a.length || 1);
  const max = (sumA + sumB) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}
