import { describe, expect, it } from 'vitest'
import { plan } from '../src/lib/plan/plan.js'
import { textOf, type Slide } from '../src/lib/slide.js'
import { contentEssay, fixture } from './helpers.js'

const kinds = (slides: Slide[]) => slides.map((slide) => slide.kind)

describe('plan', () => {
  it('builds the lesson in order: title, thesis, roadmap, point and evidence per theme, timeline, terms, judgement, discussion', () => {
    expect(kinds(plan(fixture('minimal')))).toEqual(['title', 'thesis', 'roadmap', 'point', 'evidence', 'point', 'timeline', 'terms', 'judgement', 'discussion'])
  })

  it('puts the title, question and byline on the title slide', () => {
    const title = plan(fixture('minimal'))[0]!
    expect(title).toMatchObject({ kind: 'title', heading: 'A minimal essay', question: 'Was it worth it?', byline: 'T. Tester · 2 January 2026' })
  })

  it('leads a point slide with the point, then the analysis, at most four bullets', () => {
    const point = plan(fixture('minimal')).find((slide) => slide.kind === 'point')!
    if (point.kind !== 'point') throw new Error('not a point slide')
    expect(point.heading).toBe('Costs')
    expect(point.bullets.map(textOf)).toEqual(['The costs were high.', 'The witness shows how high the price felt.'])
    for (const slide of plan(contentEssay('trotsky'))) if (slide.kind === 'point') expect(slide.bullets.length).toBeLessThanOrEqual(4)
  })

  it('gives each theme an evidence slide with the key quotation and its source', () => {
    const evidence = plan(fixture('minimal')).find((slide) => slide.kind === 'evidence')!
    expect(evidence).toMatchObject({ kind: 'evidence', heading: 'Costs', source: 'A Witness, Diary, 1918' })
    if (evidence.kind === 'evidence') expect(textOf(evidence.quote)).toBe('We paid dearly for every yard.')
    const trotsky = plan(contentEssay('trotsky'))
    const quotes = trotsky.filter((slide) => slide.kind === 'evidence')
    expect(quotes).toHaveLength(5)
    // The October Revolution: the key quotation is the marked “dustbin of history”, not the inline one.
    expect(quotes[0]!.kind === 'evidence' && textOf(quotes[0]!.quote)).toMatch(/dustbin of history/)
  })

  it('carries the essay’s full prose in the speaker notes', () => {
    const essay = contentEssay('trotsky')
    const notes = plan(essay).flatMap((slide) => slide.notes).join('\n')
    for (const part of [essay.introduction, ...essay.sections, essay.conclusion]) {
      for (const block of part.body) {
        if (block.type === 'paragraph') expect(notes).toContain(block.text.replace(/\s+/g, ' ').trim())
      }
    }
    expect(notes).toContain('[Completed by the editors]')
  })

  it('marks slides whose words the editors wrote', () => {
    const slides = plan(contentEssay('trotsky'))
    const point = (heading: string) => slides.find((slide) => slide.kind === 'point' && slide.heading === heading)!
    expect(point('The Brest-Litovsk negotiations').completed).toBe(true)
    expect(slides[0]!.completed).toBe(false)
  })

  it('orders the timeline by date and lists every key term', () => {
    const essay = contentEssay('trotsky')
    const slides = plan(essay)
    const timeline = slides.find((slide) => slide.kind === 'timeline')!
    if (timeline.kind !== 'timeline') throw new Error('no timeline')
    expect(timeline.entries.map((entry) => entry.label)).toEqual(essay.events.map((event) => event.label))
    const terms = slides.find((slide) => slide.kind === 'terms')!
    if (terms.kind !== 'terms') throw new Error('no terms')
    expect(terms.entries).toHaveLength(essay.terms.length)
  })

  it('shows an event the essay dates twice once on the timeline', () => {
    const essay = fixture('minimal')
    const twice = { ...essay, events: [...essay.events, { ...essay.events[0]!, id: 'again' }] }
    const timeline = plan(twice).find((slide) => slide.kind === 'timeline')!
    expect(timeline.kind === 'timeline' && timeline.entries).toHaveLength(essay.events.length)
  })

  it('plans a plain Markdown essay with everything inferred', () => {
    const slides = plan(contentEssay('continental-drift'))
    expect(slides.filter((slide) => slide.kind === 'point').length).toBeGreaterThanOrEqual(3)
    for (const slide of slides) if (slide.kind === 'point') expect(slide.bullets.length).toBeGreaterThanOrEqual(1)
    expect(slides.at(-1)!.kind).toBe('discussion')
  })

  it('shows figures from the introduction and conclusion too, and lists no themes when there are none', () => {
    const essay = fixture('images')
    const introFigure = essay.sections.flatMap((section) => section.body).find((block) => block.type === 'image')!
    const short = { ...essay, sections: [], introduction: { ...essay.introduction, body: [...essay.introduction.body, introFigure] }, conclusion: { ...essay.conclusion, body: [introFigure] } }
    const slides = plan(short)
    expect(kinds(slides)).not.toContain('roadmap')
    expect(slides.filter((slide) => slide.kind === 'image').map((slide) => slide.heading)).toEqual(
      expect.arrayContaining([essay.introduction.heading, essay.conclusion.heading]),
    )
  })

  it('ends on the discussion question from the front matter', () => {
    const essay = contentEssay('frankenstein')
    const last = plan(essay).at(-1)!
    expect(last.kind === 'discussion' && textOf(last.statement)).toBe(essay.meta.discussion)
  })
})

