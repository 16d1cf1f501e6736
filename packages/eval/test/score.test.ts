import { describe, expect, it } from 'vitest'
import { scoreArgument } from '../src/lib/argument.js'
import { datesFit, findPerson, scoreKnowledge } from '../src/lib/knowledge.js'
import { essayWith, goldWith } from './helpers/essay.js'

const gold = goldWith({
  thesis: 'This essay argues that the Depression was decisive.',
  judgement: 'The Depression was the decisive cause.',
  sections: [
    { heading: 'Constitution', points: ['The constitution was flawed.', 'It made collapse possible.'] },
    { paragraph: 3, points: ['The elites chose Hitler.'] },
  ],
  people: [
    { name: 'Paul von Hindenburg', aliases: ['Hindenburg', 'President Hindenburg'], role: 'President' },
    { name: 'Heinrich Brüning', aliases: ['Brüning'] },
    { name: 'Andrew Bailey', aliases: ['Bailey'] },
  ],
  events: [
    { date: 'May 1932', iso: '1932-05', event: 'Brüning dismissed', keywords: ['Brüning', 'dismissed'] },
    { date: '30 January 1933', iso: '1933-01-30', event: 'Hitler chancellor', keywords: ['Hitler', 'chancellor'] },
  ],
  terms: [{ term: 'Article 48', aliases: [], definition: 'the clause that allowed the president to govern by decree' }],
  quotations: [{ fragment: 'transitory', speaker: 'Andrew Bailey' }],
})

describe('scoreArgument', () => {
  it('counts the thesis, the judgement and each section whose point is acceptable', () => {
    const essay = essayWith({
      thesis: 'This essay argues that the Depression was “decisive”',
      judgement: 'Historians still argue.',
      points: ['There are other explanations.', 'The elites chose Hitler.'],
    })
    const score = scoreArgument(essay, gold)
    expect(score.thesis).toEqual({ hit: 1, of: 1 })
    expect(score.judgement).toEqual({ hit: 0, of: 1 })
    expect(score.points).toEqual({ hit: 1, of: 2 })
    expect(score.misses).toContain('point not acceptable: "There are other explanations."')
  })
})

describe('people', () => {
  it('matches a name, an alias or the same name with a title', () => {
    expect(findPerson(gold.people, 'Hindenburg')?.name).toBe('Paul von Hindenburg')
    expect(findPerson(gold.people, 'President Paul von Hindenburg')?.name).toBe('Paul von Hindenburg')
    expect(findPerson(gold.people, 'Paul')).toBeUndefined()
    expect(findPerson(gold.people, 'King')).toBeUndefined()
  })
  it('counts a second entry for one person and a non-person against precision', () => {
    const essay = essayWith({ people: ['Paul von Hindenburg', 'Hindenburg', 'Great Matter', 'Heinrich Brüning'] })
    const score = scoreKnowledge(essay, gold, '')
    expect(score.peoplePrecision).toEqual({ hit: 2, of: 4 })
    expect(score.peopleRecall).toEqual({ hit: 2, of: 3 })
  })
})

describe('timeline', () => {
  it('fits dates to the precision both know', () => {
    expect(datesFit('1932', '1932-05')).toBe(true)
    expect(datesFit('1933-01-30', '1933-01')).toBe(true)
    expect(datesFit('1932-07', '1932-05')).toBe(false)
    expect(datesFit('1930', '1932')).toBe(false)
  })
  it('needs the date and every key word, and counts fragments and repeats wrong', () => {
    const essay = essayWith({
      events: [
        ['1932-05', 'Brüning was dismissed in May 1932 when he lost Hindenburg’s confidence.'],
        ['1932-05', 'He was dismissed in May 1932.'],
        ['1933-01-30', 'Adolf Hitler became chancellor on 30 January 1933.'],
        ['1933-01-30', 'Adolf Hitler became chancellor on 30 January 1933.'],
        ['1930', 'Ebert used Article 48.'],
      ],
    })
    const score = scoreKnowledge(essay, gold, '')
    expect(score.timelineRight).toEqual({ hit: 2, of: 5 })
    expect(score.eventsFound).toEqual({ hit: 2, of: 2 })
    expect(score.misses.some((m) => m.includes('unresolved "He"'))).toBe(true)
    expect(score.misses.some((m) => m.includes('a second entry for one event'))).toBe(true)
  })
})

describe('glossary and quotations', () => {
  it('needs the term and half of its definition’s content words', () => {
    const right = essayWith({ terms: [['Article 48', 'The clause allowing the president to govern by decree.']] })
    const wrong = essayWith({ terms: [['Article 48', 'Used by Ebert in 1923.']] })
    expect(scoreKnowledge(right, gold, '').terms).toEqual({ hit: 1, of: 1 })
    expect(scoreKnowledge(wrong, gold, '').terms).toEqual({ hit: 0, of: 1 })
  })
  it('needs the quotation found with its speaker, by any of the speaker’s names', () => {
    const by = (who?: string) => scoreKnowledge(essayWith({ points: ['P.'], quotes: [['It would be “transitory”.', who]] }), gold, '').quotes
    expect(by('Bailey')).toEqual({ hit: 1, of: 1 })
    expect(by('Andrew Bailey, the Governor of the Bank of England')).toEqual({ hit: 1, of: 1 })
    expect(by(undefined)).toEqual({ hit: 0, of: 1 })
    expect(by('Keynes')).toEqual({ hit: 0, of: 1 })
  })
})
