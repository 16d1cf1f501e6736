import { contentWords } from '@lectern/content/text'
import { describe, expect, it } from 'vitest'
import { essaySentences } from '../src/lib/condense/sentences.js'
import { similarity, textRank } from '../src/lib/condense/textrank.js'
import { allEssays } from './essays.js'

describe('contentWords', () => {
  it('drops stop words and folds plurals and possessives', () => {
    expect(contentWords("The army's armies and the Army")).toEqual(['army', 'army', 'army'])
    expect(contentWords('It was in the 1920s')).toEqual(['1920'])
  })
})

describe('TextRank', () => {
  it('scores a sentence that shares words with every other above the ones that share with one', () => {
    const sentences = [
      'Trotsky built the Red Army during the civil war.',
      'The Red Army won the civil war for the Bolsheviks.',
      'Trotsky led the Red Army and the Bolsheviks to victory in the civil war.',
      'The Bolsheviks took power in Petrograd.',
      'Gardening is a restful hobby.',
    ].map(contentWords)
    const scores = textRank(sentences)
    expect(scores).toHaveLength(5)
    const best = scores.indexOf(Math.max(...scores))
    expect(best).toBe(2)
    // A sentence with nothing in common with the rest keeps only the teleport share.
    expect(scores[4]).toBeCloseTo(0.15, 5)
  })

  it('measures similarity as shared words over log lengths, symmetric and zero for disjoint sets', () => {
    const a = new Set(['red', 'army', 'trotsky'])
    const b = new Set(['red', 'army', 'war', 'civil'])
    expect(similarity(a, b)).toBeCloseTo(2 / (Math.log(4) + Math.log(5)), 10)
    expect(similarity(a, b)).toBe(similarity(b, a))
    expect(similarity(a, new Set(['garden']))).toBe(0)
    expect(textRank([])).toEqual([])
  })

  it('gives the very scores of the textbook dense-matrix computation, for every essay', () => {
    for (const essay of allEssays()) {
      const sentences = essaySentences(essay).map((s) => s.words)
      expect(textRank(sentences), essay.slug).toEqual(denseTextRank(sentences))
    }
  })
})

/** TextRank over a full n × n matrix, as first written: the reference the sparse version must match. */
function denseTextRank(sentences: readonly (readonly string[])[]): number[] {
  const damping = 0.85
  const n = sentences.length
  const sets = sentences.map((words) => new Set(words))
  const weights = sets.map(() => new Array<number>(n).fill(0))
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
  for (let round = 0; round < 100; round++) {
    const next = new Array<number>(n).fill(1 - damping)
    for (let j = 0; j < n; j++) {
      if (totals[j] === 0) continue
      const share = (damping * scores[j]!) / totals[j]!
      for (let i = 0; i < n; i++) if (weights[j]![i] !== 0) next[i]! += weights[j]![i]! * share
    }
    const change = next.reduce((sum, value, i) => sum + Math.abs(value - scores[i]!), 0)
    scores = next
    if (change < 1e-6) break
  }
  return scores
}
