/**
 * Make every slide fit its box. Marp only scales headings (marp-core #128), so Lectern settles sizes at
 * build time: each slide's text is measured with the bundled fonts against the layout's content box;
 * a slide that is too full first gets smaller type, then shorter bullets (whole clauses of the author's
 * sentence, never one cut off with an ellipsis), and then is split into "(cont.)" slides. Nothing is
 * lost: what a slide cannot show stays in the speaker notes.
 */
import type { Diagnostic } from '@lectern/content'
import { gists, sentences } from '@lectern/content/text'
import type { Entry, EvidenceSlide, ListSlide, PointSlide, RoadmapSlide, Slide, Span, StatementSlide, TitleSlide } from '../slide.js'
import { clip, plainSpans, shorten, sliceSpans, trimSpans } from '../plan/spans.js'
import { contentBox, type Layout, type TextStyle } from './layout.js'
import { lineCount, lineHeight, textHeight } from './measure.js'

/** A slide with its sizes chosen: indexes into the layout's lists of falling sizes. */
export interface Sized {
  /** Index into `layout.heading`. */
  readonly headingSize: number
  /** Index into the slide kind's sizes (`title`, `statement`, `quote`), 0 when it has one size. */
  readonly textSize: number
}
export type Fitted = Slide & Sized

export interface FitResult {
  readonly slides: Fitted[]
  readonly diagnostics: Diagnostic[]
}

/** Headings may take two lines; a longer one gets smaller type, and at the smallest is clipped. */
const maxHeadingLines = 2
/** Bullets are first said in at most this many words, and fewer when the slide is too full (see `shorten`). */
const bulletWords = [20, 16, 12] as const
/** Height kept free of the box, for differences between fontkit and the browser's rasteriser. */
const heightSlack = 0.97

export const continued = ' (cont.)'

export function fit(slides: readonly Slide[], layout: Layout): FitResult {
  const diagnostics: Diagnostic[] = []
  const out: Fitted[] = []
  const context: Context = { layout, box: contentBox(layout), diagnostics }
  for (const slide of slides) out.push(...fitSlide(slide, context))
  return { slides: out, diagnostics }
}

interface Context {
  readonly layout: Layout
  readonly box: { readonly width: number; readonly height: number }
  readonly diagnostics: Diagnostic[]
}

function fitSlide(slide: Slide, context: Context): Fitted[] {
  switch (slide.kind) {
    case 'title':
      return [fitTitle(slide, context)]
    case 'thesis':
    case 'judgement':
    case 'discussion':
      return fitStatement(slide, context)
    case 'roadmap':
      return fitRoadmap(slide, context)
    case 'point':
      return fitPoint(slide, context)
    case 'evidence':
      return fitEvidence(slide, context)
    case 'timeline':
    case 'terms':
      return fitEntries(slide, context)
    case 'image': {
      const heading = fitHeading(slide.heading, slide, context)
      return [{ ...slide, heading: heading.text, headingSize: heading.size, textSize: 0 }]
    }
  }
}

// ── Headings ─────────────────────────────────────────────────────────────────

interface HeadingFit {
  readonly text: string
  readonly size: number
  /** Height including the gap below it. */
  readonly height: number
}

/** The largest heading size at which the heading (with " (cont.)" when asked) takes at most two lines. */
function fitHeading(heading: string, slide: Slide, context: Context, cont = false): HeadingFit {
  const { layout, box } = context
  const suffix = cont ? continued : ''
  for (const [size, style] of layout.heading.entries()) {
    const lines = lineCount(plainSpans(heading + suffix), style, box.width)
    if (lines <= maxHeadingLines) return { text: heading, size, height: lines * lineHeight(style) + layout.gap }
  }
  const size = layout.heading.length - 1
  const style = layout.heading[size]!
  const lines = (text: string) => lineCount(plainSpans(text + suffix), style, box.width)
  // Too long at the smallest size: say it as a whole clause of itself that fits, never cut it.
  const shorter = gists(heading).slice(1).map((gist) => gist.text.charAt(0).toUpperCase() + gist.text.slice(1).replace(/[.,;:!?]+$/u, ''))
  const clause = shorter.find((text) => lines(text) <= maxHeadingLines)
  if (clause !== undefined) {
    drop(context, slide, `The heading “${clip(heading, 60)}” is too long for a slide and is said shorter there; the notes keep it whole.`)
    return { text: clause, size, height: lines(clause) * lineHeight(style) + context.layout.gap }
  }
  // No clause fits: a few more lines of heading, and the body below it is fitted to what is left.
  if (lines(heading) <= maxHeadingLines + 2) return { text: heading, size, height: lines(heading) * lineHeight(style) + context.layout.gap }
  // A heading of hundreds of words (hostile input) is the one thing still shortened with an ellipsis.
  let text = heading
  for (let chars = heading.length - 1; chars > 8; chars -= 4) {
    text = clip(heading, chars)
    if (lines(text) <= maxHeadingLines) break
  }
  drop(context, slide, `The heading “${clip(heading, 60)}” is too long for a slide and is shortened there; the notes keep it whole.`)
  return { text, size, height: maxHeadingLines * lineHeight(style) + context.layout.gap }
}

