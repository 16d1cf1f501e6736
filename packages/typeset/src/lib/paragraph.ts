/**
 * Paragraph layout: styled pieces of text in, positioned lines out. Justified text is broken with the
 * Knuth–Plass algorithm (tex-linebreak's, in `knuth-plass.ts`) over boxes, glue and penalties measured with the bundled fonts,
 * hyphenated with the en-GB patterns; left-aligned text uses Knuth and Plass's ragged-right glue, so
 * even ragged lines are balanced rather than filled greedily. Pure: no pdfkit here.
 */
import { breakLines, lineContentStart, MaxAdjustmentExceededError, MAX_COST, MIN_COST, PARAGRAPH_START, type InputItem, type Penalty } from './knuth-plass.js'
import type { FaceName } from './fonts.js'
import { widthOf } from './fonts.js'
import { canHyphenate, syllables } from './hyphenate.js'


/** Every field is part of `layoutParagraph`'s cache key (`styleFields`). */
export interface TextStyle {
  readonly face: FaceName
  /** Point size. */
  readonly size: number
  readonly color?: string | undefined
  /** OpenType features, e.g. `['sups']` for superior figures. */
  readonly features?: readonly string[] | undefined
  /** Baseline shift upwards in points. */
  readonly rise?: number | undefined
  /** Extra space after every character, in ems. */
  readonly tracking?: number | undefined
  readonly underline?: 'solid' | 'dotted' | undefined
}

/** A run of text in one style. `data` travels to the fragments drawn from it (a footnote, a link, a flag). */
export interface Piece<D = unknown> {
  readonly text: string
  readonly style: TextStyle
  readonly data?: D | undefined
}

/** Every field is part of `layoutParagraph`'s cache key (`optionFields`). */
export interface ParagraphOptions {
  /** Line length in points. */
  readonly width: number
  /** Baseline-to-baseline distance in points. */
  readonly leading: number
  readonly align: 'justify' | 'left'
  readonly hyphenate: boolean
  /** BCP 47 language of the text: only English is hyphenated. */
  readonly lang?: string | undefined
  /** First-line indent in points. */
  readonly indent?: number | undefined
  /** Multiplies the natural width of word spaces (the accessible profile opens them up). */
  readonly wordSpace?: number | undefined
  /**
   * The most a justified line's spaces may stretch, as a Knuth–Plass adjustment ratio (1 = every space
   * at its full stretch, half its natural width again). A paragraph that cannot be set within it is set
   * with its loosest lines left short rather than stretched further.
   */
  readonly maxStretch?: number | undefined
  /**
   * Font expansion, as pdfTeX's microtype does it: how much glyphs may widen or narrow (0.015 = 1.5 %)
   * when a justified line's ratio is ±1. It gives long-worded lines flexibility besides their spaces,
   * so fewer spaces gape. Default 0.015 for justified text, 0 for ragged.
   */
  readonly expansion?: number | undefined
}

/** Default bound on stretching: a space grows to at most 1.75 times its natural width. */
export const defaultMaxStretch = 1.5
export const defaultExpansion = 0.015

export interface Fragment<D = unknown> {
  /** The text to draw, with a trailing space when a word space follows on the same line. */
  readonly text: string
  /** Offset from the paragraph's left edge. */
  readonly x: number
  /** Drawn width, not counting a trailing space. */
  readonly width: number
  readonly style: TextStyle
  readonly data: D | undefined
}

export interface Line<D = unknown> {
  readonly fragments: readonly Fragment<D>[]
  /** Where the line's ink ends, from the paragraph's left edge. */
  readonly width: number
  /**
   * The Knuth–Plass adjustment ratio the breaks asked for: > 0 stretched, < 0 shrunk. 0 for ragged lines
   * and for the last line, which keep natural spaces.
   */
  readonly ratio: number
  /** Whether the ratio was above `maxStretch` and the line was left short instead. */
  readonly loose: boolean
  /** Horizontal scale of the line's glyphs (font expansion): 1 ± ratio × expansion. */
  readonly scale: number
  /** Ends with a hyphen added by hyphenation. */
  readonly hyphenated: boolean
  /** The last line of the paragraph, or the line before a forced break: set with natural spaces. */
  readonly last: boolean
}

export interface Paragraph<D = unknown> {
  readonly lines: readonly Line<D>[]
  readonly width: number
  readonly leading: number
  /** The largest text size in the paragraph (not counting raised markers), for placing baselines. */
  readonly size: number
  /** lines × leading. */
  readonly height: number
}

