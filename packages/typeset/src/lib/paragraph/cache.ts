/**
 * The layout cache: a paragraph laid out again with the same options, text and styles (as `lectern dev`
 * does for every paragraph but the one edited) comes back rebuilt with the caller's own style and
 * `data` objects; the least recently used go first.
 */
import type { Fragment, Line, Paragraph, ParagraphOptions, Piece, TextStyle } from './types.js'

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
  for (const record of records) record.add(key)
  const cached = layouts.get(key)
  if (cached) {
    // The most recently used stay: move it to the end.
    layouts.delete(key)
    layouts.set(key, cached)
    return revive(cached, [...styles.keys()], [...data.keys()] as (D | undefined)[])
  }
  const kept = saved.get(key)
  const paragraph = kept ? fromSaved<D>(kept, [...styles.keys()], [...data.keys()] as (D | undefined)[]) : make()
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

/**
 * A layout as plain data, for a build to keep beside its other caches: each fragment's style and data
 * are the place of the caller's object among the pieces' (in order of first appearance), as the key
 * numbers them.
 */
export interface SavedParagraph extends Omit<Paragraph, 'lines'> {
  readonly lines: ReadonlyArray<Omit<Line, 'fragments'> & { readonly fragments: ReadonlyArray<Omit<Fragment, 'style' | 'data'> & { readonly style: number; readonly data: number }> }>
}

/** Layouts handed back by `rememberLayouts`, taken when a key is met that this process has not laid out. */
const saved = new Map<string, SavedParagraph>()
const records = new Set<Set<string>>()

/**
 * Laying out is most of a print compiler's first run, and depends only on what the key holds: a build
 * keeps the layouts it used and hands them back next time, so an unchanged paragraph is never set
 * again. `recordLayouts` starts a record; the function it returns ends it and gives what was used.
 */
export function recordLayouts(): () => Record<string, SavedParagraph> {
  const mine = new Set<string>()
  records.add(mine)
  return () => {
    records.delete(mine)
    const out: Record<string, SavedParagraph> = {}
    for (const key of mine) {
      const layout = layouts.get(key)
      const kept = layout ? toSaved(layout) : saved.get(key)
      if (kept) out[key] = kept
    }
    return out
  }
}

/** Hands back saved layouts for one compile; the function it returns lets them go (a library build
 * hands each essay its own, and must not keep them all). */
export function rememberLayouts(layouts: Readonly<Record<string, SavedParagraph>>): () => void {
  const keys = Object.keys(layouts)
  for (const key of keys) saved.set(key, layouts[key]!)
  return () => {
    for (const key of keys) saved.delete(key)
  }
}

function toSaved(cached: CachedParagraph): SavedParagraph {
  const { paragraph } = cached
  return {
    ...paragraph,
    lines: paragraph.lines.map((line) => ({
      ...line,
      fragments: line.fragments.map((fragment) => ({ ...fragment, style: cached.styles.indexOf(fragment.style), data: cached.data.indexOf(fragment.data) })),
    })),
  }
}

function fromSaved<D>(kept: SavedParagraph, styles: readonly TextStyle[], data: readonly (D | undefined)[]): Paragraph<D> {
  return {
    ...kept,
    lines: kept.lines.map((line) => ({ ...line, fragments: line.fragments.map((fragment) => ({ ...fragment, style: styles[fragment.style]!, data: data[fragment.data] })) })),
  }
}
