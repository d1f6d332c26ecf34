/**
 * A map's values ordered by key. Rollup writers upsert their rows in this order, so concurrent
 * transactions lock shared rows in the same order and cannot deadlock on each other.
 */
export const inKeyOrder = <V>(rows: ReadonlyMap<string, V>): V[] =>
  [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
