/*
 * Writers that may run concurrently insert or lock shared rows in key order, so two transactions
 * wait on each other's first key instead of each holding a key the other needs (a deadlock).
 */

/** Compares rows by a string key, by code unit (the same order in every process). */
export const byKey =
  <T>(key: (row: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** A map's values ordered by key (rollup writers upsert their rows in this order). */
export const inKeyOrder = <V>(rows: ReadonlyMap<string, V>): V[] =>
  [...rows.entries()].sort(byKey(([key]) => key)).map(([, row]) => row);
