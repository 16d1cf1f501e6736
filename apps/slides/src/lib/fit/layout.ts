/**
 * The one source of the deck's geometry: the theme CSS is written from these numbers and `fit` measures
 * against them, so what is measured is what the browser lays out. Sizes are CSS pixels on Marp's slide
 * (1280×720 for 16:9, 960×720 for 4:3).
 */
import type { FaceName } from '@lectern/typeset'

export type Size = '16:9' | '4:3'
export type Profile = 'standard' | 'accessible'

/** A run of text set in one face at one size. */
export interface TextStyle {
  readonly face: FaceName
  /** The face for bold spans. */
  readonly bold: FaceName
  /** The face for italic spans. */
  readonly italic: FaceName
  readonly size: number
  readonly lineHeight: number
  /** Extra space after every character and after every word space, in ems (CSS letter- and word-spacing). */
  readonly tracking?: number | undefined
  readonly wordSpacing?: number | undefined
}

export interface Layout {
  readonly size: Size
  readonly profile: Profile
  readonly width: number
  readonly height: number
  readonly padding: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number }
  /** Space between the blocks of a slide (heading, paragraphs, lists). */
  readonly gap: number
  /** Headings: the normal size first, then smaller ones for long headings. */
  readonly heading: readonly TextStyle[]
  /** Title slide: the title in falling sizes, then the question and byline. */
  readonly title: readonly TextStyle[]
  readonly question: TextStyle
  readonly byline: TextStyle
  /** Thesis, judgement, discussion: one statement, large, in falling sizes. */
  readonly statement: readonly TextStyle[]
  readonly bullet: TextStyle
  /** Extra space between list items, and the list's indent. */
  readonly itemGap: number
  readonly listIndent: number
  /** The quotation on an evidence slide, in falling sizes, and its source line. */
  readonly quote: readonly TextStyle[]
  readonly quoteIndent: number
  readonly source: TextStyle
  /** Timeline and key-term entries. */
  readonly entry: TextStyle
  readonly entryGap: number
}

const style = (face: FaceName, size: number, lineHeight: number, bold: FaceName = 'sans-bold', italic: FaceName = 'sans-italic'): TextStyle => ({
  face,
  bold,
  italic,
  size,
  lineHeight,
})

/** Standard: Source Sans 3 for everything but the quotation, which is set in Source Serif 4 italic. */
function standard(size: Size): Layout {
  return {
    size,
    profile: 'standard',
    width: size === '16:9' ? 1280 : 960,
    height: 720,
    padding: { top: 56, right: 72, bottom: 76, left: 72 },
    gap: 22,
    heading: [style('sans-semibold', 50, 1.15), style('sans-semibold', 42, 1.15), style('sans-semibold', 35, 1.15)],
    title: [style('sans-bold', 62, 1.1), style('sans-bold', 52, 1.1), style('sans-bold', 44, 1.1), style('sans-bold', 36, 1.1)],
    question: style('sans', 34, 1.3),
    byline: style('sans', 24, 1.3),
    statement: [style('sans', 42, 1.3), style('sans', 36, 1.3), style('sans', 31, 1.3), style('sans', 27, 1.3)],
    bullet: style('sans', 34, 1.3),
    itemGap: 14,
    listIndent: 40,
    quote: [
      style('serif-italic', 44, 1.3, 'serif-bold-italic', 'serif'),
      style('serif-italic', 38, 1.3, 'serif-bold-italic', 'serif'),
      style('serif-italic', 33, 1.3, 'serif-bold-italic', 'serif'),
      style('serif-italic', 29, 1.3, 'serif-bold-italic', 'serif'),
    ],
    quoteIndent: 34,
    source: style('sans', 24, 1.3),
    entry: style('sans', 28, 1.3),
    entryGap: 10,
  }
}

/**
 * Accessible: larger type, more leading, no italic (quotations stay upright in the sans face), so fewer
 * words per slide and more continuation slides.
 */
function accessible(size: Size): Layout {
  const base = standard(size)
  const layout: Layout = {
    ...base,
    profile: 'accessible',
    gap: 26,
    heading: [style('sans-bold', 52, 1.2), style('sans-bold', 44, 1.2), style('sans-bold', 38, 1.2)],
    question: style('sans', 36, 1.45),
    byline: style('sans', 26, 1.45),
    statement: [style('sans', 44, 1.45), style('sans', 38, 1.45), style('sans', 34, 1.45), style('sans', 31, 1.45)],
    bullet: style('sans', 38, 1.45, 'sans-bold', 'sans'),
    itemGap: 18,
    quote: [style('sans', 44, 1.45, 'sans-bold', 'sans'), style('sans', 38, 1.45, 'sans-bold', 'sans'), style('sans', 34, 1.45, 'sans-bold', 'sans'), style('sans', 31, 1.45, 'sans-bold', 'sans')],
    source: style('sans', 26, 1.45),
    entry: style('sans', 32, 1.45),
    entryGap: 14,
  }
  // The BDA's spacing, as in print (typeset's printStyles.accessible): letters 35 % of the sans face's
  // average letter width apart (0.166 em), and a word space of 0.2 + 0.166 + 0.24 = 0.61 em, 3.6 times
  // that; and emphasis in bold, never italic.
  const calm = (s: TextStyle): TextStyle => ({ ...s, italic: s.bold, tracking: accessibleTracking, wordSpacing: accessibleWordSpacing })
  return {
    ...layout,
    heading: layout.heading.map(calm),
    title: layout.title.map(calm),
    question: calm(layout.question),
    byline: calm(layout.byline),
    statement: layout.statement.map(calm),
    bullet: calm(layout.bullet),
    quote: layout.quote.map(calm),
    source: calm(layout.source),
    entry: calm(layout.entry),
  }
}

export const accessibleTracking = 0.166
export const accessibleWordSpacing = 0.24

export function layoutFor(size: Size, profile: Profile): Layout {
  return Object.freeze(profile === 'accessible' ? accessible(size) : standard(size))
}

/** The box the content of a slide may fill. */
export function contentBox(layout: Layout): { width: number; height: number } {
  const { padding } = layout
  return { width: layout.width - padding.left - padding.right, height: layout.height - padding.top - padding.bottom }
}
