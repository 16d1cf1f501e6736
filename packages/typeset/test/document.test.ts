import { spawnSync } from 'node:child_process'
import { inflateSync } from 'node:zlib'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  addPageFurniture,
  createDocument,
  documentDate,
  drawParagraph,
  identify,
  scope,
  truncate,
  layoutParagraph,
  printStyles,
  resolveGlyphs,
  toBytes,
  widthOf,
  type Profile,
} from '../src/index.js'
import { prose } from './fixtures/prose.js'

const folder = mkdtempSync(join(tmpdir(), 'typeset-'))

async function sample(profile: Profile, title = 'Leon Trotsky & the Bolsheviks, 1917–1940'): Promise<Uint8Array> {
  const settings = printStyles[profile]
  const doc = createDocument({ title, author: 'A. Student', subject: 'History', keywords: ['Trotsky', 'Red Army'], lang: 'en-GB', paper: 'A4', style: settings, date: '2026-11-01' })
  doc.addPage()
  const section = doc.struct('Sect')
  doc.addStructure(section)
  let y = 80
  for (const text of prose.slice(0, 3)) {
    const paragraph = layoutParagraph([{ text, style: { face: settings.text.regular, size: settings.size } }], {
      width: 340,
      leading: settings.size * settings.leading,
      align: settings.align,
      hyphenate: settings.hyphenate,
      lang: 'en-GB',
    })
    const p = doc.struct('P')
    section.add(p)
    y = drawParagraph(doc, paragraph, { x: 90, y, struct: { element: p, tag: 'P' }, color: settings.ink }) + 6
    p.end()
  }
  section.end()
  addPageFurniture(doc, { style: settings, left: 90, width: 340, headerY: 50, footerY: 800, header: title })
  return toBytes(doc)
}

function poppler(tool: string, bytes: Uint8Array, ...args: string[]): string {
  const file = join(folder, `${tool}-${Math.random().toString(36).slice(2)}.pdf`)
  writeFileSync(file, bytes)
  const run = spawnSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(run.stderr)
  return run.stdout
}

/** The colour of the page's top-left pixel, rendered by poppler as PPM (a header, then RGB bytes). */
function cornerColour(bytes: Uint8Array): number[] {
  const file = join(folder, `corner-${Math.random().toString(36).slice(2)}.pdf`)
  writeFileSync(file, bytes)
  const ppm = spawnSync('pdftoppm', ['-r', '10', '-f', '1', '-l', '1', file]).stdout as Buffer
  const header = ppm.toString('latin1').match(/^P6\s+\d+\s+\d+\s+\d+\s/)![0]
  return [...ppm.subarray(header.length, header.length + 3)]
}

