/**
 * slides.pdf as the build prints it: one Chromium for several decks, a page per slide, an outline from
 * the slide headings, the bundled fonts embedded, the same bytes every time.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadEssay } from '@lectern/content/essays'
import { compile, deckOf, openPdfPrinter, type PdfPrinter } from '@lectern/slides'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserTestsRun } from './helpers/browser.js'

const folder = mkdtempSync(join(tmpdir(), 'lectern-slides-pdf-'))

async function printed(printer: PdfPrinter, slug: string): Promise<{ pdf: Uint8Array; file: string; slides: number; headings: string[] }> {
  const essay = loadEssay(slug)
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

const titles = (items: OutlineItem[]): string[] => items.flatMap((item) => [item.title, ...titles(item.items)])

describe.skipIf(!browserTestsRun)('slides.pdf', () => {
  let printer: PdfPrinter

  beforeAll(async () => {
    const opened = await openPdfPrinter()
    if (!opened) throw new Error('No Chromium for the PDF printer')
    printer = opened
  }, 60_000)

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
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(text).toMatch(/dustbin\s+of\s+history/)
    expect(text).toMatch(/1 \/ \d+/)
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
