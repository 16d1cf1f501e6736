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

/**
 * One score per sentence (the words of each), summing to the number of sentences. The graph is built
 * from an index of which sentences hold each word, and kept as lists of neighbours: most pairs of
 * sentences share nothing, so neither building nor ranking visits them. Sums run in the same order
 * as over a full matrix, so the scores are the same to the last bit.
 */
export function textRank(sentences: readonly (readonly string[])[], options: RankOptions = {}): number[] {
  const { damping = 0.85, iterations = 100, tolerance = 1e-6 } = options
  const n = sentences.length
  if (n === 0) return []
  const holders = new Map<string, number[]>()
  const logSize = new Array<number>(n)
  sentences.forEach((words, i) => {
    const set = new Set(words)
    logSize[i] = Math.log(set.size + 1)
    for (const word of set) {
      const list = holders.get(word)
      if (list) list.push(i)
      else holders.set(word, [i])
    }
  })
  // shared[i * n + j], i < j: how many words sentences i and j have in common.
  const shared = new Uint32Array(n * n)
  for (const list of holders.values()) {
    for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) shared[list[a]! * n + list[b]!]!++
  }
  const neighbours: number[][] = Array.from({ length: n }, () => [])
  const weights: number[][] = Array.from({ length: n }, () => [])
  const totals = new Array<number>(n).fill(0)
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const common = shared[i * n + j]!
      if (common === 0) continue
      const w = common / (logSize[i]! + logSize[j]!)
      neighbours[i]!.push(j)
      weights[i]!.push(w)
      neighbours[j]!.push(i)
      weights[j]!.push(w)
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
      const to = neighbours[j]!
      const row = weights[j]!
      for (let k = 0; k < to.length; k++) next[to[k]!]! += row[k]! * share
    }
    let change = 0
    for (let i = 0; i < n; i++) change += Math.abs(next[i]! - scores[i]!)
    scores = next
    if (change < tolerance) break
  }
  return scores
}
