import { describe, expect, it } from 'vitest'
import { mergeIndex, readIndex, renderIndex } from '../src/lib/pipeline/index-page.js'

const trotsky = { slug: 'trotsky', title: 'Trotsky', question: 'How significant?', files: ['handout.pdf', 'slides.html', 'flashcards.tsv'] }
const frank = { slug: 'frankenstein', title: 'Frankenstein <& ambition>', question: 'How does Shelley…?', files: ['revision.pdf'] }

describe('the index page', () => {
  it('links every output of every essay, slides first, with escaped text', () => {
    const html = renderIndex([trotsky, frank])
    expect(html).toContain('<a href="trotsky/slides.html">Slides</a>')
    expect(html.indexOf('slides.html')).toBeLessThan(html.indexOf('handout.pdf'))
    expect(html).toContain('Frankenstein &#60;&#38; ambition&#62;')
    expect(html).not.toMatch(/(src|href)="https?:\/\//)
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
})
