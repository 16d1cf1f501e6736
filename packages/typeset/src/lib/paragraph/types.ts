/**
 * The paragraph layout's vocabulary: styled pieces and options in, positioned lines out.
 */
import type { AnyFace } from '../fonts.js'

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
