/**
 * Where a word may break: at its own hyphens, dashes and slashes, at its syllables (en-GB patterns),
 * and, for a word too wide for any line, in pieces that each fill a line.
 */
import { canHyphenate, syllables } from '../hyphenate.js'
import { measure, noBreakBefore, slice, type Word } from './tokens.js'

/** Where a word may break: after `at` characters, with a hyphen added or not, and what kind of break. */
export type BreakPoint = { readonly at: number; readonly hyphen: boolean; readonly kind: BreakKind }
export type BreakKind = 'explicit' | 'syllable' | 'lastSyllable' | 'character'


const breakPointCache = new Map<string, readonly BreakPoint[]>()

/** Positions in `word` after which a line may break, and whether a hyphen is then added (cached). */
export function breakPoints(word: string, hyphenate: boolean): readonly BreakPoint[] {
  const key = (hyphenate ? 'h' : 'n') + word
  let points = breakPointCache.get(key)
  if (!points) {
    points = findBreakPoints(word, hyphenate)
    // Most words have none: they share one empty list.
    breakPointCache.set(key, (points = points.length ? points : noBreakPoints))
  }
  return points
}

export const noBreakPoints: readonly BreakPoint[] = Object.freeze([])

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
export function syllablePoints(word: string, from: number, to: number, kind: BreakKind): BreakPoint[] {
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
export function lastResortPoints<D>(token: Word<D>, word: string, ordinary: readonly BreakPoint[], room: number, lang: string): readonly BreakPoint[] {
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
function fill<D>(token: Word<D>, word: string, from: number, to: number, room: number, lang: string, width: (from: number, point: BreakPoint) => number): BreakPoint[] {
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