describe('createDocument and toBytes', () => {
  it('gives the same bytes for the same input', async () => {
    const [a, b] = [await sample('standard'), await sample('standard')]
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
  })

  it('writes a whole file in order: header first, cross-reference table at the offsets it names', async () => {
    const bytes = Buffer.from(await sample('standard'))
    const text = bytes.toString('latin1')
    expect(text.startsWith('%PDF-1.7\n')).toBe(true)
    expect(text.endsWith('%%EOF\n')).toBe(true)
    const xref = Number(text.match(/startxref\n(\d+)\n%%EOF\n$/)![1])
    expect(text.slice(xref, xref + 5)).toBe('xref\n')
    // Each object starts where the table says it does.
    const offsets = [...text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]))
    offsets.forEach((offset, index) => expect(text.slice(offset, offset + 12)).toMatch(new RegExp(`^${index + 1} 0 obj\n`)))
    const run = spawnSync('pdfinfo', ['-'], { input: bytes, encoding: 'latin1' })
    expect(run.stderr).toBe('')
  })

  it('writes metadata, language, tagging and the PDF/UA identifier', async () => {
    const bytes = await sample('standard')
    const info = poppler('pdfinfo', bytes)
    expect(info).toMatch(/Title:\s+Leon Trotsky & the Bolsheviks, 1917–1940/)
    expect(info).toMatch(/Author:\s+A\. Student/)
    expect(info).toMatch(/Subject:\s+History/)
    expect(info).toMatch(/Keywords:\s+Trotsky, Red Army/)
    expect(info).toMatch(/Tagged:\s+yes/)
    expect(info).toMatch(/CreationDate:\s+Sun Nov  1 00:00:00 2026 UTC/)
    const xmp = poppler('pdfinfo', bytes, '-meta')
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>')
    // The ampersand is escaped in the XMP packet, which stays well-formed XML.
    expect(xmp).toContain('Leon Trotsky &amp; the Bolsheviks')
    const raw = Buffer.from(bytes).toString('latin1')
    expect(raw).toContain('/Lang (en-GB)')
    expect(raw).toContain('/DisplayDocTitle true')
  })

  it('embeds only the bundled fonts, subset', async () => {
    const fonts = poppler('pdffonts', await sample('standard')).split('\n').slice(2).filter(Boolean)
    expect(fonts.length).toBeGreaterThanOrEqual(2)
    for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+Source(Serif4|Sans3)-\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/)
  })

  it('sets text that reads back word for word, with furniture', async () => {
    const text = poppler('pdftotext', await sample('standard')).replace(/-\n/g, '').replace(/\s+/g, ' ')
    expect(text).toContain('Trotsky played a key role in the Bolshevik party')
    expect(text).toContain('page 1 of 1')
  })

  it('sets each word at its place with real spaces, tracked letters and OpenType features through pdfkit', async () => {
    const doc = createDocument({ title: 't', lang: 'en-GB', paper: 'A4', style: printStyles.standard })
    doc.addPage()
    const serif = { face: 'serif', size: 10.5 } as const
    const paragraph = layoutParagraph(
      [
        { text: 'Trotsky built the Red Army during the civil war, ', style: serif },
        { text: 'from a volunteer force ', style: { ...serif, face: 'serif-italic' } },
        { text: 'into a conscript army of five million, with ', style: serif },
        { text: 'tracked letters', style: { face: 'sans', size: 9, tracking: 0.012 } },
        { text: ' and superior figures', style: serif },
        { text: '12', style: { ...serif, features: ['sups'] } },
        { text: ' set by pdfkit itself.', style: serif },
      ],
      { width: 200, leading: 14, align: 'justify', hyphenate: true, lang: 'en-GB' },
    )
    expect(paragraph.lines.length).toBeGreaterThan(3)
    drawParagraph(doc, paragraph, { x: 72, y: 72 })
    const bytes = await toBytes(doc)
    const raw = Buffer.from(bytes).toString('latin1')
    const inflate = (data: string) => {
      try {
        return inflateSync(Buffer.from(data, 'latin1')).toString('latin1')
      } catch {
        return data // not compressed (the XMP packet)
      }
    }
    const streams = [...raw.matchAll(/stream\n([\s\S]*?)\nendstream/g)].map((match) => inflate(match[1]!))
    const content = streams.find((stream) => stream.includes(' TJ'))!
    // Tracking is character spacing; every justified line but the last is stretched or shrunk a little by Tz.
    expect(content).toMatch(/^[\d.]+ Tc$/m)
    expect(content).toMatch(/^\d+(\.\d+)? Tz$/m)
    const text = poppler('pdftotext', bytes).replace(/-\n/g, '').replace(/\s+/g, ' ')
    expect(text).toContain('Trotsky built the Red Army during the civil war, from a volunteer force into a conscript army of five million')
    expect(text).toContain('tracked letters and superior figures12 set by pdfkit itself.')
  })

  it('keeps every character extractable across documents built in one process', async () => {
    // Regression: with one parsed font shared by documents, subsetting “ cached its component ‘ without a
    // code point, and the next PDF's text lost every ‘.
    const make = async (text: string) => {
      const doc = createDocument({ title: 't', lang: 'en-GB', paper: 'A4', style: printStyles.standard })
      doc.addPage()
      doc.font('serif').fontSize(12).text(text, 50, 50, { lineBreak: false })
      return toBytes(doc)
    }
    await make('“Double” quotes and don’t')
    expect(poppler('pdftotext', await make('‘Single’ quotes'))).toContain('‘Single’ quotes')
  })

  it('keeps the letters of ligatures and kerned pairs in the text, and draws each word as wide as it was measured', async () => {
    const words = 'The office’s affluent fifth floor, “AV” and To.'
    const doc = createDocument({ title: 't', lang: 'en-GB', paper: 'A4', style: printStyles.standard })
    doc.addPage()
    doc.font('serif').fontSize(12)
    for (const word of words.split(' ')) expect(doc.widthOfString(word)).toBeCloseTo(widthOf(word, 'serif', 12), 9)
    doc.text(words, 50, 50, { lineBreak: false })
    expect(poppler('pdftotext', await toBytes(doc))).toContain(words)
  })

  it('paints the accessible profile on cream and sets it in the sans', async () => {
    const bytes = await sample('accessible')
    expect(poppler('pdffonts', bytes)).toMatch(/SourceSans3-Regular/)
    expect(poppler('pdffonts', bytes)).not.toMatch(/SourceSerif4/)
    expect(cornerColour(bytes)).toEqual([0xfb, 0xf6, 0xe6])
    expect(cornerColour(await sample('standard'))).toEqual([255, 255, 255])
  })

  it('gives notes IDs and table headers a scope, as PDF/UA asks', async () => {
    const doc = createDocument({ title: 't', lang: 'en-GB', paper: 'A4', style: printStyles.standard })
    doc.addPage()
    const root = doc.struct('Document')
    doc.addStructure(root)
    const table = doc.struct('Table')
    const row = doc.struct('TR')
    const header = doc.struct('TH')
    root.add(table)
    table.add(row)
    row.add(header)
    scope(header, 'Column')
    header.add(doc.markStructureContent('TH'))
    doc.font('serif').fontSize(10).text('Date', 50, 50, { lineBreak: false })
    doc.endMarkedContent()
    const note = doc.struct('Note')
    root.add(note)
    identify(doc, note, 'note-0001')
    note.add(doc.markStructureContent('Note'))
    doc.text('A note.', 50, 70, { lineBreak: false })
    doc.endMarkedContent()
    for (const element of [header, row, table, note, root]) element.end()
    const struct = poppler('pdfinfo', await toBytes(doc), '-struct')
    expect(struct).toMatch(/Note <note-0001>/)
    expect(struct).toMatch(/TH:\s+\/Scope \/Column/)
  })

  it('dates the file from the essay, else SOURCE_DATE_EPOCH, never the clock', () => {
    expect(documentDate('2026-11-01').toISOString()).toBe('2026-11-01T00:00:00.000Z')
    expect(documentDate(undefined, { SOURCE_DATE_EPOCH: '1700000000' }).toISOString()).toBe('2023-11-14T22:13:20.000Z')
    expect(documentDate(undefined, {}).getTime()).toBe(0)
  })
})

