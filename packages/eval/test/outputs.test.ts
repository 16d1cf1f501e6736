import { describe, expect, it } from 'vitest'
import { basicCardReason, clozeCardReason, readTsv, scoreCards, scoreRevision, scoreSlides, slideBullets } from '../src/lib/outputs.js'
import { essayWith, goldWith } from './helpers/essay.js'

const source = 'Stalin said… nothing. Hermann Müller led the grand coalition of 1928. Article 48 was a clause.'
const gold = goldWith({
  people: [{ name: 'Hermann Müller', aliases: ['Müller'] }],
  terms: [{ term: 'Article 48', aliases: [], definition: 'a clause' }],
  keyFacts: ['Article 48', '1928', 'Marbury v. Madison'],
})
const ctx = { source, gold, essay: essayWith({}) }

describe('slides', () => {
  const deck = [
    '---', 'marp: true', '- not a bullet: front matter', '---', '', '## Slide', '',
    '- Lenin proposed that Stalin, whom he thought too rude…', '- Stalin said… nothing.', '1. A numbered point.',
    '<!--', '- a bullet in the speaker notes…', '-->',
  ].join('\n')
  it('reads the bullets, not the front matter or the notes', () => {
    expect(slideBullets(deck)).toEqual(['Lenin proposed that Stalin, whom he thought too rude…', 'Stalin said… nothing.', 'A numbered point.'])
  })
  it('counts the bullets cut with an ellipsis the author did not write', () => {
    expect(scoreSlides(deck, source).cut).toEqual({ hit: 1, of: 3 })
  })
})

describe('revision sheet', () => {
  it('finds key facts as whole words, however they are punctuated', () => {
    const score = scoreRevision('## Key dates\n\n1. **1928** — *Article 48* used\n2. Marbury v Madison', gold)
    expect(score.facts).toEqual({ hit: 3, of: 3 })
    expect(scoreRevision('19280 Article', gold).facts).toEqual({ hit: 0, of: 3 })
  })
})

describe('flashcards', () => {
  it('accepts a card that stands alone', () => {
    expect(basicCardReason('Who was Hermann Müller?', 'The chancellor of the grand coalition.', [], ctx)).toBeUndefined()
    expect(basicCardReason('When was the coalition formed?', '1928', [], ctx)).toBeUndefined()
    expect(basicCardReason('Who led the coalition?', 'Müller', [], ctx)).toBeUndefined()
    expect(basicCardReason('What let the president rule by decree?', 'Article 48', [], ctx)).toBeUndefined()
  })
  it('names each way a card fails', () => {
    expect(basicCardReason('Who was Hermann Müller?', 'grand coalition of', [], ctx)).toMatch(/mid-clause on "of"/)
    expect(basicCardReason('Who was Müller?', '', [], ctx)).toBe('no answer')
    expect(basicCardReason('Who was Müller?', 'Chancellor.', ['Who was Müller?'], ctx)).toBe('duplicate front')
    expect(basicCardReason('What did he do?', 'He became chancellor.', [], ctx)).toMatch(/unresolved "he"/)
    expect(basicCardReason('What happened?', 'important', [], ctx)).toMatch(/one-word answer/)
    expect(basicCardReason('What happened in 1928?', 'Müller led the grand…', [], ctx)).toMatch(/ellipsis/)
    expect(basicCardReason('What happened next?', 'And then the coalition fell.', [], ctx)).toMatch(/opens with "and"/)
  })
  it('judges cloze deletions: not a function word, not a first name alone, not the same card twice', () => {
    expect(clozeCardReason('{{c1::Hermann Müller}} led the coalition.', [], ctx)).toBeUndefined()
    expect(clozeCardReason('{{c1::Hermann}} Müller led the coalition.', [], ctx)).toMatch(/first name/)
    expect(clozeCardReason('Müller led {{c1::the}} coalition.', [], ctx)).toMatch(/function word/)
    expect(clozeCardReason('Müller led the coalition.', [], ctx)).toBe('no deletion')
    const card = 'Müller led the {{c1::grand coalition}}.'
    expect(clozeCardReason(card, [card], ctx)).toBe('duplicate card')
    expect(clozeCardReason('{{c1::Müller}} led the grand coalition.', [card], ctx)).toBeUndefined()
  })
  it('reads Anki TSV by its #columns header and scores both decks', () => {
    const basic = '#separator:tab\n#columns:GUID\tFront\tBack\tTags\na\tWho was Müller?\tgrand coalition of\tperson\nb\tWhen?\t1928\tdate\n'
    const cloze = '#columns:GUID\tText\tBack Extra\tTags\nc\t{{c1::Hermann}} Müller led it.\t\tperson\n'
    expect(readTsv(basic)[1]).toEqual({ GUID: 'b', Front: 'When?', Back: '1928', Tags: 'date' })
    expect(scoreCards({ basic, cloze }, ctx).bad).toEqual({ hit: 2, of: 3 })
  })
})
