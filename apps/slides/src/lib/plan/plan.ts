/**
 * Essay → slide list, the way a teacher builds a lesson deck: title; thesis and a roadmap of the themes;
 * for each theme a point slide and an evidence slide; a timeline; key terms; the judgement; a question to
 * discuss. Pure: the essay decides everything, sizes are settled later by `fit`.
 */
import type { Essay, Evidence, Section, Statement } from '@lectern/content'
import { sentences } from '@lectern/content/text'
import type { ImageSlide, PointSlide, Slide, Span } from '../slide.js'
import { attribution, notesOf, oneLine, quoteNote } from './notes.js'
import { plainSpans, sliceSpans, spansOf, trimSpans } from './spans.js'

/** A point slide holds the point and at most three more bullets. */
export const maxBullets = 4

export function plan(essay: Essay): Slide[] {
  const { introduction, conclusion } = essay
  return [
    titleSlide(essay),
    thesisSlide(essay),
    // An essay of one or two paragraphs has no themes to list.
    ...(essay.sections.length > 0 ? [roadmapSlide(essay)] : []),
    ...imageSlides(introduction.body, introduction.heading),
    ...essay.sections.flatMap((section) => sectionSlides(section)),
    ...timelineSlides(essay),
    ...termSlides(essay),
    ...imageSlides(conclusion.body, conclusion.heading),
    judgementSlide(essay),
    discussionSlide(essay),
  ]
}

function titleSlide(essay: Essay): Slide {
  const { meta } = essay
  const byline = [meta.author, meta.subject, meta.level, meta.date ? longDate(meta.date) : undefined].filter(Boolean).join(' · ')
  const notes = [`Question: ${oneLine(meta.question)}`]
  if (meta.completed) notes.push(`About this essay: ${oneLine(meta.completed)}`)
  // An essay that asks no question gets its title as the question: say it once.
  const question = meta.question.trim() === meta.title.trim() ? '' : oneLine(meta.question)
  return { kind: 'title', heading: oneLine(meta.title), question, byline, notes, completed: false, part: 0 }
}

function thesisSlide(essay: Essay): Slide {
  const { thesis } = essay.introduction
  return {
    kind: 'thesis',
    heading: 'Thesis',
    statement: spansOf(thesis.runs),
    notes: notesOf(essay.introduction.body),
    place: thesis.position,
    completed: thesis.completed,
    part: 0,
  }
}

function roadmapSlide(essay: Essay): Slide {
  return {
    kind: 'roadmap',
    heading: essay.sections.length === 1 ? 'The theme' : `The argument in ${essay.sections.length} themes`,
    items: essay.sections.map((section) => oneLine(section.heading)),
    start: 1,
    notes: essay.sections.map((section, i) => `${i + 1}. ${oneLine(section.heading)}: ${oneLine(section.point.text)}`),
    completed: false,
    part: 0,
  }
}

function sectionSlides(section: Section): Slide[] {
  const slides: Slide[] = [pointSlide(section)]
  const evidence = keyEvidence(section.evidence)
  if (evidence) slides.push(evidenceSlide(section, evidence))
  return [...slides, ...imageSlides(section.body, section.heading)]
}

/** Every figure of a part on a slide of its own, under the part's heading. */
function imageSlides(body: Section['body'], heading: string): ImageSlide[] {
  return body.flatMap((block): ImageSlide[] =>
    block.type !== 'image'
      ? []
      : [
          {
            kind: 'image',
            heading: oneLine(heading),
            alt: oneLine(block.alt),
            mime: block.mime,
            base64: block.base64,
            notes: [`Image: ${oneLine(block.alt) || 'no description given'}`],
            place: block.position,
            completed: block.completed,
            part: 0,
          },
        ],
  )
}

/**
 * The point first, then the section's analysis; when the author marked little, the opening sentence of
 * each further paragraph stands in. Whole sentences: `fit` says them in a clause of theirs when the slide is full.
 */
export function bulletsOf(section: Section): Span[][] {
  const bullets: Span[][] = []
  const seen = new Set<string>()
  const add = (spans: Span[]) => {
    const key = spans.map((s) => s.text).join('').trim()
    if (key === '' || seen.has(key) || bullets.length >= maxBullets) return
    seen.add(key)
    bullets.push(spans)
  }
  add(spansOf(section.point.runs))
  for (const statement of section.analysis) add(spansOf(statement.runs))
  const paragraphs = section.body.filter((block) => block.type === 'paragraph')
  for (const paragraph of paragraphs.slice(1)) {
    const first = sentences(paragraph.text)[0]
    if (first) add(trimSpans(sliceSpans(spansOf(paragraph.runs), first.start, first.end)))
  }
  for (const block of section.body) {
    if (block.type === 'list') for (const item of block.items) add(spansOf(item.runs))
  }
  return bullets
}