function available(context: Context): number {
  return context.box.height * heightSlack
}

function drop(context: Context, slide: Slide, reason: string): void {
  context.diagnostics.push({ ruleId: 'dropped', reason, ...(slide.place ? { place: slide.place } : {}) })
}

// ── Title ────────────────────────────────────────────────────────────────────

function fitTitle(slide: TitleSlide, context: Context): Fitted {
  const { layout, box } = context
  const rest = (question: string) =>
    textHeight(plainSpans(question), layout.question, box.width) + layout.gap + textHeight(plainSpans(slide.byline), layout.byline, box.width) + layout.gap
  for (const [size, style] of layout.title.entries()) {
    if (textHeight(plainSpans(slide.heading), style, box.width) + rest(slide.question) <= available(context)) {
      return { ...slide, headingSize: 0, textSize: size }
    }
  }
  // An essay with a title and question of hundreds of words: keep what fits, the notes keep the rest.
  const size = layout.title.length - 1
  const style = layout.title[size]!
  let heading = slide.heading
  let question = slide.question
  while (textHeight(plainSpans(heading), style, box.width) + rest(question) > available(context) && (heading.length > 20 || question.length > 20)) {
    if (heading.length >= question.length) heading = clip(heading, Math.floor(heading.length * 0.8))
    else question = clip(question, Math.floor(question.length * 0.8))
  }
  drop(context, slide, 'The title and question are too long for the title slide and are shortened there; the notes keep them whole.')
  return { ...slide, heading, question, headingSize: 0, textSize: size }
}

// ── One statement: thesis, judgement, discussion ─────────────────────────────

function fitStatement(slide: StatementSlide, context: Context): Fitted[] {
  const { layout, box } = context
  const heading = fitHeading(slide.heading, slide, context)
  for (const [size, style] of layout.statement.entries()) {
    if (heading.height + textHeight(slide.statement, style, box.width) <= available(context)) {
      return [{ ...slide, heading: heading.text, headingSize: heading.size, textSize: size }]
    }
  }
  // Longer than a slide even in the smallest size: sentence by sentence over continuation slides.
  const size = layout.statement.length - 1
  const style = layout.statement[size]!
  const cont = fitHeading(slide.heading, slide, context, true)
  const room = available(context) - Math.max(heading.height, cont.height)
  const parts = splitText(slide.statement, style, box.width, room)
  return parts.map((statement, part) => ({ ...slide, statement, ...continuation(part, heading, cont, slide.notes, size) }))
}

/** What changes over continuation slides: the heading ("(cont.)" after the first), the notes (on the first only), the part. */
function continuation(part: number, heading: HeadingFit, cont: HeadingFit, notes: readonly string[], textSize: number) {
  const first = part === 0
  return { heading: first ? heading.text : cont.text, headingSize: first ? heading.size : cont.size, notes: first ? notes : [], part, textSize }
}

/** Spans cut into pieces that each fit `room`: at sentence ends, else between words. */
function splitText(spans: readonly Span[], style: TextStyle, width: number, room: number): Span[][] {
  const text = spans.map((s) => s.text).join('')
  const units: Span[][] = []
  for (const sentence of sentences(text)) {
    const piece = trimSpans(sliceSpans(spans, sentence.start, sentence.end))
    if (textHeight(piece, style, width) <= room) {
      units.push(piece)
      continue
    }
    // A sentence longer than a slide: cut it between words.
    let start = sentence.start
    const words = [...text.slice(sentence.start, sentence.end).matchAll(/\S+\s*/g)]
    let end = start
    for (const word of words) {
      const next = sentence.start + word.index + word[0].length
      if (end > start && textHeight(trimSpans(sliceSpans(spans, start, next)), style, width) > room) {
        units.push(trimSpans(sliceSpans(spans, start, end)))
        start = end
      }
      end = next
    }
    if (end > start) units.push(trimSpans(sliceSpans(spans, start, end)))
  }
  return pack(units, (unit) => unit, (group) => textHeight(join(group), style, width), room).map(join)
}

