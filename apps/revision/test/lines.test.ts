import { widthOf } from '@lectern/typeset'
import { describe, expect, it } from 'vitest'
import { setSpans, plain, type Span } from '../src/lib/layout/lines.js'

const text = (lines: ReturnType<typeof setSpans>) => lines.map((l) => l.spans.map((s) => s.text).join(''))

describe('setSpans (spans to lines)', () => {
  it('keeps every line within the width, measured with the PDF’s own metrics, and loses no word', () => {
    const spans: Span[] = [{ text: 'Trotsky built the Red Army into the force that won the civil war for the Bolsheviks.', face: 'serif', size: 9 }]
    const lines = setSpans(spans, 120)
    expect(lines.length).toBeGreaterThan(1)
    for (const [i, line] of lines.entries()) {
      expect(line.width).toBeLessThanOrEqual(120)
      expect(line.width).toBeCloseTo(widthOf(text(lines)[i]!, 'serif', 9), 0)
    }
    expect(text(lines).map((l) => l.trim()).join(' ').replace(/- /g, '')).toBe(spans[0]!.text)
  })

  it('keeps the spaces around a dash between spans and may break after an inner hyphen', () => {
    const lines = setSpans(
      [
        { text: 'Leon Trotsky', face: 'serif-bold', size: 8 },
        { text: ' — ', face: 'serif', size: 8 },
        { text: 'Commissar for War', face: 'serif', size: 8 },
      ],
      1000,
    )
    expect(text(lines)).toEqual(['Leon Trotsky — Commissar for War'])
    // Hyphenation and the hyphen already in "Brest-Litovsk" let a narrow column keep its width.
    const phrase = 'the Brest-Litovsk negotiations were a gamble'
    const narrow = setSpans([{ text: phrase, face: 'serif', size: 8 }], widthOf('the Brest-Lito', 'serif', 8), { ...plain, hyphenate: true })
    for (const line of narrow) expect(line.width).toBeLessThanOrEqual(widthOf('the Brest-Lito', 'serif', 8) + 1e-6)
    expect(text(narrow).map((l) => l.trim()).join(' ').replace(/(\p{L})- (\p{Ll})/gu, '$1$2').replace('Brest- Litovsk', 'Brest-Litovsk')).toBe(phrase)
  })

  it('splits a word wider than the line between characters instead of overflowing', () => {
    const lines = setSpans([{ text: 'Pneumonoultramicroscopicsilicovolcanoconiosis', face: 'sans', size: 8 }], 40)
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(40)
    // A hyphen may mark where the word was cut: every character is there, in order.
    expect(text(lines).map((line) => line.trim().replace(/-$/, '')).join('')).toBe('Pneumonoultramicroscopicsilicovolcanoconiosis')
  })
})
