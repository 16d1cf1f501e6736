/**
 * Paragraph layout: styled pieces of text in, positioned lines out. Justified text is broken with the
 * Knuth–Plass algorithm (tex-linebreak's, in `knuth-plass.ts`) over boxes, glue and penalties measured with the bundled fonts,
 * hyphenated with the en-GB patterns; left-aligned text uses Knuth and Plass's ragged-right glue, so
 * even ragged lines are balanced rather than filled greedily. Pure: no pdfkit here.
 */
import { breakLines, lineContentStart, MaxAdjustmentExceededError, MAX_COST, MIN_COST, PARAGRAPH_START, type InputItem, type Penalty } from './knuth-plass.js'
import type { AnyFace } from './fonts.js'
import { widthOf } from './shaping.js'
import { canHyphenate, syllables } from './hyphenate.js'


/** Every field is part of `layoutParagraph`'s cache key (`styleFields`). */
export interface TextStyle {
  readonly face: AnyFace
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
  /** Stretch that only the line breaker sees: it lets a line end where there is no space to stretch. */
  | { readonly kind: 'flex' }
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

/** Where a word may break: after `at` characters, with a hyphen added or not, and what kind of break. */
type BreakPoint = { readonly at: number; readonly hyphen: boolean; readonly kind: BreakKind }
type BreakKind = 'explicit' | 'syllable' | 'lastSyllable' | 'character'

/**
 * Penalties for breaking inside a word. Justified, an existing hyphen or dash and a syllable cost TeX's
 * 50. Ragged text has no spaces to even out, and would otherwise hyphenate nearly one line in four to
 * keep its rag within three spaces, often two lines running: there a syllable costs 900 against a rag
 * of six spaces (`raggedStretch`), a second hyphenated line in a row a million, and a paragraph whose
 * rag is tolerable without syllables gets none (`raggedPretolerance`), so that about one line in ten
 * of the essays' revision-sheet columns is hyphenated (a test holds it between 3 and 20 %); a hyphen
 * or dash already there costs 500, so that `1917–` `1940` is not set to even a two-line rag. The last
 * resorts, for a word too wide for any line, cost 900 at a syllable and 950 at a bare character.
 */
const costs: Readonly<Record<ParagraphOptions['align'], Readonly<Record<BreakKind, number>>>> = {
  justify: { explicit: 50, syllable: 50, lastSyllable: 900, character: 950 },
  left: { explicit: 500, syllable: 900, lastSyllable: 900, character: 950 },
}
const doubleHyphenPenalty = { justify: 10_000, left: 1_000_000 } as const

/**
 * The stretch, in word spaces, that ragged text gives the end of a line: Knuth and Plass's three, and
 * six when hyphenating, so that a hyphen is weighed against a rag and not paid for every few points.
 */
const raggedStretch = { plain: 3, hyphenated: 6 } as const

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
  if (dashed) for (const match of word.matchAll(/(?<=[\p{L}\p{N}’')\]])[-‐–—/](?=[\p{L}\p{N}‘'(])/gu)) points.push({ at: match.index + 1, hyphen: false, kind: 'explicit' })
  // As in TeX, a compound that already has a hyphen breaks only there: no "counter-re-volution".
  if (hyphenate && !(dashed && /[\p{L}][-‐][\p{L}]/u.test(word))) points.push(...syllablePoints(word, 0, word.length, 'syllable'))
  return points.sort((a, b) => a.at - b.at)
}

/** The syllable breaks of `word`'s letter runs that fall strictly between `from` and `to`. */
function syllablePoints(word: string, from: number, to: number, kind: BreakKind): BreakPoint[] {
  const points: BreakPoint[] = []
  for (const match of word.matchAll(/[\p{L}’']+/gu)) {
    let at = match.index
    const parts = syllables(match[0])
    for (let p = 0; p < parts.length - 1; p++) {
      at += parts[p]!.length
      if (at > from && at < to) points.push({ at, hyphen: true, kind })
    }
  }
  return points
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })
/** No last-resort break before closing punctuation or after opening punctuation: `word-` `.` or `(-` `word`. */
const noBreakAfter = /[(\[{‘“«'"]$/u

/** Every break between two characters of `word` strictly between `from` and `to`, each adding a hyphen. */
function characterPoints(word: string, from: number, to: number): BreakPoint[] {
  const points: BreakPoint[] = []
  let previous = ''
  for (const { segment, index } of graphemes.segment(word.slice(from, to))) {
    if (index > 0 && !noBreakBefore.test(segment) && !noBreakAfter.test(previous)) {
      points.push({ at: from + index, hyphen: !/[-‐–—/]$/.test(previous), kind: 'character' })
    }
    previous = segment
  }
  return points
}

/**
 * The breaks a word needs when some stretch of it between its ordinary break points is wider than
 * `room` (the line, less the indent for a first word). Only a word that cannot fit on any line is
 * broken this way: it would overflow the column. Such a stretch is cut into pieces that each fill a
 * line (`fill`), at the last syllable that fits (hyphenating even a word the profile leaves whole, as
 * the least bad way out), else between two characters: a greedy pass, linear in the word's length, so
 * a 10 000-letter word gives the line breaker a few hundred breaks, not thousands.
 */
function lastResortPoints<D>(token: Token<D> & { kind: 'word' }, word: string, ordinary: readonly BreakPoint[], room: number, lang: string): readonly BreakPoint[] {
  const width = (from: number, point: BreakPoint) => {
    const parts = slice(token, from, point.at)
    let total = point.hyphen ? measure('-', parts.at(-1)!.style) : 0
    for (let k = 0; k < parts.length; k++) total += parts[k]!.width
    return total
  }
  const end: BreakPoint = { at: word.length, hyphen: false, kind: 'explicit' }
  if (width(0, end) <= room) return ordinary
  // A word that cannot fit may break at its own hyphens and dashes, whatever the text's setting; its
  // syllables are left to `fill`, which takes one only where its piece fills a line.
  const points = breakPoints(word, false)
  const out = [...points]
  let from = 0
  for (const point of [...points, end]) {
    if (point.at <= from) continue
    if (width(from, point) > room) out.push(...fill(token, word, from, point.at, room, lang, width))
    from = point.at
  }
  return out.sort((a, b) => a.at - b.at)
}

/**
 * Greedy breaks for `word[from, to)`, each piece (with its hyphen) at most `room` wide. Widths are
 * estimated from the characters' own widths, then checked by measuring the piece itself (kerning) and
 * stepping back while it is too wide; each step moves forward, so the pass is linear.
 */
function fill<D>(token: Token<D> & { kind: 'word' }, word: string, from: number, to: number, room: number, lang: string, width: (from: number, point: BreakPoint) => number): BreakPoint[] {
  const candidates = characterPoints(word, from, to)
  if (candidates.length === 0) return []
  const syllableAt = new Set(canHyphenate(lang) ? syllablePoints(word, from, to, 'lastSyllable').map((point) => point.at) : [])
  // Prefix sums of the characters' widths, by offset into the word.
  const prefix = new Float64Array(to - from + 1)
  for (let k = from; k < to; k++) prefix[k - from + 1] = prefix[k - from]! + slice(token, k, k + 1).reduce((sum, part) => sum + part.width, 0)
  const estimate = (start: number, at: number) => prefix[at - from]! - prefix[start - from]!
  const out: BreakPoint[] = []
  let start = from
  let c = 0
  const whole: BreakPoint = { at: to, hyphen: false, kind: 'explicit' }
  // The rest is measured for real only once its estimate fits: near the end, once or twice.
  while (estimate(start, to) > room || width(start, whole) > room) {
    // The furthest candidate, and the furthest syllable, whose piece and hyphen are estimated to fit
    // (at least one, so the pass moves on).
    const hyphen = measure('-', slice(token, start, start + 1)[0]!.style)
    const fits = (k: number) => estimate(start, candidates[k]!.at) + (candidates[k]!.hyphen ? hyphen : 0) <= room
    let last = -1
    for (let k = c; k < candidates.length && fits(k); k++) last = k
    if (last < 0) last = c
    const syllableBefore = (k: number) => {
      for (let j = k; j >= c; j--) if (syllableAt.has(candidates[j]!.at)) return j
      return -1
    }
    let chosen = syllableBefore(last) >= 0 ? syllableBefore(last) : last
    // Measured, the piece may be a little wider (kerning): step back, to an earlier syllable if any.
    while (chosen > c && width(start, candidates[chosen]!) > room) chosen = syllableBefore(chosen - 1) >= 0 ? syllableBefore(chosen - 1) : chosen - 1
    const point = candidates[chosen]!
    out.push({ ...point, kind: syllableAt.has(point.at) ? 'lastSyllable' : 'character' })
    start = point.at
    c = chosen + 1
    if (c >= candidates.length) break
  }
  return out
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
const flex = Object.freeze({ kind: 'flex' } as const)

/**
 * The line breaker's items. `lastResort` is for a paragraph that overflowed its measure with the
 * ordinary ones: a word too wide for any line gets breaks of its own (`lastResortPoints`), a tie whose
 * words cannot share a line is let go, and in justified text every break gets the ragged-right stretch
 * as well (TeX's \emergencystretch), so that a line with no space to stretch, a lone word or a piece of
 * one, may end short instead of running past the measure. `syllables: false` leaves out the syllable
 * breaks of hyphenated text, for the first try at a ragged paragraph (`unhyphenated`).
 */
function buildItems<D>(tokens: Token<D>[], options: ParagraphOptions, lastResort: boolean, syllables = true): { items: InputItem[]; meta: Meta<D>[] } {
  const items: InputItem[] = []
  const meta: Meta<D>[] = []
  const push = (item: InputItem, m: Meta<D>) => {
    items.push(item)
    meta.push(m)
  }
  const ragged = options.align === 'left'
  const lang = options.lang ?? 'en'
  const hyphenate = options.hyphenate && canHyphenate(lang)
  const wordSpace = options.wordSpace ?? 1
  // Ragged text that is not hyphenated (the accessible profile) breaks a compound at its hyphen, or a
  // range at its dash, only when the word cannot fit on a line: the rag is no reason for `father-in-|law`.
  const compounds = !ragged || hyphenate
  const lastWord = tokens.findLastIndex((token) => token.kind === 'word')
  const firstWord = tokens.findIndex((token) => token.kind === 'word')
  const expansion = ragged ? 0 : (options.expansion ?? defaultExpansion)
  const cost = costs[options.align]
  // The ragged-right stretch given to a line that ends at a break (in justified text, only as a last resort).
  const spaces = ragged && hyphenate ? raggedStretch.hyphenated : raggedStretch.plain
  const endStretch = ragged || lastResort ? (style: TextStyle) => spaces * measure(' ', style) * wordSpace : undefined
  // The first word shares its line with the indent.
  const room = (index: number) => options.width - (index === firstWord ? (options.indent ?? 0) : 0)
  const released = lastResort ? releasedTies(tokens, wordSpace, room) : undefined
  // The glyph flexibility of each word rides on the glue after it, so the line breaker counts it.
  let boxes = 0
  if (options.indent) push({ type: 'box', width: options.indent }, { kind: 'box', parts: [] })

  tokens.forEach((token, index) => {
    if (token.kind === 'break') {
      push({ type: 'glue', width: 0, stretch: options.width * 10, shrink: 0 }, other)
      push({ type: 'penalty', width: 0, cost: MIN_COST, flagged: false }, other)
    } else if (token.kind === 'space') {
      const natural = measure(' ', token.style)
      const space = natural * wordSpace
      const keep = token.keep && !released?.has(token)
      if (keep) push({ type: 'penalty', width: 0, cost: MAX_COST, flagged: false }, other)
      if (ragged) {
        if (keep) push({ type: 'glue', width: space, stretch: 0, shrink: 0 }, { kind: 'space', style: token.style, natural, stretch: 0, shrink: 0 })
        else {
          // Knuth & Plass's ragged-right: the stretch exists only at a line's end.
          const stretch = endStretch!(token.style)
          push({ type: 'glue', width: 0, stretch, shrink: 0 }, { kind: 'space', style: token.style, natural, stretch: 0, shrink: 0 })
          push({ type: 'penalty', width: 0, cost: 0, flagged: false }, other)
          push({ type: 'glue', width: space, stretch: -stretch, shrink: 0 }, other)
        }
      } else {
        // TeX's proportions for a text font's interword space: stretch 1/2, shrink 1/3.
        const stretch = space / 2
        const shrink = space / 3
        const m = { kind: 'space', style: token.style, natural, stretch, shrink } as const
        if (lastResort && !keep) {
          const extra = endStretch!(token.style)
          push({ type: 'glue', width: 0, stretch: extra, shrink: 0 }, flex)
          push({ type: 'penalty', width: 0, cost: 0, flagged: false }, other)
          push({ type: 'glue', width: space, stretch: stretch + expansion * boxes - extra, shrink: shrink + expansion * boxes }, m)
        } else push({ type: 'glue', width: space, stretch: stretch + expansion * boxes, shrink: shrink + expansion * boxes }, m)
        boxes = 0
      }
    } else {
      const word = token.parts.length === 1 ? token.parts[0]!.text : token.parts.map((part) => part.text).join('')
      // The last word is never hyphenated: a paragraph should not end on a broken word.
      const ordinary = compounds ? breakPoints(word, hyphenate && syllables && index !== lastWord) : noBreakPoints
      const points = lastResort ? lastResortPoints(token, word, ordinary, room(index), lang) : ordinary
      // A word too wide for any line must leave one short: the rag is not held against where it breaks,
      // so its own hyphens come before its syllables, and its syllables before its letters.
      const overwide = points !== ordinary
      const wordEnd: BreakPoint = { at: word.length, hyphen: false, kind: 'explicit' }
      let from = 0
      // Each break point, then the word's end.
      for (let p = 0; p <= points.length; p++) {
        const point = p < points.length ? points[p]! : wordEnd
        if (point.at <= from) continue
        const parts = slice(token, from, point.at)
        let width = 0
        for (let k = 0; k < parts.length; k++) width += parts[k]!.width
        boxes += width
        push({ type: 'box', width }, { kind: 'box', parts })
        if (point.at < word.length) {
          // A line that starts after this break cannot narrow the glyphs before it: in the last resort,
          // which must fit, the space after the word counts only its glyphs after the last break.
          if (lastResort) boxes = 0
          const style = parts.at(-1)!.style
          const penalty = { type: 'penalty', width: point.hyphen ? measure('-', style) : 0, cost: cost[point.kind], flagged: true } as const
          const m = point.hyphen ? { kind: 'hyphen', style } as const : other
          if (endStretch) {
            // Inside a word there is no space to stretch: as in Knuth & Plass's ragged-right, the line
            // that ends here gets stretch of its own, and a line running on through takes it back.
            const stretch = overwide ? Math.max(endStretch(style), options.width) : endStretch(style)
            push({ type: 'penalty', width: 0, cost: MAX_COST, flagged: false }, other)
            push({ type: 'glue', width: 0, stretch, shrink: 0 }, flex)
            push(penalty, m)
            push({ type: 'glue', width: 0, stretch: -stretch, shrink: 0 }, flex)
          } else push(penalty, m)
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

/** The ties (spaces kept unbroken) of every run of tied words too wide to share a line. */
function releasedTies<D>(tokens: readonly Token<D>[], wordSpace: number, room: (index: number) => number): Set<Token<D>> {
  const released = new Set<Token<D>>()
  let ties: Token<D>[] = []
  let width = 0
  let start = -1
  const close = () => {
    if (ties.length && width > room(start)) for (const tie of ties) released.add(tie)
    ties = []
    width = 0
    start = -1
  }
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!
    if (token.kind === 'word') {
      if (start < 0) start = index
      for (const part of token.parts) width += measure(part.text, part.style)
    } else if (token.kind === 'space' && token.keep) {
      ties.push(token)
      width += measure(' ', token.style) * wordSpace
    } else close()
  }
  close()
  return released
}

/**
 * Ragged text that may be hyphenated is first broken without its syllables, as TeX does: if no line
 * then falls too far short (`raggedPretolerance`), the paragraph is not hyphenated at all; a short
 * timeline entry or definition seldom needs it. Otherwise (undefined) it is set with hyphens.
 */
function unhyphenated<D>(tokens: Token<D>[], options: ParagraphOptions): (ReturnType<typeof buildItems<D>> & { points: number[] }) | undefined {
  const built = buildItems(tokens, options, false, false)
  try {
    return { ...built, points: breakLines(built.items, options.width, { ...breakOptions(options), maxAdjustmentRatio: raggedPretolerance }) }
  } catch (error) {
    if (!(error instanceof MaxAdjustmentExceededError)) throw error
    return undefined
  }
}

function hyphenated<D>(tokens: Token<D>[], options: ParagraphOptions, lastResort: boolean): ReturnType<typeof buildItems<D>> & { points: number[] } {
  const built = buildItems(tokens, options, lastResort)
  return { ...built, points: breaks(built.items, options).points }
}

/**
 * How far short of the measure a ragged line may fall, in units of its stretch (twelve spaces when
 * hyphenating), before its paragraph is hyphenated at all: TeX's \pretolerance, for ragged text.
 */
const raggedPretolerance = 2

function breakOptions(options: ParagraphOptions) {
  // Ragged-right glue (and the last resort's) has negative stretch: look past it all the same.
  return {
    initialMaxAdjustmentRatio: 1,
    doubleHyphenPenalty: doubleHyphenPenalty[options.align],
    adjacentLooseTightPenalty: 10_000,
    lookPastNegativeStretch: true,
  }
}

function breaks(items: InputItem[], options: ParagraphOptions): { points: number[]; bounded: boolean } {
  const common = breakOptions(options)
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
  let lines = setLines(tokens, options, false)
  // A line past the measure means some word or tie had no room on any line: set the paragraph again
  // with the last resorts. Most paragraphs never need them, and are set without a trace of them.
  if (lines.some((line) => line.width > options.width + overflowTolerance)) lines = setLines(tokens, options, true)
  return { lines, width: options.width, leading: options.leading, size, height: lines.length * options.leading }
}

/** How far past the measure a line may end and still count as fitting: rounding, not overflow. */
const overflowTolerance = 1e-3

function setLines<D>(tokens: Token<D>[], options: ParagraphOptions, lastResort: boolean): Line<D>[] {
  if (tokens.length === 0) return []
  const tryUnhyphenated = options.align === 'left' && options.hyphenate && canHyphenate(options.lang ?? 'en') && !lastResort
  const { items, meta, points } = (tryUnhyphenated && unhyphenated(tokens, options)) || hyphenated(tokens, options, lastResort)
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
        if (m.kind === 'flex') continue
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
  return lines
}

/** Height of a paragraph without keeping its lines: what a page planner asks first. */
export function measureParagraph(pieces: readonly Piece[], options: ParagraphOptions): number {
  return layoutParagraph(pieces, options).height
}

/** Offset from the top of a line box to its baseline, so text sits optically centred in its leading. */
export function baselineOffset(leading: number, size: number): number {
  return leading / 2 + 0.28 * size
}