function join(groups: readonly Span[][]): Span[] {
  const out: Span[] = []
  for (const [i, group] of groups.entries()) {
    if (i > 0) out.push({ text: ' ' })
    out.push(...group)
  }
  return out
}

/**
 * Items in as few groups as fit `room`, evened out: the smallest room that still needs no more groups
 * is found by bisection, so a 23-event timeline becomes 8 + 8 + 7 rather than 10 + 10 + 3.
 */
function pack<T, U>(items: readonly T[], map: (item: T) => U, heightOf: (group: U[]) => number, room: number): U[][] {
  const greedy = packGreedy(items, map, heightOf, room)
  if (greedy.length < 2) return greedy
  let low = 0
  let high = room
  for (let i = 0; i < 16; i++) {
    const middle = (low + high) / 2
    if (packGreedy(items, map, heightOf, middle).length <= greedy.length) high = middle
    else low = middle
  }
  return packGreedy(items, map, heightOf, high)
}

/**
 * Greedy packing: as many items in each group as `heightOf(group)` allows within `room`; an item that
 * is too tall alone still gets a group of its own (callers make items that fit alone).
 */
function packGreedy<T, U>(items: readonly T[], map: (item: T) => U, heightOf: (group: U[]) => number, room: number): U[][] {
  const groups: U[][] = []
  let current: U[] = []
  for (const item of items) {
    const next = [...current, map(item)]
    if (current.length > 0 && heightOf(next) > room) {
      groups.push(current)
      current = [map(item)]
    } else {
      current = next
    }
  }
  if (current.length > 0) groups.push(current)
  return groups
}

// ── Lists: roadmap, bullets, timeline, key terms ─────────────────────────────

function listHeight(items: readonly (readonly Span[])[], style: TextStyle, width: number, gap: number): number {
  return items.reduce((sum, item, i) => sum + textHeight(item, style, width) + (i > 0 ? gap : 0), 0)
}

/**
 * Items over as many slides as needed; the first slide carries the notes, the others say "(cont.)".
 * An item too tall for a slide on its own is clipped (the notes have it whole).
 */
function paginate<S extends Slide>(
  slide: S,
  items: readonly (readonly Span[])[],
  style: TextStyle,
  gap: number,
  indent: number,
  context: Context,
  make: (slide: S, from: number, to: number, items: readonly (readonly Span[])[]) => S,
): (S & Sized)[] {
  const width = context.box.width - indent
  const heading = fitHeading(slide.heading, slide, context)
  const cont = fitHeading(slide.heading, slide, context, true)
  const room = available(context) - Math.max(heading.height, cont.height)
  const fitting = items.map((item) => {
    if (textHeight(item, style, width) <= room) return item
    drop(context, slide, `An item on “${clip(slide.heading, 40)}” is too long for one slide and is shortened there; the notes keep it whole.`)
    let words = item.map((s) => s.text).join('').split(/\s+/).length
    let cut = item
    while (words > 3 && textHeight(cut, style, width) > room) {
      words = Math.floor(words * 0.8)
      cut = shorten(item, words)
    }
    return cut
  })
  if (heading.height + listHeight(fitting, style, width, gap) <= available(context)) {
    return [sized({ ...make(slide, 0, fitting.length, fitting), heading: heading.text }, heading.size, 0)]
  }
  const indexed = fitting.map((item, index) => ({ item, index }))
  const groups = pack(indexed, (x) => x, (group) => listHeight(group.map((x) => x.item), style, width, gap), room)
  return groups.map((group, part) => {
    const from = group[0]!.index
    const to = group.at(-1)!.index + 1
    const made = make(slide, from, to, fitting.slice(from, to))
    return sized({ ...made, heading: part === 0 ? heading.text : cont.text, notes: part === 0 ? slide.notes : [], part }, part === 0 ? heading.size : cont.size, 0)
  })
}

function sized<S extends Slide>(slide: S, headingSize: number, textSize: number): S & Sized {
  return Object.assign({}, slide, { headingSize, textSize })
}