// ── Items ────────────────────────────────────────────────────────────────────

interface Part<D> {
  readonly text: string
  readonly style: TextStyle
  readonly data: D | undefined
  readonly width: number
}

/** What each line-breaking item stands for, kept beside the items array. */
type Meta<D> =
  | { readonly kind: 'box'; readonly parts: readonly Part<D>[] }
  | { readonly kind: 'space'; readonly style: TextStyle; readonly natural: number; readonly stretch: number; readonly shrink: number }
  | { readonly kind: 'hyphen'; readonly style: TextStyle }
  | { readonly kind: 'other' }

const breakingSpace = /[ \t\r\f\v\u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]+/u
const tokenPattern = /\n|[ \t\r\f\v\u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]+|[^\n \t\r\f\v\u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]+/gu

function measure(text: string, style: TextStyle): number {
  const tracking = style.tracking ? style.tracking * style.size * [...text].length : 0
  return widthOf(text, style.face, style.size, style.features) + tracking
}

type Token<D> =
  | { kind: 'word'; parts: Array<{ text: string; style: TextStyle; data: D | undefined }> }
  | { kind: 'space'; style: TextStyle; keep: boolean }
  | { kind: 'break' }

/** A word starting with one of these stays on the line of the word before it (`Kerensky .`, `war – and`). */
const noBreakBefore = /^[.,;:!?)\]}’”»…–—]/u

function tokenize<D>(pieces: readonly Piece<D>[]): Token<D>[] {
  const tokens: Token<D>[] = []
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p]!
    tokenPattern.lastIndex = 0
    for (let match = tokenPattern.exec(piece.text); match; match = tokenPattern.exec(piece.text)) {
      const text = match[0]
      const last = tokens.at(-1)
      if (text === '\n') tokens.push({ kind: 'break' })
      else if (breakingSpace.test(text[0]!)) {
        if (last && last.kind === 'word') tokens.push({ kind: 'space', style: piece.style, keep: false })
      } else if (last?.kind === 'word') last.parts.push({ text, style: piece.style, data: piece.data })
      else {
        if (last?.kind === 'space' && noBreakBefore.test(text)) last.keep = true
        tokens.push({ kind: 'word', parts: [{ text, style: piece.style, data: piece.data }] })
      }
    }
  }
  while (tokens.length && tokens.at(-1)!.kind !== 'word') tokens.pop()
  // A short last word is tied to the one before it, so no paragraph ends on a line of its own like "it."
  const [space, word] = tokens.slice(-2)
  if (space?.kind === 'space' && word?.kind === 'word' && word.parts.reduce((n, part) => n + part.text.length, 0) <= 6) space.keep = true
  return tokens
}

type BreakPoint = { readonly at: number; readonly hyphen: boolean }

const breakPointCache = new Map<string, readonly BreakPoint[]>()

/** Positions in `word` after which a line may break, and whether a hyphen is then added (cached). */
function breakPoints(word: string, hyphenate: boolean): readonly BreakPoint[] {
  const key = (hyphenate ? 'h' : 'n') + word
  let points = breakPointCache.get(key)
  if (!points) {
    points = findBreakPoints(word, hyphenate)
    // Most words have none: they share one empty list.
    breakPointCache.set(key, (points = points.length ? points : noBreakPoints))
  }
  return points
}

const noBreakPoints: readonly BreakPoint[] = Object.freeze([])

