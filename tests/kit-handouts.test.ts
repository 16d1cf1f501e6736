/**
 * What the deck printer makes besides slides.pdf: the student deck (slides-student.html and its PDF)
 * with no speaker notes and no presenter view, and the slide handouts (slides-3up.pdf, slides-6up.pdf)
 * holding every slide, numbered, on the essay's paper, with ruled lines beside each slide of the 3-up.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseEssay, type Essay, type OutputFile } from '@lectern/content'
import { compiledEssays, loadEssay } from '@lectern/content/essays'
import { sentences } from '@lectern/content/text'
import { compile, deckOf, openPdfPrinter, printedOutputs, type PdfPrinter } from '@lectern/slides'
import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserTestsRun, launchBrowser } from './helpers/browser.js'

const folder = mkdtempSync(join(tmpdir(), 'lectern-kit-'))

function fixtureEssay(path: string, slug: string): Essay {
  const { essay, file } = parseEssay(path, readFileSync(path), { slug })
  if (!essay) throw new Error(`${path} does not parse: ${file.messages.map(String).join('; ')}`)
  return essay
}

const cases: { name: string; essay: () => Essay }[] = [
  ...compiledEssays().map(({ slug }) => ({ name: slug, essay: () => loadEssay(slug) })),
  { name: 'long', essay: () => fixtureEssay(new URL('./fixtures/long/essay.md', import.meta.url).pathname, 'long') },
  // The same essay on Letter paper.
  { name: 'trotsky on Letter', essay: () => ({ ...loadEssay('trotsky'), meta: { ...loadEssay('trotsky').meta, paper: 'Letter' as const } }) },
]

const text = (file: OutputFile | undefined) => (typeof file!.data === 'string' ? file!.data : new TextDecoder().decode(file!.data))
const pdfText = (file: string, page?: number) => execFileSync('pdftotext', [...(page ? ['-f', `${page}`, '-l', `${page}`] : []), '-layout', file, '-'], { encoding: 'utf8' })
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])
const pageSize = (file: string) => /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))!.slice(1).map(Number)
const squash = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '')

describe('slides-student.html', () => {
  it.each(cases)('$name: holds every slide and none of the notes, and no presenter view', async ({ essay: load }) => {
    const essay = load()
    const files = (await compile(essay)).files
    const student = text(files.find((f) => f.name === 'slides-student.html'))
    const deck = deckOf(essay)
    expect(student.match(/<section\b/g)).toHaveLength(deck.slides.length)
    expect(student).not.toMatch(/bespoke|presenter|data-marpit-notes|marp-note/i)
    // No paragraph of the notes is in the page: from each long paragraph of prose, a stretch across the
    // end of one sentence and the start of the next (a slide's bullet is at most one whole sentence, and
    // quotations, which the notes repeat, stand whole).
    const notes = deck.slides.flatMap((slide) => slide.notes).filter((note) => note.length > 320 && !/^\W*[“"‘]/.test(note))
    const stretches = notes.flatMap((note) => {
      const [first, second] = sentences(note).filter((s) => s.text.length > 40)
      return first && second && first.end <= second.start ? [`${first.text.slice(-40)}${note.slice(first.end, second.start)}${second.text.slice(0, 40)}`] : []
    })
    expect(stretches.length).toBeGreaterThan(0)
    const html = student.replace(/&amp;/g, '&').replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"')
    for (const stretch of stretches) expect(html).not.toContain(stretch)
    // The presenter's page still has them.
    expect(text(files.find((f) => f.name === 'slides.html'))).toContain('bespoke-marp-note')
  })
})

describe.skipIf(!browserTestsRun)('the printed deck: student PDF and slide handouts', () => {
  let printer: PdfPrinter
  let browser: BrowserContext

  beforeAll(async () => {
    const opened = await openPdfPrinter()
    if (!opened) throw new Error('No Chromium for the PDF printer')
    printer = opened
    browser = await launchBrowser({ width: 900, height: 700 })
  }, 180_000)

  afterAll(async () => {
    await printer?.close()
    await browser?.close()
  })

  it('shows the student deck slide under slide in a browser, fetching nothing', async () => {
    const essay = loadEssay('trotsky')
    const file = join(folder, 'student.html')
    writeFileSync(file, text((await compile(essay)).files.find((f) => f.name === 'slides-student.html')))
    const page = await browser.newPage()
    const requests: string[] = []
    page.on('request', (request) => {
      if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) requests.push(request.url())
    })
    await page.goto(pathToFileURL(file).href)
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    const boxes = await page.evaluate(() => [...document.querySelectorAll('svg[data-marpit-svg]')].map((svg) => svg.getBoundingClientRect().toJSON() as DOMRect))
    expect(boxes).toHaveLength(deckOf(essay).slides.length)
    for (const [i, box] of boxes.entries()) {
      expect(box.width).toBeGreaterThan(800)
      expect(box.right).toBeLessThanOrEqual(900)
      if (i > 0) expect(box.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom)
    }
    const fonts = await page.evaluate(() => getComputedStyle(document.querySelector('section h1')!).fontFamily)
    expect(fonts).toContain('Lectern Sans')
    expect(requests).toEqual([])
    await page.close()
  })

  it.each(cases)('$name: prints the student PDF a slide a page and handouts that hold every slide', async ({ essay: load, name }) => {
    const essay = load()
    const files = (await compile(essay)).files
    const printed = await printer.printAll(files, essay)
    expect(printed.map((f) => f.name)).toEqual([...printedOutputs])
    const deck = deckOf(essay)
    const n = deck.slides.length
    const paths = Object.fromEntries(
      printed.map((f) => {
        const path = join(folder, `${name.replace(/\W+/g, '-')}-${f.name}`)
        writeFileSync(path, f.data)
        return [f.name, path]
      }),
    )
    expect(pageCount(paths['slides-student.pdf']!)).toBe(n)
    const paper = essay.meta.paper === 'Letter' ? [612, 792] : [595.28, 841.89]
    for (const [file, perPage] of [['slides-3up.pdf', 3], ['slides-6up.pdf', 6]] as const) {
      const path = paths[file]!
      expect(pageCount(path), file).toBe(Math.ceil(n / perPage))
      expect(pageSize(path)[0]).toBeCloseTo(paper[0]!, 0)
      expect(pageSize(path)[1]).toBeCloseTo(paper[1]!, 0)
      // Every slide is on its page, numbered, and its heading is there as text (the slide is the deck's own page).
      for (const [i, slide] of deck.slides.entries()) {
        const onPage = pdfText(path, Math.floor(i / perPage) + 1)
        expect(onPage, `${file}: slide ${i + 1}`).toContain(`Slide ${i + 1}`)
        expect(squash(onPage), `${file}: slide ${i + 1}`).toContain(squash(slide.heading).slice(0, 20))
      }
      expect(pdfText(path, 1)).toContain(`Page 1 of ${Math.ceil(n / perPage)}`)
      expect(execFileSync('pdffonts', [path], { encoding: 'utf8' })).not.toMatch(/\bno\s+no\s+(yes|no)\s+\d+/)
    }
    // The same deck prints the same bytes.
    const again = await printer.printAll(files, essay)
    for (const [i, file] of again.entries()) expect(Buffer.from(file.data as Uint8Array).equals(Buffer.from(printed[i]!.data as Uint8Array)), file.name).toBe(true)
  })

  it('sets the handouts\' furniture at 12 pt or more under the accessible profile, the standard one smaller', async () => {
    const essay = loadEssay('frankenstein')
    const heights = async (profile: 'standard' | 'accessible') => {
      const printed = await printer.printAll((await compile(essay, { profile })).files, essay, { profile })
      const path = join(folder, `furniture-${profile}-3up.pdf`)
      writeFileSync(path, printed.find((f) => f.name === 'slides-3up.pdf')!.data)
      const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', path, '-'], { encoding: 'utf8' })
      // The number under each slide, and the page of pages at the foot.
      const height = (word: string) => [...bbox.matchAll(new RegExp(`yMin="([\\d.]+)" xMax="[\\d.]+" yMax="([\\d.]+)">${word}<`, 'g'))].map(([, y0, y1]) => Number(y1) - Number(y0))
      return { slide: height('Slide'), page: height('Page') }
    }
    const standard = await heights('standard')
    const accessible = await heights('accessible')
    expect(standard.slide.length).toBe(3)
    expect(accessible.slide.length).toBe(3)
    // A word's box is its face's height at its size: 9.5 and 10 pt against 12 pt.
    for (const h of accessible.slide) expect(h / standard.slide[0]!).toBeCloseTo(12 / 9.5, 1)
    expect(accessible.page[0]! / standard.page[0]!).toBeCloseTo(12 / 10, 1)
  })
})
