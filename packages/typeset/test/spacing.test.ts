/**
 * Wide letter spacing is carried in the glyphs' advances, so the page is spaced as the BDA asks and
 * every reader still gets whole words: read back with pdf.js and with poppler's pdftotext.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as fontkit from 'fontkit'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { createDocument, drawParagraph, layoutParagraph, printStyles, spacedFrom, toBytes, widthOf, type Profile } from '../src/index.js'
import { fontFile } from '../src/lib/fonts.js'
import { spacedFont } from '../src/lib/spacing.js'
import { prose } from './fixtures/prose.js'

async function printed(profile: Profile): Promise<Uint8Array> {
  const style = printStyles[profile]
  const doc = createDocument({ title: 'Spacing', lang: 'en-GB', paper: 'A4', style, date: '2026-11-01' })
  doc.addPage()
  const section = doc.struct('Sect')
  doc.addStructure(section)
  let y = 60
  for (const text of prose.slice(0, 2)) {
    const pieces = [{ text, style: { face: style.text.regular, size: style.size, ...(style.tracking ? { tracking: style.tracking } : {}) } }]
    const paragraph = layoutParagraph(pieces, { width: 420, leading: style.size * style.leading, align: style.align, hyphenate: style.hyphenate, lang: 'en-GB', wordSpace: style.wordSpace })
    const p = doc.struct('P')
    section.add(p)
    y = drawParagraph(doc, paragraph, { x: 60, y, struct: { element: p, tag: 'P' } }) + 12
    p.end()
  }
  section.end()
  return toBytes(doc)
}

async function pdfjsText(pdf: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: pdf.slice(), verbosity: 0 }).promise
  const { items } = await (await doc.getPage(1)).getTextContent()
  return items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join('')
}

function pdftotext(pdf: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'typeset-spacing-')), 'x.pdf')
  writeFileSync(file, pdf)
  const run = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' })
  expect(run.status, run.stderr).toBe(0)
  return run.stdout
}

/** The words of a text, a word hyphenated at a line's end made whole again (hyphens are left out on both sides). */
const words = (text: string) => text.replace(/-\s+/g, '').replace(/-/g, '').split(/\s+/).filter(Boolean)

describe('wide letter spacing (the accessible profile)', () => {
  it('is wider than the gap readers take for a word break, and so is carried by the font', () => {
    expect(printStyles.accessible.tracking).toBeGreaterThan(spacedFrom)
    // The standard profile never is: its output keeps PDF character spacing, byte for byte as before.
    expect(printStyles.standard.tracking).toBeLessThanOrEqual(spacedFrom)
  })

  it('widens every advance of the face by the spacing and leaves marks (no advance) where they are', () => {
    const base = fontkit.create(fontFile('sans')) as fontkit.Font
    const spaced = fontkit.create(spacedFont(fontFile('sans'), 0.166)) as fontkit.Font
    const units = Math.round(0.166 * base.unitsPerEm)
    for (const char of 'aTyé1—’') {
      const [a] = base.glyphsForString(char)
      const [b] = spaced.glyphsForString(char)
      expect(b!.advanceWidth - a!.advanceWidth, char).toBe(units)
    }
    const mark = base.glyphsForString('\u0301')[0]!
    expect(spaced.getGlyph(mark.id).advanceWidth).toBe(mark.advanceWidth)
    // Shaped as drawn: each letter is its natural width plus the spacing (kerning is the font's own).
    expect(widthOf('minimum', 'sans+166', 12) - widthOf('minimum', 'sans', 12)).toBeCloseTo(7 * 0.166 * 12, 6)
  })

  for (const profile of ['accessible', 'standard'] as const) {
    it(`${profile}: pdf.js and pdftotext read the printed words whole`, async () => {
      const pdf = await printed(profile)
      const expected = words(prose.slice(0, 2).join(' '))
      for (const [reader, text] of [['pdf.js', await pdfjsText(pdf)], ['pdftotext', pdftotext(pdf)]] as const) {
        const read = words(text)
        // Every word of the prose comes back as a word, in order (a split word would leave letters).
        const single = read.filter((w) => /^\p{L}$/u.test(w) && !['a', 'A', 'I'].includes(w))
        expect(single, reader).toEqual([])
        expect(read.join(' '), reader).toBe(expected.join(' '))
      }
    })
  }

  it('embeds the spaced face only where it is used: a standard document has no spaced font', async () => {
    const fonts = (pdf: Uint8Array) => {
      const file = join(mkdtempSync(join(tmpdir(), 'typeset-spacing-')), 'x.pdf')
      writeFileSync(file, pdf)
      return spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout.split('\n').slice(2).filter(Boolean).length
    }
    expect(fonts(await printed('standard'))).toBe(1)
    expect(fonts(await printed('accessible'))).toBe(1)
  })
})
