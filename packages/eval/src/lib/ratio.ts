/** A figure as counts, so totals add counts (micro-average) instead of averaging percentages. */
export interface Ratio {
  hit: number
  of: number
}

export const ratio = (hit: number, of: number): Ratio => ({ hit, of })

export function sum(ratios: readonly Ratio[]): Ratio {
  return ratios.reduce((a, b) => ({ hit: a.hit + b.hit, of: a.of + b.of }), { hit: 0, of: 0 })
}

/** Percentage, or undefined when there is nothing to count. */
export function percent(r: Ratio): number | undefined {
  return r.of === 0 ? undefined : (100 * r.hit) / r.of
}
