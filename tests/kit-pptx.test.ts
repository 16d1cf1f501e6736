/**
 * slides.pptx as a teacher opens it: one slide per deck slide, the essay's prose in the notes of every
 * slide, bullets as real paragraphs of one text box, the theme's fonts and colours, and the same bytes
 * every time. LibreOffice Impress renders it page for page with no text off a slide.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseEssay, type Essay } from '@lectern/content'
import { compiledEssays, loadEssay } from '@lectern/content/essays'
import { compile, deckOf, type CompileOptions } from '@lectern/slides'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { convertToPdf, officeTestsRun } from './helpers/office.js'

const folder = mkdtempSync(join(tmpdir(), 'lectern-pptx-'))

function fixtureEssay(path: string, slug: string): Essay {
  const { essay, file } = parseEssay(path, readFileSync(path), { slug })
  if (!essay) throw new Error(`${path} does not parse: ${file.messages.map(String).join('; ')}`)
  return essay
}

interface Case {
  readonly name: string
  readonly essay: () => Essay
  readonly options?: CompileOptions
}

const cases: Case[] = [
  ...compiledEssays().map(({ slug }) => ({ name: slug, essay: () => loadEssay(slug) })),
  { name: 'long', essay: () => fixtureEssay(new URL('./fixtures/long/essay.md', import.meta.url).pathname, 'long') },
  // A PNG chart and an SVG diagram on image slides.
  { name: 'images', essay: () => fixtureEssay(new URL('../apps/slides/test/fixtures/images/essay.md', import.meta.url).pathname, 'images') },
  { name: 'trotsky, accessible, gaia, 4:3', essay: () => loadEssay('trotsky'), options: { profile: 'accessible', theme: 'gaia', size: '4:3' } },
]

async function pptxOf(essay: Essay, options: CompileOptions = {}): Promise<Uint8Array> {
  const file = (await compile(essay, options)).files.find((f) => f.name === 'slides.pptx')
  expect(file, 'compile returns slides.pptx').toBeDefined()
  return file!.data as Uint8Array
}

const slideNumber = (name: string) => Number(/(\d+)\.xml$/.exec(name)![1])
const texts = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]!)
const paragraphs = (xml: string) => [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((m) => m[1]!)
const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

describe.each(cases)('slides.pptx of $name', ({ essay: load, options, name }) => {
  it('has one slide per deck slide, each with the notes of its deck slide, bullets as paragraphs, in the theme', async () => {
    const essay = load()
    const deck = deckOf(essay, options)
    const zip = await JSZip.loadAsync(await pptxOf(essay, options))
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort((a, b) => slideNumber(a) - slideNumber(b))
    expect(slides).toHaveLength(deck.slides.length)
    const notes = Object.keys(zip.files).filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))
    expect(notes).toHaveLength(deck.slides.length)
    for (const [i, slide] of deck.slides.entries()) {
      const xml = await zip.file(slides[i]!)!.async('string')
      const shown = decode(texts(xml).join(''))
      // The heading is the slide's, and one paragraph carries one bullet with all its words.
      expect(shown, `slide ${i + 1}`).toContain(slide.heading)
      for (const p of paragraphs(xml)) expect(p.match(/<a:pPr\b/g)?.length ?? 0, `slide ${i + 1}: one set of paragraph properties`).toBeLessThanOrEqual(1)
      if (slide.kind === 'point') {
        const bulleted = paragraphs(xml).filter((p) => p.includes('<a:buChar'))
        expect(bulleted, `slide ${i + 1}: a paragraph per bullet`).toHaveLength(slide.bullets.length)
        bulleted.forEach((p, b) => expect(decode(texts(p).join(''))).toBe(slide.bullets[b]!.map((s) => s.text).join('').replace(/\s+/g, ' ')))
      }
      if (slide.kind === 'evidence' && slide.source) expect(shown).toContain(slide.source)
      if (slide.kind === 'timeline' || slide.kind === 'terms') for (const entry of slide.entries) expect(shown).toContain(entry.label)
      expect(xml, 'theme font').toMatch(/typeface="Source (Sans 3|Serif 4)"/)
      expect(xml).toContain('<a:normAutofit/>')
      if (slide.completed) expect(shown).toContain('completed by the Lectern editors')
      // Notes: the slide's relationship names its own notes page, and that page holds the deck's notes.
      const rels = await zip.file(slides[i]!.replace('slides/', 'slides/_rels/').replace('.xml', '.xml.rels'))!.async('string')
      const target = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)![1]!
      const said = decode(texts(await zip.file(`ppt/notesSlides/${target}`)!.async('string')).join(' '))
      expect(said.trim().length, `slide ${i + 1} has notes`).toBeGreaterThan(0)
      const first = slide.notes[0]
      if (first) expect(said.replace(/\s+/g, ' ')).toContain(first.replace(/\s+/g, ' ').slice(0, 60))
    }
    const background = { lectern: 'FBFAF6', gaia: 'FFF8E1', default: 'FFFFFF', uncover: 'FDFCFF' }[deck.settings.theme]
    expect(await zip.file(slides[0]!)!.async('string')).toContain(`<a:srgbClr val="${background}"`)
  })

  it('gives the same bytes for the same essay', async () => {
    const essay = load()
    const [a, b] = [await pptxOf(essay, options), await pptxOf(essay, options)]
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
    const zip = await JSZip.loadAsync(a)
    const core = await zip.file('docProps/core.xml')!.async('string')
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${essay.meta.date ?? '2000-01-01'}T00:00:00Z</dcterms:created>`)
  })

  it.skipIf(!officeTestsRun)('renders in LibreOffice Impress page for page, with no text off a slide', async () => {
    const essay = load()
    const deck = deckOf(essay, options)
    const file = join(folder, `${name.replace(/\W+/g, '-')}.pptx`)
    writeFileSync(file, await pptxOf(essay, options))
    const pdf = convertToPdf(file, folder)
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(deck.slides.length)
    const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
    const pages = [...bbox.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)]
    expect(pages).toHaveLength(deck.slides.length)
    for (const [i, [, width, height, body]] of pages.entries()) {
      const words = [...body!.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)]
      expect(words.length, `page ${i + 1} has text`).toBeGreaterThan(0)
      for (const [, x0, y0, x1, y1, word] of words) {
        const inside = Number(x0) >= 0 && Number(y0) >= 0 && Number(x1) <= Number(width) + 0.5 && Number(y1) <= Number(height) + 0.5
        expect(inside, `page ${i + 1}: “${word}” at ${x0},${y0}–${x1},${y1} lies on the slide`).toBe(true)
      }
      // Page for page: the page shows its slide's heading. Read without spaces: pdftotext splits an
      // accessible deck's letter-spaced words into letters ("L e o n"), as it does any wide spacing.
      const firstWord = deck.slides[i]!.heading.split(/\s+/)[0]!
      expect(words.map((w) => decode(w[5]!)).join(''), `page ${i + 1}`).toContain(firstWord)
    }
  })
})
