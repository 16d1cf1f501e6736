import { describe, expect, it } from 'vitest'
import { containsPhrase, contentOverlap, hasKeyword, nameKey, sameText, words } from '../src/lib/text.js'

describe('words', () => {
  it('folds case, accents, possessives and apostrophes inside words', () => {
    expect(words("Brüning's successor didn't WIN.")).toEqual(['bruning', 'successor', 'didnt', 'win'])
  })
  it('treats Markdown emphasis, quotes and dashes as separators', () => {
    expect(words('*Macbeth* — “Stars, hide your fires”')).toEqual(['macbeth', 'stars', 'hide', 'your', 'fires'])
  })
})

describe('sameText: tolerant of form, never of a different sentence', () => {
  it('accepts whitespace, quotes, curly apostrophes and trailing punctuation', () => {
    expect(sameText('The Republic’s  collapse was “decisive”.', "the Republic's collapse was \"decisive\"")).toBe(true)
    expect(sameText('It did not make it inevitable;', 'It did not make it inevitable.')).toBe(true)
  })
  it('rejects a sentence with a word more, less or different', () => {
    expect(sameText('There are other explanations.', 'There are other explanations, but none carries weight.')).toBe(false)
    expect(sameText('The Depression was decisive.', 'The Depression was not decisive.')).toBe(false)
    expect(sameText('The Depression was decisive.', 'The Depression was important.')).toBe(false)
  })
  it('never matches empty text', () => {
    expect(sameText('', '')).toBe(false)
    expect(sameText('…', '')).toBe(false)
  })
})

describe('containsPhrase', () => {
  it('finds whole words in order only', () => {
    expect(containsPhrase('obedience fell to 65 per cent', '65')).toBe(true)
    expect(containsPhrase('published in 1965', '65')).toBe(false)
    expect(containsPhrase('Marbury v. Madison (1803)', 'Marbury v Madison')).toBe(true)
    expect(containsPhrase('Madison v. Marbury', 'Marbury v. Madison')).toBe(false)
  })
  it('does not care how a unit or currency is spaced', () => {
    expect(containsPhrase('about 450 °C', '450°C')).toBe(true)
    expect(containsPhrase('cost £2 million', '£2 million')).toBe(true)
  })
})

describe('hasKeyword', () => {
  it('accepts alternatives and a word that begins with the key word', () => {
    expect(hasKeyword('Cranmer annulled the marriage', 'annul')).toBe(true)
    expect(hasKeyword('The Nazis won 107 seats', 'Nazi|Communist')).toBe(true)
    expect(hasKeyword('The Wall Street Crash', 'Wall Street|Crash')).toBe(true)
  })
  it('does not find a key word inside another word or out of order', () => {
    expect(hasKeyword('the whole coalition', 'hole')).toBe(false)
    expect(hasKeyword('Street Wall', 'Wall Street')).toBe(false)
  })
})

describe('nameKey and contentOverlap', () => {
  it('drops a leading article and folds a plural', () => {
    expect(nameKey('the Calvin cycle')).toBe(nameKey('Calvin cycles'))
    expect(nameKey('the Great Matter')).toBe('great matter')
    expect(nameKey('abrasion')).toBe('abrasion')
  })
  it('measures how much of a definition an entry keeps, on content words', () => {
    expect(contentOverlap('the splitting of water by light', 'Photolysis: splitting of water by light')).toBe(1)
    expect(contentOverlap('the splitting of water by light', 'a reaction in plants')).toBe(0)
  })
})
