import { readdirSync, readFileSync, statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as fontkit from 'fontkit'
import { faceNames, faces, hasGlyph, loadFace, missingGlyphs, widthOf, type FaceName } from '../src/index.js'
import { metricsFile, shaperOf } from '../src/lib/fonts.js'
import { extractMetrics } from '../src/lib/metrics.js'
import { Shaper } from '../src/lib/shaper.js'
import { prose } from './fixtures/prose.js'

/** Every word of the essays in content/ and of the prose fixture: the text the tables must set exactly. */
const content = new URL('../../../content/', import.meta.url)
const essays = readdirSync(content, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => readFileSync(new URL(`${entry.name}/essay.md`, content), 'utf8'))
const words = [...new Set([...essays, ...prose].join('\n').split(/\s+/u).filter(Boolean))]

/** Characters an essay may well use, in every pair: kerning, ligatures, punctuation, Cyrillic, Greek. */
const alphabet = [
  ...' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~',
  ...'‘’“”‐–—…·•°£€§¶«»ÆæŒœßàáâäçèéêëîïñóôöùúûüÿĀāčēěğīıłńōřśšūžȘșȚț',
  ...'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяїієґ',
  ...'ΑΒΓΔΕΘΛΠΣΦΩαβγδεθλμπσφω',
]
const pairs = alphabet.flatMap((a) => alphabet.map((b) => a + b))
const ligatures = ['fi', 'fl', 'ff', 'ffi', 'ffl', 'ft', 'fj', 'fft', 'office', 'affluent', 'Offf', 'fifth', 'ﬁ']

/** fontkit's own shaping of a string, in the terms the shaper answers in. */
function reference(font: fontkit.Font, text: string) {
  const run = font.layout(text)
  return { ids: run.glyphs.map((glyph) => glyph.id), positions: run.positions.map(({ xAdvance, yAdvance, xOffset, yOffset }) => [xAdvance, yAdvance, xOffset, yOffset]) }
}

function compare(name: FaceName, texts: readonly string[]): { shaped: number; mismatches: string[] } {
  const font = fontkit.openSync(faces[name].file) as fontkit.Font
  const shaper = new Shaper(extractMetrics(font, statSync(faces[name].file).size))
  const mismatches: string[] = []
  let shaped = 0
  for (const text of texts) {
    const run = shaper.shape(text)
    if (!run) continue
    shaped++
    const expected = reference(font, text)
    const actual = { ids: run.glyphs.map((glyph) => glyph.id), positions: run.positions.map(({ xAdvance, yAdvance, xOffset, yOffset }) => [xAdvance, yAdvance, xOffset, yOffset]) }
    if (JSON.stringify(actual) !== JSON.stringify(expected) || shaper.width(text) !== run.advanceWidth) mismatches.push(text)
  }
  return { shaped, mismatches }
}

describe('the fast shaper', () => {
  it.each(faceNames)('sets every essay word, pair of characters and ligature in %s exactly as fontkit does', (name) => {
    const texts = [...words, ...pairs, ...ligatures]
    const { shaped, mismatches } = compare(name, texts)
    expect(mismatches).toEqual([])
    // Nearly everything goes through the tables; only what they cannot model is left to fontkit.
    expect(shaped / texts.length).toBeGreaterThan(0.97)
    expect(words.every((word) => shaperOf(name).shaper.shape(word) !== undefined)).toBe(true)
  })

  it('forms ligatures with the code points of every letter, for the text layer', () => {
    const run = shaperOf('serif').shaper.shape('office')!
    expect(run.glyphs.length).toBe(4)
    expect(run.glyphs[1]!.codePoints.map((cp) => String.fromCodePoint(cp)).join('')).toBe('ffi')
  })

  it('leaves fontkit what the tables do not model: marks, invisible characters, fractions, contextual kerning', () => {
    const { shaper } = shaperOf('serif')
    for (const text of ['a\u0301', 'co\u00adop', 'x\u200by', '1\u20442', 'e\ufe0f', 'col·legi', '★']) expect(shaper.shape(text)).toBeUndefined()
    // What fontkit makes of them is still measured.
    expect(widthOf('col·legi', 'serif', 10)).toBeCloseTo((loadFace('serif').layout('col·legi').advanceWidth / 1000) * 10, 10)
    expect(widthOf('a\u0301', 'serif', 10)).toBeCloseTo((loadFace('serif').layout('a\u0301').advanceWidth / 1000) * 10, 10)
  })

  it('measures as fontkit does, with or without the tables', () => {
    for (const name of ['serif', 'sans-bold-italic'] as const) {
      for (const text of ['Trotsky’s “Red Army” — 1917–1940…', 'Троцкий', 'AVATAR Type', 'office']) {
        expect(widthOf(text, name, 12)).toBeCloseTo((loadFace(name).layout(text).advanceWidth / loadFace(name).unitsPerEm) * 12, 10)
      }
    }
  })

  it('answers glyph coverage from the tables as fontkit does', () => {
    for (const name of ['serif', 'sans'] as const) {
      const font = loadFace(name)
      for (const char of [...alphabet, '★', '✓', '→', '\u0301', '中']) {
        expect(hasGlyph(name, char)).toBe(char === ' ' || font.hasGlyphForCodePoint(char.codePointAt(0)!))
      }
    }
    expect(missingGlyphs('Trotsky ★ 中')).toEqual(['★', '中'])
  })
})

describe('metric tables', () => {
  it('are built for every face, and match the fonts they were read from', () => {
    for (const name of faceNames) {
      const built = JSON.parse(readFileSync(metricsFile(name), 'utf8')) as unknown
      expect(built).toEqual(extractMetrics(loadFace(name), statSync(faces[name].file).size))
    }
  })
})
