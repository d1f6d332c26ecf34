/*
 * A line diff by longest common subsequence, for comparing template versions field by field.
 * Common leading and trailing lines are matched first (a typical edit touches a few lines in the
 * middle), and the quadratic table is built only for what is left. Past MAX_CELLS (the texts are
 * both long and mostly different) it gives up on alignment and reports the middle as removed and
 * added: still correct, only less tidy — a template field is rarely that large.
 */

export type DiffLine =
  | { op: "equal"; text: string; a: number; b: number }
  | { op: "remove"; text: string; a: number }
  | { op: "add"; text: string; b: number };

const MAX_CELLS = 4_000_000;

const splitLines = (text: string) => (text === "" ? [] : text.split(/\r\n|\n|\r/));

/** The lines of `before` and `after` as equal / remove / add, in order; line numbers are 1-based. */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) [endA, endB] = [endA - 1, endB - 1];

  const out: DiffLine[] = [];
  for (let i = 0; i < start; i++) out.push({ op: "equal", text: a[i]!, a: i + 1, b: i + 1 });
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_CELLS) {
    for (let i = start; i < endA; i++) out.push({ op: "remove", text: a[i]!, a: i + 1 });
    for (let j = start; j < endB; j++) out.push({ op: "add", text: b[j]!, b: j + 1 });
  } else {
    // lcs[i][j]: the LCS length of a[start+i..endA) and b[start+j..endB), in one flat array.
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * width + j] =
          a[start + i] === b[start + j]
            ? lcs[(i + 1) * width + j + 1]! + 1
            : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) {
        out.push({ op: "equal", text: a[start + i]!, a: start + i + 1, b: start + j + 1 });
        i++;
        j++;
      } else if (i < n && (j === m || lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
        // On a tie the removal comes first, as in a unified diff.
        out.push({ op: "remove", text: a[start + i]!, a: start + i + 1 });
        i++;
      } else {
        out.push({ op: "add", text: b[start + j]!, b: start + j + 1 });
        j++;
      }
    }
  }
  for (let k = 0; k < a.length - endA; k++)
    out.push({ op: "equal", text: a[endA + k]!, a: endA + k + 1, b: endB + k + 1 });
  return out;
}
