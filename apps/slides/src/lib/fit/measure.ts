/**
 * How many lines a run of styled text takes in a given width, measured with the bundled fonts' own
 * advance widths and kerning (`widthOf` of @lectern/typeset) the way a browser fills lines: greedily, breaking at
 * spaces, and inside a word only when the word alone is wider than the line.
 */
import { widthOf, type FaceName } from '@lectern/typeset'
import type { Span } from '../slide.js'
import type { TextStyle } from './layout.js'

/**
 * Widths are taken a little wider than the font's metrics say: browsers round glyph positions, and a few per cent
 * of slack costs a word per slide at most, while one word too many costs an overflowing slide.
 */
const widthSlack = 1.03

function faceOf(span: Span, style: TextStyle): FaceName {
  if (span.strong) return style.bold
  if (span.em) return style.italic
  return style.face
}

interface Piece {
  readonly width: number
  /** Width of the space that follows it (0 at a span that ends without one). */
  readonly space: number
}

/** Break styled spans into the words a line can break between, each with its measured width. */
function pieces(spans: readonly Span[], style: TextStyle): Piece[] {
  const out: Piece[] = []
  let pending = 0
  const tracking = style.tracking ?? 0
  const wordSpacing = style.wordSpacing ?? 0
  for (const span of spans) {
    const face = faceOf(span, style)
    const size = span.code ? style.size * 0.85 : style.size
    for (const part of span.text.split(/(\s+)/)) {
      if (part === '') continue
      if (/^\s+$/.test(part)) {
        if (out.length > 0) out[out.length - 1] = { ...out.at(-1)!, space: (widthOf(' ', face, size) + (tracking + wordSpacing) * size) * widthSlack }
        pending = 0
        continue
      }
      const width = (widthOf(part, face, size) + tracking * size * [...part].length) * widthSlack
      // A word split across spans (bold "Red" + "'s") is one unbreakable piece.
      const previous = out.at(-1)
      if (previous && previous.space === 0 && pending > 0) {
        out[out.length - 1] = { width: previous.width + width, space: 0 }
      } else {
        out.push({ width, space: 0 })
      }
      pending = 1
    }
  }
  return out
}

/**
 * Lines already counted, by spans, style and width. Fitting asks the same question many times (packing
 * bisects over the same items, each heading is tried at every size): a deck of 21 slides asks 2,700
 * times about 90 paragraphs. The answer is a pure function of the key, so the cache can only save time;
 * it is emptied when it grows large, for processes that fit thousands of decks.
 */
const counted = new Map<string, number>()
const cacheLimit = 50_000

function keyOf(spans: readonly Span[], style: TextStyle, width: number): string {
  let key = `${style.face}\u0001${style.bold}\u0001${style.italic}\u0001${style.size}\u0001${style.tracking ?? 0}\u0001${style.wordSpacing ?? 0}\u0001${width}`
  for (const span of spans) key += `\u0000${span.strong ? 's' : ''}${span.em ? 'e' : ''}${span.code ? 'c' : ''}\u0001${span.text}`
  return key
}

/** Lines the spans fill at `width`. */
export function lineCount(spans: readonly Span[], style: TextStyle, width: number): number {
  const key = keyOf(spans, style, width)
  let lines = counted.get(key)
  if (lines === undefined) {
    lines = countLines(pieces(spans, style), width)
    if (counted.size >= cacheLimit) counted.clear()
    counted.set(key, lines)
  }
  return lines
}

function countLines(words: readonly Piece[], width: number): number {
  if (words.length === 0) return 0
  let lines = 1
  let used = 0
  for (const word of words) {
    if (word.width > width) {
      // Only a very long word (a URL) is wider than the line: it is broken anywhere.
      if (used > 0) lines++
      const extra = Math.ceil(word.width / width) - 1
      lines += extra
      used = word.width - extra * width + word.space
      continue
    }
    if (used > 0 && used + word.width > width) {
      lines++
      used = 0
    }
    used += word.width + word.space
  }
  return lines
}

/** Height in pixels of a paragraph of these spans. */
export function textHeight(spans: readonly Span[], style: TextStyle, width: number): number {
  return lineCount(spans, style, width) * lineHeight(style)
}

export function lineHeight(style: TextStyle): number {
  return style.size * style.lineHeight
}
