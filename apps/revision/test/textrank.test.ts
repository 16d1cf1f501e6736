import { describe, expect, it } from 'vitest'
import { similarity, textRank } from '../src/lib/condense/textrank.js'
import { contentWords } from '../src/lib/condense/words.js'

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
})
