import type { DiffLine } from "./line-diff";

export type SideCell = { line: number; text: string; op: "equal" | "remove" | "add" };
/**
 * A row of a side-by-side diff: a line on either side (an empty side is a gap), or a run of unchanged lines left out.
 */
export type SideRow = { kind: "line"; left: SideCell | null; right: SideCell | null } | { kind: "skip"; count: number };

/**
 * Lays a line diff out in two columns: unchanged lines face each other, and each run of removals
 * faces the run of additions that follows it, line by line, so a changed line reads across.
 * Unchanged runs keep `context` lines next to a change; the rest collapse into one "skip" row.
 */
export function sideBySide(lines: readonly DiffLine[], context = 3): SideRow[] {
  const rows: SideRow[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.op === "equal") {
      rows.push({
        kind: "line",
        left: { line: line.a, text: line.text, op: "equal" },
        right: { line: line.b, text: line.text, op: "equal" },
      });
      i++;
      continue;
    }
    const removed: SideCell[] = [];
    const added: SideCell[] = [];
    while (i < lines.length && lines[i]!.op === "remove") {
      const l = lines[i++] as Extract<DiffLine, { op: "remove" }>;
      removed.push({ line: l.a, text: l.text, op: "remove" });
    }
    while (i < lines.length && lines[i]!.op === "add") {
      const l = lines[i++] as Extract<DiffLine, { op: "add" }>;
      added.push({ line: l.b, text: l.text, op: "add" });
    }
    for (let k = 0; k < Math.max(removed.length, added.length); k++)
      rows.push({ kind: "line", left: removed[k] ?? null, right: added[k] ?? null });
  }
  return collapse(rows, context);
}

const isChange = (row: SideRow) => row.kind === "line" && (row.left?.op !== "equal" || row.right?.op !== "equal");

function collapse(rows: SideRow[], context: number): SideRow[] {
  const near = rows.map(() => false);
  rows.forEach((row, i) => {
    if (!isChange(row)) return;
    for (let k = Math.max(0, i - context); k <= Math.min(rows.length - 1, i + context); k++) near[k] = true;
  });
  const out: SideRow[] = [];
  let skipped = 0;
  rows.forEach((row, i) => {
    if (near[i]) {
      if (skipped > 0) out.push({ kind: "skip", count: skipped });
      skipped = 0;
      out.push(row);
    } else skipped++;
  });
  if (skipped > 0) out.push({ kind: "skip", count: skipped });
  return out;
}
