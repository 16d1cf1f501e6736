/**
 * Paragraph layout: styled pieces of text in, positioned lines out. Justified text is broken with the
 * Knuth–Plass algorithm (tex-linebreak's, in `knuth-plass.ts`) over boxes, glue and penalties measured
 * with the bundled fonts, hyphenated with the en-GB patterns; left-aligned text uses Knuth and Plass's
 * ragged-right glue, so even ragged lines are balanced rather than filled greedily. Pure: no pdfkit.
 *
 * One module per concern, in `paragraph/`: `tokens` (pieces to words and spaces), `break-points` (where
 * a word may break), `items` (boxes, glue and penalties, by named strategy), `breaking` (the tries of
 * the line breaker), `lines` (breaks to positioned lines), `cache` (layouts kept for warm rebuilds).
 */
import { cachedLayout } from './paragraph/cache.js'
import { strategies } from './paragraph/items.js'
import { overflowTolerance, setLines } from './paragraph/lines.js'
import { tokenize, type Token } from './paragraph/tokens.js'
import type { Paragraph, ParagraphOptions, Piece } from './paragraph/types.js'

export * from './paragraph/types.js'

/**
 * Lays out a paragraph. The result is cached by everything it depends on (the options, each piece's
 * text and style values, and which pieces share a style or `data` object, since fragments join only
 * across the same objects): a warm process laying out an unchanged paragraph again, as `lectern dev`
 * does for every paragraph but the one edited, gets it back rebuilt with the caller's own style and
 * `data` objects.
 */
export function layoutParagraph<D = unknown>(pieces: readonly Piece<D>[], options: ParagraphOptions): Paragraph<D> {
  return cachedLayout(pieces, options, () => layoutUncached(pieces, options))
}

function layoutUncached<D>(pieces: readonly Piece<D>[], options: ParagraphOptions): Paragraph<D> {
  const size = Math.max(0, ...pieces.filter((piece) => !piece.style.rise).map((piece) => piece.style.size))
  const runs = runsOf(tokenize(pieces))
  const lines = runs.flatMap((tokens, index) => {
    let set = setLines(tokens, options, strategies.ordinary)
    // A line past the measure means some word or tie had no room on any line: set the paragraph again
    // with the last resorts. Most paragraphs never need them, and are set without a trace of them.
    if (set.some((line) => line.width > options.width + overflowTolerance)) set = setLines(tokens, options, strategies.lastResort)
    return index === runs.length - 1 ? set : set.map((line) => (line.last ? { ...line, last: false } : line))
  })
  return { lines, width: options.width, leading: options.leading, size, height: lines.length * options.leading }
}

/**
 * The most words the line breaker weighs together. No paragraph a person writes comes near it (an
 * essay's longest are a few hundred words), but a pathological one does, a whole essay pasted as one
 * heading: the breaker's work grows faster than the paragraph (a 20 000-word title took 8 s), so
 * such a paragraph is set in runs of this many words, each broken optimally, one after another.
 */
export const wordsPerRun = 1500

function runsOf<D>(tokens: Token<D>[]): Token<D>[][] {
  const runs: Token<D>[][] = []
  let start = 0
  let words = 0
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.kind === 'word') words++
    // A run ends at a space that may break, which is dropped (the next line starts with a word).
    if (words >= wordsPerRun && token.kind === 'space' && !token.keep) {
      runs.push(tokens.slice(start, i))
      start = i + 1
      words = 0
    }
  }
  runs.push(tokens.slice(start))
  return runs
}

/** Height of a paragraph without keeping its lines: what a page planner asks first. */
export function measureParagraph(pieces: readonly Piece[], options: ParagraphOptions): number {
  return layoutParagraph(pieces, options).height
}

/** Offset from the top of a line box to its baseline, so text sits optically centred in its leading. */
export function baselineOffset(leading: number, size: number): number {
  return leading / 2 + 0.28 * size
}
