/**
 * Tokens to the line breaker's boxes, glue and penalties: TeX's interword glue, Knuth and Plass's
 * ragged-right glue, penalties inside words, ties, and the last resort's emergency stretch.
 */
import { canHyphenate } from '../hyphenate.js'
import { MAX_COST, MIN_COST, type InputItem } from '../knuth-plass.js'
import { breakPoints, lastResortPoints, noBreakPoints, type BreakKind, type BreakPoint } from './break-points.js'
import { measure, slice, type Part, type Token } from './tokens.js'
import { defaultExpansion, type ParagraphOptions, type TextStyle } from './types.js'

/** What each line-breaking item stands for, kept beside the items array. */
export type Meta<D> =
  | { readonly kind: 'box'; readonly parts: readonly Part<D>[] }
  | { readonly kind: 'space'; readonly style: TextStyle; readonly natural: number; readonly stretch: number; readonly shrink: number }
  | { readonly kind: 'hyphen'; readonly style: TextStyle }
  /** Stretch that only the line breaker sees: it lets a line end where there is no space to stretch. */
  | { readonly kind: 'flex' }
  | { readonly kind: 'other' }

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
export const costs: Readonly<Record<ParagraphOptions['align'], Readonly<Record<BreakKind, number>>>> = {
  justify: { explicit: 50, syllable: 50, lastSyllable: 900, character: 950 },
  left: { explicit: 500, syllable: 900, lastSyllable: 900, character: 950 },
}
export const doubleHyphenPenalty = { justify: 10_000, left: 1_000_000 } as const

/**
 * The stretch, in word spaces, that ragged text gives the end of a line: Knuth and Plass's three, and
 * six when hyphenating, so that a hyphen is weighed against a rag and not paid for every few points.
 */
const raggedStretch = { plain: 3, hyphenated: 6 } as const

/** The meta of items that stand for nothing drawn (one object for all of them). */
const other = Object.freeze({ kind: 'other' } as const)
const flex = Object.freeze({ kind: 'flex' } as const)

/** How the items of one try at a paragraph are built. */
export interface Strategy {
  readonly name: 'ordinary' | 'without syllables' | 'last resort'
  /** Whether hyphenated text may break at syllables. */
  readonly syllables: boolean
  /**
   * For a paragraph that overflowed its measure with the ordinary items: a word too wide for any line
   * gets breaks of its own (`lastResortPoints`), a tie whose words cannot share a line is let go, and in
   * justified text every break gets the ragged-right stretch as well (TeX's \emergencystretch), so that
   * a line with no space to stretch, a lone word or a piece of one, may end short instead of running
   * past the measure.
   */
  readonly lastResort: boolean
}

/** The tries, by name: every break the setting allows; ragged text's first try without syllables; the last resort. */
export const strategies = {
  ordinary: { name: 'ordinary', syllables: true, lastResort: false },
  withoutSyllables: { name: 'without syllables', syllables: false, lastResort: false },
  lastResort: { name: 'last resort', syllables: true, lastResort: true },
} as const satisfies Record<string, Strategy>

export interface Items<D> {
  readonly items: InputItem[]
  readonly meta: Meta<D>[]
}

/** The line breaker's items for `tokens`, built the way `strategy` says. */
export function buildItems<D>(tokens: Token<D>[], options: ParagraphOptions, strategy: Strategy): Items<D> {
  const { lastResort, syllables } = strategy
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