function pointSlide(section: Section): PointSlide {
  const bullets = bulletsOf(section)
  return {
    kind: 'point',
    heading: oneLine(section.heading),
    bullets,
    notes: notesOf(section.body),
    place: section.point.position,
    completed: section.completed || section.point.completed || bullets.some((b) => b.some((s) => s.completed)),
    part: 0,
  }
}

/** The quotation a teacher would put up: one marked key, else a block quotation, else one with a source. */
export function keyEvidence(evidence: readonly Evidence[]): Evidence | undefined {
  const shown = evidence.filter((e) => e.text.trim() !== '')
  const printed = shown.filter((e) => e.display !== 'declared')
  return (
    printed.find((e) => e.key) ??
    printed.find((e) => e.display === 'block') ??
    printed.find((e) => e.source ?? e.by) ??
    printed[0] ??
    shown[0]
  )
}

function evidenceSlide(section: Section, evidence: Evidence): Slide {
  const source = attribution(evidence)
  const index = section.body.findIndex((block) => block.type === 'evidence' && block.evidence.id === evidence.id)
  const after = index >= 0 ? section.body.slice(index + 1, index + 2) : []
  const others = section.evidence.filter((e) => e.id !== evidence.id)
  return {
    kind: 'evidence',
    heading: oneLine(section.heading),
    quote: stripQuotes(spansOf(evidence.runs)),
    ...(source ? { source } : {}),
    notes: [
      quoteNote(evidence),
      ...notesOf(after),
      ...(others.length > 0 ? [`Other evidence in this section:\n${others.map((e) => `• ${quoteNote(e)}`).join('\n')}`] : []),
    ],
    place: evidence.position,
    completed: evidence.completed,
    part: 0,
  }
}

/** Inline quotations arrive with their quotation marks; the slide sets its own. */
function stripQuotes(spans: Span[]): Span[] {
  const text = spans.map((s) => s.text).join('')
  const match = /^\s*[‘“"']([\s\S]*)[’”"']\s*([.,;:!?]?)\s*$/u.exec(text)
  if (!match || /[‘“"]/u.test(match[1]!)) return spans
  const start = text.indexOf(match[1]!)
  return trimSpans(sliceSpans(spans, start, start + match[1]!.length))
}

function timelineSlides(essay: Essay): Slide[] {
  // An event the essay dates twice (in the introduction and again in its section) is shown once.
  const seen = new Set<string>()
  const events = essay.events.filter((event) => {
    const key = `${oneLine(event.label)}\u0000${oneLine(event.event)}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  if (events.length === 0) return []
  return [
    {
      kind: 'timeline',
      heading: 'Timeline',
      entries: events.map((event) => ({ label: oneLine(event.label), text: oneLine(event.event) })),
      notes: events.map((event) => `${oneLine(event.label)}: ${oneLine(event.event)}`),
      completed: events.some((event) => event.completed),
      part: 0,
    },
  ]
}

function termSlides(essay: Essay): Slide[] {
  if (essay.terms.length === 0) return []
  return [
    {
      kind: 'terms',
      heading: 'Key terms',
      entries: essay.terms.map((term) => ({ label: oneLine(term.term), text: oneLine(term.definition) })),
      notes: essay.terms.map((term) => `${oneLine(term.term)}: ${oneLine(term.definition)}`),
      completed: false,
      part: 0,
    },
  ]
}

function judgementSlide(essay: Essay): Slide {
  const { judgement } = essay.conclusion
  return statementSlide('judgement', 'Judgement', judgement, notesOf(essay.conclusion.body))
}

function discussionSlide(essay: Essay): Slide {
  const { meta } = essay
  return {
    kind: 'discussion',
    heading: 'Discussion',
    statement: plainSpans(meta.discussion),
    notes: [
      `Discuss: ${oneLine(meta.discussion)}`,
      `The essay's thesis: ${oneLine(essay.introduction.thesis.text)}`,
      `Its judgement: ${oneLine(essay.conclusion.judgement.text)}`,
    ],
    completed: false,
    part: 0,
  }
}

function statementSlide(kind: 'thesis' | 'judgement', heading: string, statement: Statement, notes: string[]): Slide {
  return { kind, heading, statement: spansOf(statement.runs), notes, place: statement.position, completed: statement.completed, part: 0 }
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** `2026-11-01` → `1 November 2026`, without Intl so every machine writes the same bytes. */
export function longDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number)
  return `${day} ${months[(month ?? 1) - 1]} ${year}`
}
