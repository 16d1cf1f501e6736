/**
 * The layout cache: a paragraph laid out again with the same options, text and styles (as `lectern dev`
 * does for every paragraph but the one edited) comes back rebuilt with the caller's own style and
 * `data` objects; the least recently used go first.
 */
import type { Paragraph, ParagraphOptions, Piece, TextStyle } from './types.js'

/**
 * The paragraph for `pieces` and `options`, from the cache or made by `make` (and kept). Keyed by
 * the options, each piece's text and style values, and which pieces share a style or `data` object,
 * since fragments join only across the same objects.
 */
export function cachedLayout<D>(pieces: readonly Piece<D>[], options: ParagraphOptions, make: () => Paragraph<D>): Paragraph<D> {
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
  const paragraph = make()
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
