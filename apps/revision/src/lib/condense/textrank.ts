/**
 * TextRank (Mihalcea and Tarau, 2004) over sentences: a graph whose edges are word overlap
 * normalised by sentence length, ranked by weighted PageRank. A sentence scores highly when many
 * other sentences say something close to it, which is what makes it a good summary of its part.
 */

/** How similar two sentences are: shared words over the log of their lengths (the paper's measure). */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  let shared = 0
  for (const word of a) if (b.has(word)) shared++
  return shared === 0 ? 0 : shared / (Math.log(a.size + 1) + Math.log(b.size + 1))
}

export interface RankOptions {
  /** The damping factor of PageRank. */
  readonly damping?: number
  readonly iterations?: number
  readonly tolerance?: number
}

/** One score per sentence (the words of each), summing to the number of sentences. */
export function textRank(sentences: readonly (readonly string[])[], options: RankOptions = {}): number[] {
  const { damping = 0.85, iterations = 100, tolerance = 1e-6 } = options
  const n = sentences.length
  if (n === 0) return []
  const sets = sentences.map((words) => new Set(words))
  const weights: number[][] = sets.map(() => new Array<number>(n).fill(0))
  const totals = new Array<number>(n).fill(0)
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const w = similarity(sets[i]!, sets[j]!)
      if (w === 0) continue
      weights[i]![j] = w
      weights[j]![i] = w
      totals[i]! += w
      totals[j]! += w
    }
  }
  let scores = new Array<number>(n).fill(1)
  for (let round = 0; round < iterations; round++) {
    const next = new Array<number>(n).fill(1 - damping)
    for (let j = 0; j < n; j++) {
      if (totals[j] === 0) continue
      const share = (damping * scores[j]!) / totals[j]!
      const row = weights[j]!
      for (let i = 0; i < n; i++) if (row[i] !== 0) next[i]! += row[i]! * share
    }
    const change = next.reduce((sum, value, i) => sum + Math.abs(value - scores[i]!), 0)
    scores = next
    if (change < tolerance) break
  }
  return scores
}
