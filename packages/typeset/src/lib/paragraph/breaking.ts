/**
 * Breaking a paragraph's items into lines, try by try: ragged hyphenated text first without syllables
 * (TeX's \pretolerance), justified text within its stretch bound and only then beyond it.
 */
import { breakLines, MaxAdjustmentExceededError, type InputItem } from '../knuth-plass.js'
import { buildItems, doubleHyphenPenalty, strategies, type Items, type Strategy } from './items.js'
import type { Token } from './tokens.js'
import { defaultMaxStretch, type ParagraphOptions } from './types.js'

/**
 * Ragged text that may be hyphenated is first broken without its syllables, as TeX does: if no line
 * then falls too far short (`raggedPretolerance`), the paragraph is not hyphenated at all; a short
 * timeline entry or definition seldom needs it. Otherwise (undefined) it is set with hyphens.
 */
export function unhyphenated<D>(tokens: Token<D>[], options: ParagraphOptions): (Items<D> & { points: number[] }) | undefined {
  const built = buildItems(tokens, options, strategies.withoutSyllables)
  try {
    return { ...built, points: breakLines(built.items, options.width, { ...breakOptions(options), maxAdjustmentRatio: raggedPretolerance }) }
  } catch (error) {
    if (!(error instanceof MaxAdjustmentExceededError)) throw error
    return undefined
  }
}

/** The paragraph broken with the items `strategy` builds. */
export function hyphenated<D>(tokens: Token<D>[], options: ParagraphOptions, strategy: Strategy): Items<D> & { points: number[] } {
  const built = buildItems(tokens, options, strategy)
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
