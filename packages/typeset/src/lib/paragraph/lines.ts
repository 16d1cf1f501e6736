/**
 * Chosen breaks to positioned lines: each line's adjustment ratio (spaces and glyph widths share the
 * slack), its font expansion, and its fragments, words joined where the spacing is natural.
 */
import { canHyphenate } from '../hyphenate.js'
import { lineContentStart, MIN_COST, PARAGRAPH_START, type Penalty } from '../knuth-plass.js'
import { hyphenated, unhyphenated } from './breaking.js'
import type { Strategy } from './items.js'
import type { Token } from './tokens.js'
import { defaultExpansion, defaultMaxStretch, type Line, type ParagraphOptions, type TextStyle } from './types.js'

/** How far past the measure a line may end and still count as fitting: rounding, not overflow. */
export const overflowTolerance = 1e-3

/**
 * The paragraph's lines, broken with the `ordinary` or `lastResort` strategy's items (ragged text that
 * may be hyphenated tries `withoutSyllables` first), each with its ratio, glyph scale and fragments.
 */
export function setLines<D>(tokens: Token<D>[], options: ParagraphOptions, strategy: Strategy): Line<D>[] {
  if (tokens.length === 0) return []
  const tryUnhyphenated = options.align === 'left' && options.hyphenate && canHyphenate(options.lang ?? 'en') && !strategy.lastResort
  const { items, meta, points } = (tryUnhyphenated && unhyphenated(tokens, options)) || hyphenated(tokens, options, strategy)
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