function fitRoadmap(slide: RoadmapSlide, context: Context): Fitted[] {
  const { layout } = context
  const items = slide.items.map((item) => plainSpans(item))
  return paginate(slide, items, layout.bullet, layout.itemGap, layout.listIndent, context, (s, from, _to, kept) => ({
    ...s,
    items: kept.map((spans) => spans.map((x) => x.text).join('')),
    start: s.start + from,
  }))
}

function fitPoint(slide: PointSlide, context: Context): Fitted[] {
  const { layout, box } = context
  const heading = fitHeading(slide.heading, slide, context)
  const width = box.width - layout.listIndent
  // Shorter bullets before more slides: a point slide is read at a glance. A bullet is the author's
  // sentence or a whole clause of it, never a cut one: when none is short enough, the slide splits.
  for (const words of bulletWords) {
    const bullets = slide.bullets.map((bullet) => shorten(bullet, words))
    if (heading.height + listHeight(bullets, layout.bullet, width, layout.itemGap) <= available(context)) {
      return [{ ...slide, bullets, heading: heading.text, headingSize: heading.size, textSize: 0 }]
    }
  }
  // Split after all: then the bullets may keep the most words, since no slide has to hold them all.
  // A sentence taller than a slide on its own (a run-on of a hundred words) goes on over the next one.
  const cont = fitHeading(slide.heading, slide, context, true)
  const room = available(context) - Math.max(heading.height, cont.height)
  const longest = slide.bullets.flatMap((bullet) => {
    const spans = shorten(bullet, bulletWords[0])
    return textHeight(spans, layout.bullet, width) <= room ? [spans] : splitText(shorten(bullet, 0), layout.bullet, width, room)
  })
  return paginate<PointSlide>({ ...slide, bullets: longest }, longest, layout.bullet, layout.itemGap, layout.listIndent, context, (s, _from, _to, kept) => ({
    ...s,
    bullets: kept,
  }))
}

function entrySpans(entry: Entry, kind: ListSlide['kind']): Span[] {
  return [{ text: entry.label, strong: true }, { text: kind === 'timeline' ? ' — ' : ': ' }, { text: entry.text }]
}

function fitEntries(slide: ListSlide, context: Context): Fitted[] {
  const { layout } = context
  const items = slide.entries.map((entry) => entrySpans(entry, slide.kind))
  return paginate(slide, items, layout.entry, layout.entryGap, 0, context, (s, from, to, kept) => ({
    ...s,
    entries: s.entries.slice(from, to).map((entry, i) => {
      const spans = kept[i]!
      const whole = entrySpans(entry, s.kind)
      // A clipped entry keeps its label and loses the end of its text.
      if (spans.length === whole.length && spans.every((x, j) => x.text === whole[j]!.text)) return entry
      const prefix = entry.label.length + (s.kind === 'timeline' ? 3 : 2)
      return { label: entry.label, text: spans.map((x) => x.text).join('').slice(prefix) }
    }),
  }))
}

// ── Evidence ─────────────────────────────────────────────────────────────────

function fitEvidence(slide: EvidenceSlide, context: Context): Fitted[] {
  const { layout, box } = context
  const heading = fitHeading(slide.heading, slide, context)
  const width = box.width - layout.quoteIndent
  const sourceHeight = slide.source ? layout.gap + textHeight(plainSpans(slide.source), layout.source, box.width) : 0
  for (const [size, style] of layout.quote.entries()) {
    if (heading.height + textHeight(quoted(slide.quote), style, width) + sourceHeight <= available(context)) {
      return [{ ...slide, heading: heading.text, headingSize: heading.size, textSize: size }]
    }
  }
  // A long passage: sentence by sentence over continuation slides, with the source under the last part.
  const size = layout.quote.length - 2
  const style = layout.quote[size]!
  const cont = fitHeading(slide.heading, slide, context, true)
  const room = available(context) - Math.max(heading.height, cont.height) - sourceHeight
  const parts = splitText(slide.quote, style, width, room - lineHeight(style))
  return parts.map((quote, part) => {
    const last = part === parts.length - 1
    const { source: _source, ...rest } = slide
    return {
      ...rest,
      ...(last && slide.source ? { source: slide.source } : {}),
      quote,
      ...continuation(part, heading, cont, slide.notes, size),
    }
  })
}

/** The quotation as the slide sets it, with its quotation marks. */
export function quoted(quote: readonly Span[]): Span[] {
  return [{ text: '“' }, ...quote, { text: '”' }]
}
