/**
 * Flow → a vertical list, as TeX builds one: lines, table rows and figures with their heights, the
 * spaces between them (dropped at the top of a page), and where a page may break. Widows and orphans
 * are ruled out here: a paragraph may break only with two lines on either side, a heading stays with
 * what follows it, an attribution with its quotation. Footnotes are laid out too, so the paginator can
 * keep each one on the page of its marker.
 */
import { layoutParagraph, type Paragraph } from '@lectern/typeset'
import type { Design, Styles } from './design.js'
import type { Block, Flow, HandoutPiece, ImageBlock, LinesBlock, Mark, RowsBlock, TextBlock } from './flow.js'

interface Breakable {
  /** A page may break just before this item. */
  readonly breakBefore: boolean
  readonly height: number
}

export interface LineItem extends Breakable {
  readonly kind: 'line'
  readonly block: TextBlock
  readonly paragraph: Paragraph<Mark>
  readonly index: number
  readonly x: number
  /** Footnotes whose markers are on this line. */
  readonly notes: readonly number[]
  readonly completed: boolean
}

export interface Cell {
  readonly paragraph: Paragraph<Mark>
  readonly x: number
  readonly width: number
}

export interface RowItem extends Breakable {
  readonly kind: 'row'
  readonly block: RowsBlock
  /** -1 for the header row. */
  readonly row: number
  readonly cells: readonly Cell[]
  /** Offset of the cells' first line below the row's top. */
  readonly padding: number
  readonly notes: readonly number[]
  readonly completed: boolean
}

export interface ImageItem extends Breakable {
  readonly kind: 'image'
  readonly block: ImageBlock
  readonly x: number
  readonly width: number
  readonly notes: readonly number[]
  readonly completed: boolean
}

export interface LinesItem extends Breakable {
  readonly kind: 'lines'
  readonly block: LinesBlock
  readonly notes: readonly number[]
  readonly completed: false
}

export interface SpaceItem extends Breakable {
  readonly kind: 'space'
}

export type ContentItem = LineItem | RowItem | ImageItem | LinesItem
export type VItem = ContentItem | SpaceItem

export interface MeasuredNote {
  readonly number: number
  readonly paragraph: Paragraph<Mark>
  /** Where the note's text starts right of its number. */
  readonly hang: number
  readonly height: number
  /** Notes this note calls for (a note that cites another): they go on the same page. */
  readonly notes: readonly number[]
}

export interface Measured {
  readonly items: readonly VItem[]
  readonly notes: ReadonlyMap<number, MeasuredNote>
}

export function measure(flow: Flow, design: Design): Measured {
  const items: VItem[] = []
  let pendingSpace = 0
  let keepNext = false

  for (const block of flow.blocks) {
    const content = itemsOf(block, design, flow.lang)
    if (content.length === 0) continue
    const keep = keepNext || ('keepWithPrevious' in block && block.keepWithPrevious)
    // Space between blocks collapses to the larger of the two, as in CSS; it vanishes at a page top.
    const space = Math.max(pendingSpace, block.spaceBefore)
    items.push({ kind: 'space', height: space, breakBefore: !keep })
    items.push(...content)
    pendingSpace = 'spaceAfter' in block ? block.spaceAfter : 0
    keepNext = block.kind === 'text' && block.keepWithNext
  }

  const notes = new Map<number, MeasuredNote>()
  const hang = design.styles.note.size * 1.7
  for (const note of flow.footnotes) {
    const paragraph = layoutParagraph(note.pieces, {
      width: design.width - hang,
      leading: design.leadings.note,
      align: design.print.align,
      hyphenate: design.print.hyphenate,
      lang: flow.lang,
    })
    const cited = paragraph.lines.flatMap((line) => markersOf(line.fragments)).filter((number) => number !== note.number)
    notes.set(note.number, { number: note.number, paragraph, hang, height: paragraph.height, notes: cited })
  }
  return { items, notes }
}

/** The block's items, the first one not breakable (the space before it carries the break). */
function itemsOf(block: Block, design: Design, lang: string): ContentItem[] {
  switch (block.kind) {
    case 'text':
      return textLines(block, design, lang)
    case 'rows':
      return rowItems(block, design, lang)
    case 'image':
      return [imageItem(block, design)]
    case 'lines':
      return [{ kind: 'lines', block, height: block.minimum * block.spacing, breakBefore: false, notes: [], completed: false }]
  }
}

const maxBalancedLines = 4

