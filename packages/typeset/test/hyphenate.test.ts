import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { hyphenate, hyphenationFile, hyphenationTable } from '../src/lib/hyphenate.js'
import { words } from './fixtures/corpus.js'

const require = createRequire(import.meta.url)

describe('hyphenate', () => {
  it('breaks every word of the frozen corpus where hypher does, with the same en-GB patterns', () => {
    const Hypher = require('hypher') as new (patterns: unknown) => { hyphenate(word: string): string[] }
    const hypher = new Hypher(require('hyphenation.en-gb'))
    expect(words.length).toBeGreaterThan(1500)
    const extra = ['significance', 'Revolutionaries', 'hyphenation', 'pneumonoultramicroscopic', 'co\u00adoperate', 'Ölßeñor']
    for (const word of [...words, ...extra]) expect(hyphenate(word), word).toEqual(hypher.hyphenate(word))
  })

  it('reads the patterns the build split, which match the package', () => {
    expect(JSON.parse(readFileSync(hyphenationFile(), 'utf8'))).toEqual(hyphenationTable())
    const { letters, points } = hyphenationTable()
    expect(letters.split(' ').length).toBe(points.split(' ').length)
    // `_ab4` and `a1ba2c`: a point before each letter and one after the last.
    expect(points.split(' ').every((digits, i) => digits.length === letters.split(' ')[i]!.length + 1)).toBe(true)
  })
})
