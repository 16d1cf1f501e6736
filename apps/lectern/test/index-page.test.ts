import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseEssay, type Essay } from '@lectern/content'
import { compile as compileHandout } from '@lectern/handout'
import { compile as compileSlides } from '@lectern/slides'
import { mergeIndex, pdfPages, readIndex, renderIndex, slideCount, type IndexFacts } from '../src/lib/pipeline/index-page.js'

const trotsky = { slug: 'trotsky', title: 'Trotsky', question: 'How significant?', subject: 'History', level: 'A level', files: ['handout.pdf', 'slides.html', 'flashcards.tsv', 'flashcards-quizlet.tsv', 'slides-3up.pdf'] }
const frank = { slug: 'frankenstein', title: 'Frankenstein <& ambition>', question: 'How does Shelley…?', files: ['revision.pdf'] }

const essayPath = fileURLToPath(new URL('../../../content/trotsky/essay.md', import.meta.url))
const essay = (): Essay => parseEssay(essayPath, readFileSync(essayPath), { slug: 'trotsky' }).essay!
const file = (files: readonly { name: string; data: string | Uint8Array }[], name: string) => files.find((f) => f.name === name)!.data

describe('the index page', () => {
  it('links every output of every essay for download, slides first, with escaped text', () => {
    const html = renderIndex([trotsky, frank])
    expect(html).toContain('<a href="trotsky/slides.html" download>Slides</a>')
    expect(html.indexOf('slides.html')).toBeLessThan(html.indexOf('handout.pdf'))
    expect(html).toContain('Frankenstein &#60;&#38; ambition&#62;')
    expect(html).toContain('<p class="meta">History · A level</p>')
    expect(html).not.toMatch(/(src|href)="https?:\/\//)
    expect(html).toMatch(/<html lang="en-GB">/)
  })

  it('says where each file goes', () => {
    const html = renderIndex([trotsky])
    expect(html).toMatch(/Flashcards \(Anki\)<\/a><\/dt><dd>[^<]*create the deck first or pick it in the import dialog/)
    expect(html).toMatch(/Flashcards \(Quizlet\)<\/a><\/dt><dd>[^<]*Import and paste/)
    expect(html).toMatch(/Slide handout, 3 a page<\/a><\/dt><dd>Print double-sided/)
  })

  it('keeps its list inside, so a later build of one essay adds to it', () => {
    const first = renderIndex([trotsky])
    const merged = mergeIndex(readIndex(first), [frank, { ...trotsky, files: ['slides.html'] }])
    expect(merged.map((e) => e.slug)).toEqual(['frankenstein', 'trotsky'])
    expect(merged.find((e) => e.slug === 'trotsky')!.files).toEqual(['slides.html'])
    expect(readIndex(renderIndex(merged))).toEqual(merged)
  })

  it('reads nothing from a page that is not ours', () => {
    expect(readIndex('<html>hello</html>')).toEqual([])
    expect(readIndex(undefined)).toEqual([])
  })

  it('shows a real deck’s first slide, with its theme scoped to it, and counts slides and pages', async () => {
    const slides = await compileSlides(essay())
    const handout = await compileHandout(essay())
    const deck = String(file(slides.files, 'slides-student.html'))
    const pdf = file(handout.files, 'handout.pdf') as Uint8Array
    const facts = new Map<string, IndexFacts>([['trotsky', { deck, pages: { 'handout.pdf': pdfPages(pdf), 'slides-3up.pdf': 7 } }]])
    const html = renderIndex([trotsky, frank], facts)
    // One slide only, labelled for a screen reader, with none of the deck's script or ids.
    expect(html.match(/<svg data-marpit-svg/g)).toHaveLength(1)
    expect(html).toContain('role="img" aria-label="First slide of Trotsky"')
    expect(html).toContain('Leon Trotsky and the Bolsheviks')
    expect(html).not.toMatch(/<script(?! type="application\/json")/)
    expect(html).not.toContain('<section id=')
    // The deck's rules apply to the thumbnail only, and the page prints as a page, not as a slide.
    expect(html).toContain('div#thumb-1 > svg > foreignObject > section')
    expect(html).not.toContain('div#\\:\\$p')
    expect(html).not.toMatch(/@page\s*\{\s*size:\s*1280px/)
    expect(slideCount(deck)).toBeGreaterThan(10)
    expect(html).toContain(`${slideCount(deck)} slides, ${pdfPages(pdf)} pages of handout`)
    expect(html).toContain('Slide handout, 3 a page</a> <span class="pages">(7 pages)</span>')
    expect(renderIndex([trotsky, frank], facts)).toBe(html)
  }, 60_000)

  it('counts the pages of a PDF from its page objects, not its page tree', () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Pages /Count 2 /Kids [2 0 R 3 0 R]>>\n2 0 obj <</Type /Page>>\n3 0 obj <</Type/Page /Parent 1 0 R>>\n')
    expect(pdfPages(pdf)).toBe(2)
  })
})
