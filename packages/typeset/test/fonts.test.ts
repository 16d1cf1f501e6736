import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { faces, faceNames, fallbackFaces, missingGlyphs, widthOf } from '../src/index.js'

describe('bundled fonts', () => {
  it('every face is a TTF file shipped inside the project', () => {
    for (const face of [...faceNames.map((name) => faces[name]), ...Object.values(fallbackFaces)]) {
      expect(face.file).toMatch(/node_modules\/@expo-google-fonts\/.+\.ttf$/)
      expect(existsSync(face.file)).toBe(true)
    }
  })

  it('covers the essay scripts: Latin with typographic punctuation, and Cyrillic', () => {
    expect(missingGlyphs('Trotsky’s “Red Army” — 1917–1940… é ß Троцкий Ленин', ['serif'])).toEqual([])
    expect(missingGlyphs('Троцкий ★ ✓ x', ['serif', 'sans'])).toEqual(expect.arrayContaining(['★']))
    expect(missingGlyphs('🕯️', ['serif', 'sans', 'emoji'])).toEqual([])
    expect(missingGlyphs('🕯️', ['serif', 'sans'])).toEqual(['🕯'])
  })

  it('measures text proportionally to size, wider in bold', () => {
    const regular = widthOf('The Red Army', 'serif', 10)
    expect(widthOf('The Red Army', 'serif', 20)).toBeCloseTo(regular * 2, 6)
    expect(widthOf('The Red Army', 'serif-bold', 10)).toBeGreaterThan(regular)
    expect(widthOf('', 'sans', 12)).toBe(0)
  })
})
