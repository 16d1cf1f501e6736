import { describe, expect, it } from 'vitest'
import { minimumSize, printStyles, widthOf } from '../src/index.js'

/** The average advance of the lower-case letters, in ems, of a face. */
const averageLetter = (face: Parameters<typeof widthOf>[1]) => [...'abcdefghijklmnopqrstuvwxyz'].reduce((sum, c) => sum + widthOf(c, face, 1), 0) / 26

describe('the accessible print style (British Dyslexia Association style guide)', () => {
  const style = printStyles.accessible

  it('spaces letters by about 35 % of the average letter width of its own face', () => {
    const ratio = style.tracking / averageLetter(style.text.regular)
    expect(ratio).toBeGreaterThan(0.33)
    expect(ratio).toBeLessThan(0.37)
  })

  it('spaces words at least 3.5 times as far as letters', () => {
    // As the paragraph code sets it: the space, tracked like any character and stretched by wordSpace,
    // after the last letter's own tracking.
    const space = (widthOf(' ', style.text.regular, 1) + style.tracking) * style.wordSpace
    expect((space + style.tracking) / style.tracking).toBeGreaterThanOrEqual(3.5)
    expect(space / style.tracking).toBeGreaterThanOrEqual(3.5)
  })

  it('has no italic face, a cream page, left-aligned unhyphenated text and a body of 12 pt or more', () => {
    expect(Object.values(style.text).some((face) => face.includes('italic'))).toBe(false)
    expect(style.text.em).toMatch(/bold/)
    expect(style.background).toMatch(/^#f[0-9a-f]f[0-9a-f]e[0-9a-f]$/i)
    expect(style.align).toBe('left')
    expect(style.hyphenate).toBe(false)
    expect(style.size).toBeGreaterThanOrEqual(minimumSize)
    expect(minimumSize).toBe(12)
  })
})
