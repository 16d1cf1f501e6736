/**
 * The sheet's layout vocabulary: lines placed on the page, blocks with their structure roles, the
 * rectangles behind them, and the units the columns are filled with.
 */
import type { Line, PlacedSpan } from './lines.js'
import type { SheetStyle } from './style.js'

/** Structure roles, as the tagged PDF names them; `Artifact` is page furniture, outside the structure. */
export type Role = 'H1' | 'H2' | 'H3' | 'P' | 'LI' | 'Note' | 'Artifact'

export interface PlacedLine {
  readonly x: number
  readonly top: number
  readonly baseline: number
  readonly height: number
  readonly spans: readonly PlacedSpan[]
  /** The line as typeset laid it out, which the PDF draws. */
  readonly source: Line['source']
}

export interface LaidBlock {
  /** The side of the sheet it is on: 0 the front, 1 the back. */
  readonly page: number
  readonly role: Role
  /** The section (`points`, `timeline`…) a block belongs to, for grouping in the structure tree. */
  readonly group: string
  /** A list item's number ("12", "Q3"), on the first line's baseline. */
  readonly label?: PlacedLine | undefined
  readonly lines: readonly PlacedLine[]
}

export interface Rect {
  readonly page?: number | undefined
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  readonly colour: 'band' | 'accent' | 'muted'
}

export interface PageLayout {
  readonly size: number
  readonly style: SheetStyle
  readonly blocks: readonly LaidBlock[]
  readonly rects: readonly Rect[]
  readonly fits: boolean
  /** How many sides of the sheet it uses. */
  readonly pages: number
}

/** A group of blocks that stays together in one column, measured from its own top. */
export interface Unit {
  readonly blocks: Array<{ role: Role; group: string; label?: PlacedLine | undefined; lines: PlacedLine[] }>
  readonly rects: Rect[]
  readonly height: number
  /** Space above it, unless it starts a column. */
  readonly before: number
}

/**
 * What a fitter learns once per sheet and body size: each part's height (an item's entry is as tall
 * whatever its number), by the item it shows or a name for the part.
 */
export type Heights = Map<unknown, Unit>
