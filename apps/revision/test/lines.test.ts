import { widthOf } from '@lectern/typeset'
import { describe, expect, it } from 'vitest'
import { breakLines, type Span } from '../src/lib/layout/lines.js'

const text = (lines: ReturnType<typeof breakLines>) => lines.map((l) => l.spans.map((s) => s.text).join(''))

describe('breakLines', () => {
  it('fills each line as far as the width allows, measured with the PDF’s own metrics', () => {
    const spans: Span[] = [{ text: 'Trotsky built the Red Army into the force that won the civil war for the Bolsheviks.', face: 'serif', size: 9 }]
    const lines = breakLines(spans, 120)
    expect(lines.length).toBeGreaterThan(1)
    for (const [i, line] of lines.entries()) {
      expect(line.width).toBeLessThanOrEqual(120)
      expect(line.width).toBeCloseTo(widthOf(text(lines)[i]!, 'serif', 9), 0)
      // Greedy: the next line's first word would not have fitted on this one.
      const next = lines[i + 1]
      if (next) expect(line.width + widthOf(` ${text([next])[0]!.split(' ')[0]}`, 'serif', 9)).toBeGreaterThan(120)
    }
    expect(text(lines).join(' ')).toBe(spans[0]!.text)
  })

  it('keeps the spaces around a dash between spans and may break after an inner hyphen', () => {
    const lines = breakLines(
      [
        { text: 'Leon Trotsky', face: 'serif-bold', size: 8 },
        { text: ' — ', face: 'serif', size: 8 },
        { text: 'Commissar for War', face: 'serif', size: 8 },
      ],
      1000,
    )
    expect(text(lines)).toEqual(['Leon Trotsky — Commissar for War'])
    const narrow = breakLines([{ text: 'the Brest-Litovsk negotiations', face: 'serif', size: 8 }], widthOf('the Brest-Lito', 'serif', 8))
    expect(text(narrow)[0]).toBe('the Brest-')
  })

  it('splits a word wider than the line between characters instead of overflowing', () => {
    const lines = breakLines([{ text: 'Pneumonoultramicroscopicsilicovolcanoconiosis', face: 'sans', size: 8 }], 40)
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(40)
    expect(text(lines).join('')).toBe('Pneumonoultramicroscopicsilicovolcanoconiosis')
  })
})