function findBreakPoints(word: string, hyphenate: boolean): BreakPoint[] {
  const points: BreakPoint[] = []
  // Most words have no dash at all: skip the Unicode-aware patterns for them.
  const dashed = /[-‐–—/]/.test(word)
  // After an explicit hyphen, dash or slash between two word characters: no hyphen is added.
  if (dashed) for (const match of word.matchAll(/(?<=[\p{L}\p{N}’')\]])[-‐–—/](?=[\p{L}\p{N}‘'(])/gu)) points.push({ at: match.index + 1, hyphen: false })
  // As in TeX, a compound that already has a hyphen breaks only there: no "counter-re-volution".
  if (hyphenate && !(dashed && /[\p{L}][-‐][\p{L}]/u.test(word))) {
    for (const match of word.matchAll(/[\p{L}’']+/gu)) {
      let at = match.index
      const parts = syllables(match[0])
      for (const part of parts.slice(0, -1)) {
        at += part.length
        points.push({ at, hyphen: true })
      }
    }
  }
  return points.sort((a, b) => a.at - b.at)
}

/** Cut a word's styled parts at a range of character offsets. */
function slice<D>(parts: Token<D> & { kind: 'word' }, from: number, to: number): Part<D>[] {
  const out: Part<D>[] = []
  let offset = 0
  for (let p = 0; p < parts.parts.length; p++) {
    const part = parts.parts[p]!
    const start = Math.max(from, offset)
    const end = Math.min(to, offset + part.text.length)
    if (start < end) {
      const text = part.text.slice(start - offset, end - offset)
      out.push({ text, style: part.style, data: part.data, width: measure(text, part.style) })
    }
    offset += part.text.length
  }
  return out
}

/** The meta of items that stand for nothing drawn (one object for all of them). */
const other = Object.freeze({ kind: 'other' } as const)

function buildItems<D>(tokens: Token<D>[], options: ParagraphOptions): { items: InputItem[]; meta: Meta<D>[] } {
  const items: InputItem[] = []
  const meta: Meta<D>[] = []
  const push = (item: InputItem, m: Meta<D>) => {
    items.push(item)
    meta.push(m)
  }
  const ragged = options.align === 'left'
  const hyphenate = options.hyphenate && canHyphenate(options.lang ?? 'en')
  const lastWord = tokens.findLastIndex((token) => token.kind === 'word')
  const expansion = ragged ? 0 : (options.expansion ?? defaultExpansion)
  // The glyph flexibility of each word rides on the glue after it, so the line breaker counts it.
  let boxes = 0
  if (options.indent) push({ type: 'box', width: options.indent }, { kind: 'box', parts: [] })

  tokens.forEach((token, index) => {
    if (token.kind === 'break') {
      push({ type: 'glue', width: 0, stretch: options.width * 10, shrink: 0 }, other)
      push({ type: 'penalty', width: 0, cost: MIN_COST, flagged: false }, other)
    } else if (token.kind === 'space') {
      const natural = measure(' ', token.style)
      const space = natural * (options.wordSpace ?? 1)
      if (token.keep) push({ type: 'penalty', width: 0, cost: MAX_COST, flagged: false }, other)
      if (ragged) {
        // Knuth & Plass's ragged-right: the stretch exists only at a line's end.
        const stretch = 3 * space
        push({ type: 'glue', width: 0, stretch, shrink: 0 }, { kind: 'space', style: token.style, natural, stretch: 0, shrink: 0 })
        push({ type: 'penalty', width: 0, cost: 0, flagged: false }, other)
        push({ type: 'glue', width: space, stretch: -stretch, shrink: 0 }, other)
      } else {
        // TeX's proportions for a text font's interword space: stretch 1/2, shrink 1/3.
        const stretch = space / 2
        const shrink = space / 3
        push(
          { type: 'glue', width: space, stretch: stretch + expansion * boxes, shrink: shrink + expansion * boxes },
          { kind: 'space', style: token.style, natural, stretch, shrink },
        )
        boxes = 0
      }
    } else {
      const word = token.parts.length === 1 ? token.parts[0]!.text : token.parts.map((part) => part.text).join('')
      // The last word is never hyphenated: a paragraph should not end on a broken word.
      const points = breakPoints(word, hyphenate && index !== lastWord)
      let from = 0
      // Each break point, then the word's end.
      for (let p = 0; p <= points.length; p++) {
        const point = p < points.length ? points[p]! : { at: word.length, hyphen: false }
        if (point.at <= from) continue
        const parts = slice(token, from, point.at)
        let width = 0
        for (let k = 0; k < parts.length; k++) width += parts[k]!.width
        boxes += width
        push({ type: 'box', width }, { kind: 'box', parts })
        if (point.at < word.length) {
          const style = parts.at(-1)!.style
          push({ type: 'penalty', width: point.hyphen ? measure('-', style) : 0, cost: 50, flagged: true }, point.hyphen ? { kind: 'hyphen', style } : other)
        }
        from = point.at
      }
    }
  })
  // \parfillskip: the last line stays at its natural width.
  push({ type: 'glue', width: 0, stretch: options.width * 10, shrink: 0 }, other)
  push({ type: 'penalty', width: 0, cost: MIN_COST, flagged: false }, other)
  return { items, meta }
}

function breaks(items: InputItem[], options: ParagraphOptions): { points: number[]; bounded: boolean } {
  const common = { initialMaxAdjustmentRatio: 1, doubleHyphenPenalty: 10_000, adjacentLooseTightPenalty: 10_000 }
  if (options.align === 'left') return { points: breakLines(items, options.width, { ...common, maxAdjustmentRatio: null }), bounded: true }
  try {
    const max = options.maxStretch ?? defaultMaxStretch
    return { points: breakLines(items, options.width, { ...common, maxAdjustmentRatio: max }), bounded: true }
  } catch (error) {
    if (!(error instanceof MaxAdjustmentExceededError)) throw error
    return { points: breakLines(items, options.width, { ...common, maxAdjustmentRatio: null }), bounded: false }
  }
}

// ── Lines ────────────────────────────────────────────────────────────────────

/**
 * Lays out a paragraph. The result is cached by everything it depends on (the options, each piece's
 * text and style values, and which pieces share a style or `data` object, since fragments join only
 * across the same objects): a warm process laying out an unchanged paragraph again, as `lectern dev`
 * does for every paragraph but the one edited, gets it back rebuilt with the caller's own style and
 * `data` objects.
 */
export function layoutParagraph<D = unknown>(pieces: readonly Piece<D>[], options: ParagraphOptions): Paragraph<D> {
  const styles = new Map<TextStyle, number>()
  const data = new Map<unknown, number>()
  let key = optionFields.map((field) => options[field] ?? '').join('|')
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p]!
    let style = styles.get(piece.style)
    if (style === undefined) {
      styles.set(piece.style, (style = styles.size))
      key += `\u0001${styleKey(piece.style)}`
    }
    let datum = data.get(piece.data)
    if (datum === undefined) data.set(piece.data, (datum = data.size))
    key += `\u0000${style},${datum}\u0000${piece.text}`
  }
  const cached = layouts.get(key)
  if (cached) {
    // The most recently used stay: move it to the end.
    layouts.delete(key)
    layouts.set(key, cached)
    return revive(cached, [...styles.keys()], [...data.keys()] as (D | undefined)[])
  }
  const paragraph = layoutUncached(pieces, options)
  if (layouts.size >= maxCachedLayouts) layouts.delete(layouts.keys().next().value!)
  // Kept as made, with the objects its fragments were made from (the caller keeps it too): a cold
  // process pays no copy for caching.
  layouts.set(key, { paragraph, styles: [...styles.keys()], data: [...data.keys()] })
  return paragraph
}

/** A laid-out paragraph, and the style and data objects of its pieces in order of first appearance. */
interface CachedParagraph {
  readonly paragraph: Paragraph<unknown>
  readonly styles: readonly TextStyle[]
  readonly data: readonly unknown[]
}

const layouts = new Map<string, CachedParagraph>()
/**
 * Enough for the paragraphs, table cells, notes and trial widths of the essays a `lectern dev` session
 * is editing (a handout lays out ~150); the least recently used go first, so a build of a hundred
 * essays does not keep them all.
 */
const maxCachedLayouts = 1500

/** Every option and style field, in a fixed order; TypeScript insists a new field is listed here. */
const optionFields = keysOf<ParagraphOptions>({ width: 1, leading: 1, align: 1, hyphenate: 1, lang: 1, indent: 1, wordSpace: 1, maxStretch: 1, expansion: 1 })
const styleFields = keysOf<TextStyle>({ face: 1, size: 1, color: 1, features: 1, rise: 1, tracking: 1, underline: 1 })

function keysOf<T>(fields: { readonly [K in keyof Required<T>]: 1 }): (keyof T)[] {
  return Object.keys(fields) as (keyof T)[]
}

function styleKey(style: TextStyle): string {
  return styleFields.map((field) => String(style[field] ?? '')).join(',')
}

/** The cached paragraph with each fragment's style and data swapped for the caller's counterparts. */
function revive<D>(cached: CachedParagraph, styles: readonly TextStyle[], data: readonly (D | undefined)[]): Paragraph<D> {
  const { paragraph } = cached
  return {
    ...paragraph,
    lines: paragraph.lines.map((line) => ({
      ...line,
      fragments: line.fragments.map((fragment) => ({
        ...fragment,
        style: styles[cached.styles.indexOf(fragment.style)]!,
        data: data[cached.data.indexOf(fragment.data)],
      })),
    })),
  }
}

function layoutUncached<D>(pieces: readonly Piece<D>[], options: ParagraphOptions): Paragraph<D> {
  const size = Math.max(0, ...pieces.filter((piece) => !piece.style.rise).map((piece) => piece.style.size))
  const tokens = tokenize(pieces)
  if (tokens.length === 0) return { lines: [], width: options.width, leading: options.leading, size, height: 0 }
  const { items, meta } = buildItems(tokens, options)
  const { points } = breaks(items, options)
  const maxStretch = options.maxStretch ?? defaultMaxStretch
  const expansion = options.align === 'left' ? 0 : (options.expansion ?? defaultExpansion)
  const lines: Line<D>[] = []

  const startOf = (l: number) => lineContentStart(items, l === 0 ? PARAGRAPH_START : points[l]!, points[l + 1]!)
  const hasText = (l: number) => {
    for (let k = startOf(l); k < points[l + 1]!; k++) {
      const m = meta[k]!
      if (m.kind === 'box' && m.parts.length) return true
    }
    return false
  }
  // An overfull paragraph can leave the breaker an empty last line; the line before it is then the last.
  let lastWithText = points.length - 2
  while (lastWithText > 0 && !hasText(lastWithText)) lastWithText--

  for (let l = 0; l <= lastWithText; l++) {
    const end = points[l + 1]!
    const start = startOf(l)
    const endItem = items[end]!
    const last = (endItem.type === 'penalty' && endItem.cost <= MIN_COST) || l === lastWithText
    const hyphenated = meta[end]!.kind === 'hyphen'

    // The exact ratio for the chosen breaks: spaces and glyph widths share the slack.
    let natural = hyphenated ? (endItem as Penalty).width : 0
    let glyphs = natural
    let stretch = 0
    let shrink = 0
    for (let k = start; k < end; k++) {
      const item = items[k]!
      const m = meta[k]!
      natural += item.type === 'penalty' ? 0 : item.width
      if (item.type === 'box' && m.kind === 'box' && m.parts.length) glyphs += item.width
      if (m.kind === 'space') {
        stretch += m.stretch
        shrink += m.shrink
      }
    }
    const slack = options.width - natural
    const flex = slack >= 0 ? stretch + expansion * glyphs : shrink + expansion * glyphs
    // Ragged and last lines keep natural spaces, unless they are too long and must shrink.
    const keepsNatural = options.align === 'left' || (last && slack >= 0)
    const raw = keepsNatural || flex <= 0 ? 0 : slack / flex
    const loose = raw > maxStretch
    const ratio = Math.max(-1, Math.min(raw, maxStretch))
    const scale = 1 + ratio * expansion
    const fragments: Array<{ text: string; x: number; width: number; style: TextStyle; data: D | undefined }> = []
    let x = 0
    let gap: { width: number; natural: number } | undefined

    for (let k = start; k < end; k++) {
      const item = items[k]!
      const m = meta[k]!
      if (item.type === 'glue') {
        const flexible = m.kind === 'space' ? (ratio < 0 ? m.shrink : m.stretch) : 0
        const width = options.align === 'left' ? item.width : item.width + ratio * flexible
        gap = { width: (gap?.width ?? 0) + width, natural: m.kind === 'space' ? m.natural : (gap?.natural ?? 0) }
        x += width
      } else if (item.type === 'box') {
        if (m.kind !== 'box') continue
        for (let p = 0; p < m.parts.length; p++) {
          const part = m.parts[p]!
          const width = part.width * scale
          const previous = fragments.at(-1)
          const spaced = gap !== undefined && previous !== undefined
          const joinable = previous && previous.style === part.style && previous.data === part.data
          if (joinable && (!spaced || Math.abs(gap!.width - gap!.natural * scale) < 0.05)) {
            previous.text += (spaced ? ' ' : '') + part.text
            previous.width = x + width - previous.x
          } else {
            if (spaced) previous.text += ' '
            fragments.push({ text: part.text, x, width, style: part.style, data: part.data })
          }
          gap = undefined
          x += width
        }
        // An empty box (the indent) only moves x.
        if (m.parts.length === 0) x += item.width
      }
    }
    if (hyphenated && fragments.length) {
      const tail = fragments.at(-1)!
      tail.text += '-'
      tail.width += (endItem as Penalty).width * scale
    }
    const tail = fragments.at(-1)
    if (!tail) continue
    lines.push({ fragments, width: tail.x + tail.width, ratio: raw, loose, scale, hyphenated, last })
  }
  return { lines, width: options.width, leading: options.leading, size, height: lines.length * options.leading }
}

/** Height of a paragraph without keeping its lines: what a page planner asks first. */
export function measureParagraph(pieces: readonly Piece[], options: ParagraphOptions): number {
  return layoutParagraph(pieces, options).height
}

/** Offset from the top of a line box to its baseline, so text sits optically centred in its leading. */
export function baselineOffset(leading: number, size: number): number {
  return leading / 2 + 0.28 * size
}
