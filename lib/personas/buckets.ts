// Upper bounds (inclusive) of the LTV and orders-count buckets the persona page charts; the SQL
// (sql.ts) labels rows with these same functions, the charts order their axes by these lists.
export const LTV_BUCKETS = [0, 50, 100, 250, 500, 1000] as const;
export const ORDER_BUCKETS = [0, 1, 2, 4, 9] as const;

export const ltvBucketLabel = (lo: number | null, hi: number) => (lo === null ? `${hi}` : `${lo}–${hi}`);
export const ordersBucketLabel = (lo: number | null, hi: number) =>
  lo === null || hi === lo + 1 ? `${hi}` : `${lo + 1}–${hi}`;
export const LTV_OVER = `> ${LTV_BUCKETS.at(-1)}`;
export const ORDERS_OVER = `${ORDER_BUCKETS.at(-1)! + 1}+`;

const labels = (bounds: readonly number[], label: (lo: number | null, hi: number) => string, over: string) => [
  ...bounds.map((hi, i) => label(i === 0 ? null : bounds[i - 1]!, hi)),
  over,
];
export const LTV_BUCKET_LABELS = labels(LTV_BUCKETS, ltvBucketLabel, LTV_OVER);
export const ORDER_BUCKET_LABELS = labels(ORDER_BUCKETS, ordersBucketLabel, ORDERS_OVER);
