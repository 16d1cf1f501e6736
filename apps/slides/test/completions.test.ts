import { describe, expect, it } from 'vitest'
import { deckOf } from '../src/lib/compile.js'
import { fixture } from './helpers.js'

describe('the editors’ completions', () => {
  it('mark exactly the slides that show the editors’ words: bullets, key terms and dates taken from a completed passage', () => {
    const deck = deckOf(fixture('completed'))
    const marked = (kind: string, heading?: string) => deck.slides.filter((s) => s.kind === kind && (heading === undefined || s.heading === heading)).map((s) => s.completed)
    expect(marked('point', 'The pound')).toEqual([true])
    expect(marked('point', 'The canal')).toEqual([false])
    expect(marked('thesis')).toEqual([false])
    expect(marked('judgement')).toEqual([false])
    // The IMF is defined inside the completed section; the Suez Canal Company in the author's own.
    const terms = deck.slides.filter((s) => s.kind === 'terms')
    expect(terms.flatMap((s) => (s.kind === 'terms' ? s.entries.map((e) => e.label) : []))).toContain('IMF')
    expect(terms.every((s) => s.completed)).toBe(true)
    expect(marked('timeline')).toEqual([true])
    const footers = deck.markdown.split('\n---\n').filter((slide) => slide.includes('_footer: "Includes passages completed by the Lectern editors"'))
    expect(footers).toHaveLength(deck.slides.filter((s) => s.completed).length)
  })

  it('leave an essay without completions unmarked', () => {
    const deck = deckOf(fixture('minimal'))
    expect(deck.slides.some((s) => s.completed)).toBe(false)
  })
})
