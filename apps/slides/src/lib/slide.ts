/**
 * The deck as data: what `plan` makes from an Essay, what `fit` splits, what `render` writes as Marp
 * Markdown. Text stays as styled spans (never Markdown) until the render stage escapes it.
 */
import type { Position } from '@lectern/content'

/** A piece of inline text with its style; `completed` marks words the editors wrote. */
export interface Span {
  readonly text: string
  readonly em?: boolean
  readonly strong?: boolean
  readonly code?: boolean
  readonly href?: string
  readonly completed?: boolean
}

/** One line of a list slide: a label in bold (a date, a term) and what follows it. */
export interface Entry {
  readonly label: string
  readonly text: string
}

interface Base {
  /** The slide's heading, plain text. */
  readonly heading: string
  /** Speaker notes: paragraphs of plain prose. */
  readonly notes: readonly string[]
  /** Where the slide's content comes from in the essay, for diagnostics. */
  readonly place?: Position
  /** Some of the slide's words were written by the editors, not the author. */
  readonly completed: boolean
  /** 0 for the first slide of a run, 1… for its "(cont.)" slides. */
  readonly part: number
}

export interface TitleSlide extends Base {
  readonly kind: 'title'
  readonly question: string
  /** Author, subject, level, date, as one line. */
  readonly byline: string
}

/** A single sentence given the whole slide: the thesis, the judgement, the discussion question. */
export interface StatementSlide extends Base {
  readonly kind: 'thesis' | 'judgement' | 'discussion'
  readonly statement: readonly Span[]
}

export interface RoadmapSlide extends Base {
  readonly kind: 'roadmap'
  readonly items: readonly string[]
  /** Number of the first item, for continuation slides of a long roadmap. */
  readonly start: number
}

export interface PointSlide extends Base {
  readonly kind: 'point'
  /** Each bullet is one short sentence; the first is the section's point. */
  readonly bullets: readonly (readonly Span[])[]
}

export interface EvidenceSlide extends Base {
  readonly kind: 'evidence'
  readonly quote: readonly Span[]
  /** "Leon Trotsky, My Life (1930)" — who and where, as one line. */
  readonly source?: string
}

export interface ListSlide extends Base {
  readonly kind: 'timeline' | 'terms'
  readonly entries: readonly Entry[]
}

export interface ImageSlide extends Base {
  readonly kind: 'image'
  readonly alt: string
  readonly mime: string
  readonly base64: string
}

export type Slide = TitleSlide | StatementSlide | RoadmapSlide | PointSlide | EvidenceSlide | ListSlide | ImageSlide
export type SlideKind = Slide['kind']

/** The plain text of spans, for measuring and for notes. */
export function textOf(spans: readonly Span[]): string {
  return spans.map((span) => span.text).join('')
}
