const STAMP = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})_/;

const parse = (name: string) => {
  const m = STAMP.exec(name);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : null;
};
const format = (ms: number) => new Date(ms).toISOString().replace(/[-:T]/g, "").slice(0, 14);

/**
 * The engine stamps a new migration with the current second. Two made within one second (or on a
 * clock behind the last one) would sort by name before the migration they follow, and the history
 * would read as out of order: the new one is stamped one second after the latest instead.
 */
export function orderedMigrationName(generated: string, existing: readonly string[]): string {
  const stamp = parse(generated);
  const latest = Math.max(...existing.map(parse).filter((t): t is number => t !== null));
  if (stamp === null || !Number.isFinite(latest) || stamp > latest) return generated;
  return `${format(latest + 1000)}${generated.slice(14)}`;
}
