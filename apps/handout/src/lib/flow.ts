/**
 * The handout as a flow of blocks, before anything is measured: what `normalise` makes from an Essay and
 * `measure` lays out. Each block knows its text, style, spacing, keep rules and where it sits in the
 * PDF structure tree.
 */
import type { Position } from '@lectern/content'
import type { Piece } from '@lectern/typeset'
import type { Styles } from './design.js'

/** What travels with a piece of text to the drawn fragment. */
export interface Mark {
  /** Written by the editors, not the author. */
  readonly completed?: boolean
  /** This piece is the marker of footnote n. */
  readonly marker?: number
}

export type HandoutPiece = Piece<Mark>

/** A structure element on the way from the document root to the content: created once, by key. */
export interface StructNode {
  readonly key: string
  readonly tag: string
  readonly alt?: string | undefined
}

export interface TextBlock {
  readonly kind: 'text'
  readonly style: keyof Styles
  readonly pieces: readonly HandoutPiece[]
  readonly align: 'justify' | 'left'
  readonly hyphenate: boolean
  /** First-line indent in points. */
  readonly indent: number
  /** Inset from the text block's edges, in points. */
  readonly inset: { readonly left: number; readonly right: number }
  readonly spaceBefore: number
  readonly spaceAfter: number
  /** No page break between this block and the next (a heading and its text). */
  readonly keepWithNext: boolean
  /** No page break between the previous block and this one (a quotation and its attribution). */
  readonly keepWithPrevious: boolean
  /** Containers from the root, then the element that holds this block's marked content. */
  readonly path: readonly StructNode[]
  readonly leaf: StructNode
  /** Lines of even length (titles, headings): the narrowest measure that keeps the same number of lines. */
  readonly balance?: boolean | undefined
  /** A bookmark opens here. */
  readonly outline?: string | undefined
  /** Drawn on a panel: rules above and below (`thesis`, `about`). */
  readonly panel?: 'thesis' | 'about' | undefined
  readonly place?: Position | undefined
}

export interface RowsBlock {
  readonly kind: 'rows'
  /** `list` and `terms` are lists (L › LI › Lbl + LBody); `timeline` and `table` are tables (Table › TR › TH/TD). */
  readonly role: 'list' | 'terms' | 'timeline' | 'table'
  /** Column widths as fractions of the text width, and the gap between columns in points. */
  readonly columns: readonly number[]
  readonly gap: number
  /** Set every column ragged (short entries such as a timeline's), not only the narrow ones. */
  readonly ragged: boolean
  readonly styles: readonly (keyof Styles)[]
  readonly header?: readonly (readonly HandoutPiece[])[] | undefined
  readonly rows: readonly { readonly cells: readonly (readonly HandoutPiece[])[]; readonly completed: boolean }[]
  readonly spaceBefore: number
  readonly spaceAfter: number
  readonly rowSpace: number
  readonly path: readonly StructNode[]
  readonly keepWithPrevious: boolean
  /** A tinted panel behind the rows. */
  readonly tinted: boolean
  readonly inset: number
}

export interface ImageBlock {
  readonly kind: 'image'
  readonly data: Uint8Array
  readonly alt: string
  /** Intrinsic size in pixels. */
  readonly pixels: { readonly width: number; readonly height: number }
  readonly completed: boolean
  readonly spaceBefore: number
  readonly spaceAfter: number
  readonly path: readonly StructNode[]
  readonly leaf: StructNode
}

/** The lined area for students' notes that ends the handout. */
export interface LinesBlock {
  readonly kind: 'lines'
  /** At least this many ruled lines; they fill the rest of the page. */
  readonly minimum: number
  readonly spacing: number
  readonly spaceBefore: number
}

export type Block = TextBlock | RowsBlock | ImageBlock | LinesBlock

export interface Footnote {
  readonly number: number
  readonly pieces: readonly HandoutPiece[]
  /** The structure element the note's Note element follows (the section holding the reference). */
  readonly path: readonly StructNode[]
}

export interface Flow {
  /** BCP 47 language of the essay, for hyphenation. */
  readonly lang: string
  readonly blocks: readonly Block[]
  readonly footnotes: readonly Footnote[]
}
