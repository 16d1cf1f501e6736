/**
 * slides.pdf as the build prints it: one Chromium for several decks, a page per slide, an outline from
 * the slide headings, the bundled fonts embedded, the same bytes every time.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Essay } from '@lectern/content'
import { loadEssay } from '@lectern/content/essays'
import { compile, deckOf, openPdfPrinter, type PdfPrinter } from '@lectern/slides'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserTestsRun } from './helpers/browser.js'

const folder = mkdtempSync(join(tmpdir(), 'lectern-slides-pdf-'))

async function printed(printer: PdfPrinter, slug: string, essay: Essay = loadEssay(slug)): Promise<{ pdf: Uint8Array; file: string; slides: number; headings: string[] }> {
  const compiled = await compile(essay)
  const html = compiled.files.find((file) => file.name === 'slides.html')!.data as string
  const pdf = await printer.print(html, essay)
  const file = join(folder, `${slug}.pdf`)
  writeFileSync(file, pdf)
  const deck = deckOf(essay)
  return { pdf, file, slides: deck.slides.length, headings: deck.slides.map((slide) => slide.heading) }
}

interface OutlineItem {
  title: string
  items: OutlineItem[]
}

/** The font names in `pdffonts`' table. */
const fontNames = (table: string): string[] => table.split('\n').slice(2).map((line) => line.split(/\s+/)[0]!).filter(Boolean)

const titles = (items: OutlineItem[]): string[] => items.flatMap((item) => [item.title, ...titles(item.items)])

describe.skipIf(!browserTestsRun)('slides.pdf', () => {
  let printer: PdfPrinter

  beforeAll(async () => {
    const opened = await openPdfPrinter()
    if (!opened) throw new Error('No Chromium for the PDF printer')
    printer = opened
  }, 180_000)

  afterAll(async () => {
    await printer?.close()
  })

  it('prints every slide of two decks with one browser, with an outline of the headings', async () => {
    for (const slug of ['trotsky', 'frankenstein']) {
      const { pdf, slides, headings } = await printed(printer, slug)
      const document = await getDocument({ data: pdf.slice(), useSystemFonts: false }).promise
      expect(document.numPages).toBe(slides)
      const outline = titles(((await document.getOutline()) ?? []) as OutlineItem[])
      expect(outline.length).toBeGreaterThanOrEqual(10)
      expect(outline).toContain(headings[0])
      expect(outline).toContain('Judgement')
      const { info } = (await document.getMetadata()) as { info: { Title?: string } }
      expect(info.Title).toBe(loadEssay(slug).meta.title)
      await document.destroy()
    }
  }, 180_000)

  it('embeds the bundled fonts, is tagged, and has the essay’s text', async () => {
    const { file } = await printed(printer, 'trotsky')
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
    expect(fonts).toMatch(/SourceSans3-Regular\s.*yes\s+yes/)
    expect(fonts).toMatch(/SourceSerif4-Italic\s.*yes\s+yes/)
    // Every glyph came from the deck's own fonts: none from a system font standing in.
    expect(fontNames(fonts).filter((name) => !/^[A-Z]{6}\+Source(Sans3|Serif4)-/.test(name))).toEqual([])
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(text).toMatch(/dustbin\s+of\s+history/)
    expect(text).toMatch(/1 \/ \d+/)
  }, 120_000)

  it('draws Cyrillic in the deck’s own fonts, cut for the deck', async () => {
    const trotsky = loadEssay('trotsky')
    const essay = { ...trotsky, meta: { ...trotsky.meta, title: 'Лев Троцкий и большевики, 1917–1940' } }
    const { file } = await printed(printer, 'trotsky-cyrillic', essay)
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
    expect(fontNames(fonts).filter((name) => !/^[A-Z]{6}\+Source(Sans3|Serif4)-/.test(name))).toEqual([])
    expect(execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' })).toContain('Лев Троцкий')
  }, 120_000)

  it('prints the same bytes twice, dated from the essay', async () => {
    const first = await printed(printer, 'frankenstein')
    const second = await printed(printer, 'frankenstein')
    expect(Buffer.from(second.pdf).equals(Buffer.from(first.pdf))).toBe(true)
    expect(execFileSync('pdfinfo', [first.file], { encoding: 'utf8' })).toMatch(/CreationDate:\s+Sun Nov\s+1 00:00:00 2026/)
  }, 120_000)
})

describe('without a browser', () => {
  it('says so once and prints nothing', async () => {
    const notices: string[] = []
    const printer = await openPdfPrinter({ env: {}, system: [], notice: (message) => notices.push(message) })
    expect(printer).toBeUndefined()
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatch(/no Chromium.*slides\.pdf is skipped/)
  })
})
