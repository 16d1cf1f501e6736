import { describe, expect, it } from 'vitest'
import { minimumSize, printStyles } from '../src/index.js'

describe('the accessible print style (British Dyslexia Association style guide)', () => {
  const style = printStyles.accessible

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