describe('print styles', () => {
  it('accessible follows the BDA style guide: sans ≥ 12 pt, 1.5 leading, left-aligned, cream, bold for emphasis', () => {
    const { accessible, standard } = printStyles
    expect(accessible.text.regular).toMatch(/^sans/)
    expect(accessible.size).toBeGreaterThanOrEqual(12)
    expect(accessible.leading).toBe(1.5)
    expect(accessible.align).toBe('left')
    expect(accessible.hyphenate).toBe(false)
    expect(Object.values(accessible.text).some((face) => face.includes('italic'))).toBe(false)
    expect(accessible.text.em).toMatch(/bold/)
    expect(accessible.background).toMatch(/^#f/)
    expect(standard.align).toBe('justify')
    expect(standard.text.em).toBe('serif-italic')
    expect(Object.isFrozen(accessible)).toBe(true)
  })
})

describe('glyphs', () => {
  it('sets a character its face lacks in the companion face, a pictograph in Noto Emoji, and leaves out one no face has', () => {
    const { pieces, missing } = resolveGlyphs([{ text: 'Ǝ Троцкий 漢 wins 🕯️', style: { face: 'serif', size: 10 } }])
    expect(missing).toEqual(['漢'])
    expect(pieces.map((p) => p.text).join('')).toBe('Ǝ Троцкий  wins 🕯️')
    expect(pieces.find((p) => p.text.includes('Ǝ'))!.style.face).toBe('sans')
    expect(pieces.find((p) => p.text.includes('🕯'))!.style.face).toBe('emoji')
    expect(pieces.some((p) => p.text.includes('U+'))).toBe(false)
  })

  it('drops a variation selector its face lacks instead of reporting it', () => {
    const { pieces, missing } = resolveGlyphs([{ text: 'Red\ufe0e Army', style: { face: 'serif', size: 10 } }])
    expect(missing).toEqual([])
    expect(pieces.map((p) => p.text).join('')).toBe('Red Army')
  })

  it('leaves drawable text alone', () => {
    const pieces = [{ text: 'Trotsky’s “Red Army” — 1917–1940', style: { face: 'serif', size: 10 } } as const]
    expect(resolveGlyphs(pieces).pieces[0]).toBe(pieces[0])
  })

  it('draws the fallback face into the PDF, where its text reads back', async () => {
    const doc = createDocument({ title: 't', lang: 'en-GB', paper: 'A4', style: printStyles.standard })
    doc.addPage()
    const { pieces } = resolveGlyphs([{ text: 'A candle 🕯 burns', style: { face: 'serif', size: 12 } }])
    drawParagraph(doc, layoutParagraph(pieces, { width: 300, leading: 16, align: 'left', hyphenate: false }), { x: 72, y: 72 })
    const bytes = await toBytes(doc)
    expect(poppler('pdffonts', bytes)).toMatch(/NotoEmoji/)
    expect(poppler('pdftotext', bytes)).toContain('🕯')
  })
})

describe('furniture', () => {
  it('shortens a long running header at a word, with an ellipsis', () => {
    const header = truncate('How significant was Leon Trotsky to the Bolsheviks’ rise to and hold on power in the years 1917–1940?', 'sans', 8, 200)
    expect(header).toMatch(/…$/)
    expect(header.length).toBeLessThan(80)
    expect(truncate('Short', 'sans', 8, 200)).toBe('Short')
  })
})
