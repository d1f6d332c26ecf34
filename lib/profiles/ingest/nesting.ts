/**
 * The field of `item` holding an object or array nested more than `maxDepth` levels, or null (a
 * field's own object is level 1).
 * Iterative on purpose: the recursive walks after it (JSON.stringify, the storable-text check,
 * PostgreSQL's jsonb) overflow the stack on input a few thousand levels deep, and such an item must
 * be refused on its own rather than fail its whole batch.
 */
export function tooDeepAt(item: unknown, maxDepth: number): string | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: item, path: "", depth: 0 }];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.value === null || typeof next.value !== "object") continue;
    if (next.depth > maxDepth) return next.path || "(item)";
    for (const [key, child] of Object.entries(next.value)) {
      // The top-level field is the one a sender can act on; deeper keys would only repeat it.
      stack.push({ value: child, path: next.path || key, depth: next.depth + 1 });
    }
  }
  return null;
}