function textLines(block: TextBlock, design: Design, lang: string): LineItem[] {
  const width = design.width - block.inset.left - block.inset.right
  const options = { align: block.align, hyphenate: block.hyphenate, indent: block.indent, lang }
  let paragraph = layout(block.pieces, block.style, width, design, options)
  // Balancing is for a title or heading of a few lines; a longer one (a pasted paragraph) is set as it
  // comes, so its cost stays that of one layout.
  if (block.balance && paragraph.lines.length > 1 && paragraph.lines.length <= maxBalancedLines) {
    // Binary search for the narrowest width that still needs no more lines: no lone word on a title's last line.
    let [low, high] = [width / 2, width]
    while (high - low > 2) {
      const mid = (low + high) / 2
      if (layout(block.pieces, block.style, mid, design, options).lines.length > paragraph.lines.length) low = mid
      else high = mid
    }
    paragraph = layout(block.pieces, block.style, high, design, options)
  }
  const count = paragraph.lines.length
  return paragraph.lines.map((line, index) => ({
    kind: 'line',
    block,
    paragraph,
    index,
    x: block.inset.left,
    height: paragraph.leading,
    // No orphan (one line left at a page foot) and no widow (one line carried to the next page).
    breakBefore: index >= 2 && count - index >= 2,
    notes: markersOf(line.fragments),
    completed: line.fragments.some((fragment) => fragment.data?.completed),
  }))
}

function rowItems(block: RowsBlock, design: Design, lang: string): RowItem[] {
  const inner = design.width - block.inset * 2
  const free = inner - block.gap * (block.columns.length - 1)
  const columnX: number[] = []
  let x = block.inset
  for (const fraction of block.columns) {
    columnX.push(x)
    x += fraction * free + block.gap
  }
  const cellsOf = (cells: readonly (readonly HandoutPiece[])[], header: boolean): Cell[] =>
    cells.map((pieces, column) => {
      const width = block.columns[column]! * free
      const style = header ? 'label' : (block.styles[column] ?? 'small')
      // Narrow first columns (dates, terms, bullets) are ragged; only wide text columns follow the profile.
      const wide = !block.ragged && width > design.width * 0.45
      const paragraph = layout(pieces, style, width, design, { align: wide ? design.print.align : 'left', hyphenate: wide && design.print.hyphenate, indent: 0, lang })
      return { paragraph, x: columnX[column]!, width }
    })
  const rows: RowItem[] = []
  if (block.header) {
    const cells = cellsOf(block.header, true)
    const height = Math.max(...cells.map((cell) => cell.paragraph.height)) + block.rowSpace
    rows.push({ kind: 'row', block, row: -1, cells, padding: block.rowSpace / 2, height, breakBefore: false, notes: [], completed: false })
  }
  block.rows.forEach((row, index) => {
    const cells = cellsOf(row.cells, false)
    const first = index === 0
    const last = index === block.rows.length - 1
    const padding = block.rowSpace / 2 + (first ? block.inset : 0)
    const height = Math.max(...cells.map((cell) => cell.paragraph.height)) + block.rowSpace + (first ? block.inset : 0) + (last ? block.inset : 0)
    rows.push({
      kind: 'row',
      block,
      row: index,
      cells,
      padding,
      height,
      // The header stays with the first row; the panel's first row with whatever precedes it.
      breakBefore: !first,
      notes: cells.flatMap((cell) => cell.paragraph.lines.flatMap((line) => markersOf(line.fragments))),
      completed: row.completed,
    })
  })
  return rows
}

function imageItem(block: ImageBlock, design: Design): ImageItem {
  // Pixels at 96 per inch, never wider than the text nor taller than half the page.
  let width = Math.min(design.width, block.pixels.width * 0.75)
  let height = (width * block.pixels.height) / block.pixels.width
  if (height > design.height * 0.5) {
    height = design.height * 0.5
    width = (height * block.pixels.width) / block.pixels.height
  }
  return { kind: 'image', block, x: (design.width - width) / 2, width, height, breakBefore: false, notes: [], completed: block.completed }
}

function layout(pieces: readonly HandoutPiece[], style: keyof Styles, width: number, design: Design, options: { align: 'justify' | 'left'; hyphenate: boolean; indent: number; lang: string }): Paragraph<Mark> {
  return layoutParagraph(pieces, {
    width,
    leading: design.leadings[style],
    align: options.align,
    hyphenate: options.hyphenate,
    lang: options.lang,
    indent: options.indent,
    wordSpace: design.print.wordSpace,
  })
}

function markersOf(fragments: readonly { readonly data: Mark | undefined }[]): number[] {
  return fragments.flatMap((fragment) => (fragment.data?.marker ? [fragment.data.marker] : []))
}
