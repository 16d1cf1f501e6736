/**
 * Draws the page plan with pdfkit and tags it: Document › H1, P…, Div (thesis), Sect › H2, P, BlockQuote,
 * L › LI › Lbl + LBody, Table › TR › TH/TD, Figure, Note. Footnotes are drawn at the foot of the page of
 * their marker and tagged as a Note right after the block that refers to them. Editors' passages get a
 * bar in the margin and a margin note where they begin; decoration is tagged as artifacts.
 */
import { baselineOffset, drawParagraph, scope, StructureTree, type Paragraph, type PdfDocument, type StructureElement } from '@lectern/typeset'
import type { Design } from './design.js'
import type { Mark, StructNode } from './flow.js'
import type { ContentItem, LineItem, MeasuredNote, RowItem } from './measure.js'
import { noteRule, type Page, type Placed } from './paginate.js'

export const completedNote = 'Completed by the Lectern editors'

type Element = StructureElement

export function renderPages(doc: PdfDocument, pages: readonly Page[], design: Design): void {
  const structure = new StructureTree(doc)
  const ink = design.print.ink
  for (const page of pages) {
    doc.addPage()
    decorate(doc, page, design)
    const starts = completedStarts(page.placed, design)
    const drawnNotes = new Set<number>()
    const drawNotes = (numbers: readonly number[], path: readonly StructNode[]) => {
      for (const number of numbers) {
        if (drawnNotes.has(number)) continue
        const placed = page.notes.find((note) => note.note.number === number)
        if (!placed) continue
        drawnNotes.add(number)
        const note = structure.child(structure.ensure(path.slice(0, -1)), 'Note')
        drawFootnote(doc, placed.note, placed.y, note, design)
      }
    }

    for (let index = 0; index < page.placed.length; index++) {
      const { item, y } = page.placed[index]!
      // The editors' note is read just before the passage: beside a block that starts here, inside a
      // paragraph that continues, in the first cell of a row (a table holds only rows).
      const note = starts.has(index) ? (parent: Element) => marginNote(doc, y, item, design, structure, parent) : undefined
      if (note && item.kind === 'line') note(structure.ensure(item.index === 0 ? item.block.path : [...item.block.path, item.block.leaf]))
      if (note && item.kind === 'image') note(structure.ensure(item.block.path))
      switch (item.kind) {
        case 'line': {
          // Consecutive lines of one paragraph are drawn together, as one marked-content sequence,
          // up to the next margin note.
          let end = index + 1
          while (end < page.placed.length && !starts.has(end) && sameParagraph(page.placed[end]!.item, item)) end++
          const last = page.placed[end - 1]!.item as LineItem
          const leaf = structure.ensure([...item.block.path, item.block.leaf])
          if (item.block.outline && item.index === 0) doc.outline.addItem(item.block.outline)
          drawParagraph(doc, item.paragraph, {
            x: design.left + item.x,
            y,
            from: item.index,
            to: last.index + 1,
            color: ink,
            struct: { element: leaf, tag: item.block.leaf.tag },
          })
          const numbers = page.placed.slice(index, end).flatMap((placed) => placed.item.notes)
          drawNotes(numbers, [...item.block.path, item.block.leaf])
          index = end - 1
          break
        }
        case 'row':
          drawRow(doc, item, y, design, structure, note)
          drawNotes(item.notes, item.block.path)
          break
        case 'image': {
          const figure = structure.ensure([...item.block.path, item.block.leaf])
          figure.add(doc.markStructureContent('Figure'))
          doc.image(Buffer.from(item.block.data), design.left + item.x, y, { width: item.width, height: item.height })
          doc.endMarkedContent()
          break
        }
        case 'lines':
          drawRuledLines(doc, y, page, design)
          break
      }
    }
  }
  structure.end()
}

function sameParagraph(a: ContentItem, b: LineItem): boolean {
  return a.kind === 'line' && a.paragraph === b.paragraph
}

/** Background decoration, drawn first: tinted panels, the thesis rules, completed-passage bars, the footnote rule. */
function decorate(doc: PdfDocument, page: Page, design: Design): void {
  const { print: profile } = design
  doc.markContent('Artifact', { type: 'Layout' })
  doc.save()
  // Tinted panels behind rows (the key terms).
  for (const run of runsOf(page.placed, (item) => item.kind === 'row' && item.block.tinted)) {
    const top = run[0]!.y
    const bottom = run.at(-1)!.y + run.at(-1)!.item.height
    doc.rect(design.left, top, design.width, bottom - top).fill(profile.tint)
  }
  // Rules above and below the thesis.
  for (const run of runsOf(page.placed, (item) => item.kind === 'line' && item.block.panel === 'thesis')) {
    const top = run[0]!.y - design.leading * 0.45
    const bottom = run.at(-1)!.y + run.at(-1)!.item.height + design.leading * 0.3
    doc.lineWidth(0.6).strokeColor(profile.rule)
    doc.moveTo(design.left, top).lineTo(design.left + design.width, top).stroke()
    doc.moveTo(design.left, bottom).lineTo(design.left + design.width, bottom).stroke()
  }
  // A hairline under a table's header row.
  for (const placed of page.placed) {
    if (placed.item.kind === 'row' && placed.item.row === -1) {
      const y = placed.y + placed.item.height - 1
      doc.lineWidth(0.5).strokeColor(profile.rule).moveTo(design.left, y).lineTo(design.left + design.width, y).stroke()
    }
  }
  // The bar beside editors' passages: solid and dark enough to survive greyscale photocopying.
  doc.fillColor(profile.bar)
  for (const extent of completedExtents(page.placed, design)) {
    doc.rect(design.margin.bar, extent.top, 3, extent.bottom - extent.top).fill()
  }
  if (page.notes.length) {
    const y = page.notesTop + noteRule.above
    doc.lineWidth(0.5).strokeColor(profile.rule).moveTo(design.left, y).lineTo(design.left + design.width * 0.3, y).stroke()
  }
  doc.restore()
  doc.endMarkedContent()
}

/** Runs of consecutive placed items that satisfy `test`. */
function runsOf(placed: readonly Placed[], test: (item: ContentItem) => boolean): Placed[][] {
  const runs: Placed[][] = []
  let current: Placed[] | undefined
  for (const entry of placed) {
    if (test(entry.item)) {
      if (!current) runs.push((current = []))
      current.push(entry)
    } else current = undefined
  }
  return runs
}

interface Extent {
  readonly top: number
  readonly bottom: number
  /** Index of the placed item where the extent starts. */
  readonly start: number
}

/** Vertical extents of editors' text on the page, joined across the small gaps between blocks. */
export function completedExtents(placed: readonly Placed[], design: Design): Extent[] {
  const extents: Array<{ top: number; bottom: number; start: number }> = []
  placed.forEach(({ item, y }, index) => {
    if (!item.completed) return
    const [top, bottom] = inkOf(item, y)
    const last = extents.at(-1)
    if (last && top - last.bottom < design.leading * 1.9) last.bottom = Math.max(last.bottom, bottom)
    else extents.push({ top, bottom, start: index })
  })
  return extents
}

/** The part of an item's box that holds ink, so bars hug the text rather than its leading. */
function inkOf(item: ContentItem, y: number): [number, number] {
  if (item.kind === 'line') {
    const baseline = y + baselineOffset(item.paragraph.leading, item.paragraph.size)
    return [baseline - item.paragraph.size * 0.75, baseline + item.paragraph.size * 0.25]
  }
  return [y + 2, y + item.height - 2]
}

function completedStarts(placed: readonly Placed[], design: Design): Set<number> {
  return new Set(completedExtents(placed, design).map((extent) => extent.start))
}

/** "Completed by the Lectern editors" in the margin column, tagged as a Note under `parent`. */
function marginNote(doc: PdfDocument, y: number, item: ContentItem, design: Design, structure: StructureTree, parent: Element): void {
  const style = design.styles.margin
  const leading = design.leadings.margin
  // Greedy lines for a short label in a narrow column: no hyphens, no justification.
  const lines: string[] = []
  doc.font(style.face).fontSize(style.size)
  for (const word of completedNote.split(' ')) {
    const candidate = lines.length ? `${lines.at(-1)} ${word}` : word
    if (lines.length && doc.widthOfString(candidate) > design.margin.width) lines.push(word)
    else if (lines.length) lines[lines.length - 1] = candidate
    else lines.push(word)
  }
  const note = structure.child(parent, 'Note')
  note.add(doc.markStructureContent('Note'))
  const first = inkOf(item, y)[0] + style.size * 0.75
  doc.fillColor(style.color ?? design.print.muted)
  lines.forEach((line, index) => {
    doc.text(index === lines.length - 1 ? `${line}.` : line, design.margin.left, first + index * leading, { lineBreak: false, baseline: 'alphabetic' })
  })
  doc.endMarkedContent()
}

function drawFootnote(doc: PdfDocument, note: MeasuredNote, y: number, element: Element, design: Design): void {
  const style = design.styles.noteNumber
  element.add(doc.markStructureContent('Note'))
  const baseline = y + baselineOffset(note.paragraph.leading, note.paragraph.size)
  doc.font(style.face).fontSize(style.size).fillColor(style.color ?? design.print.ink)
  doc.text(`${note.number}`, design.left, baseline, { lineBreak: false, baseline: 'alphabetic' })
  drawParagraph(doc, note.paragraph as Paragraph<Mark>, { x: design.left + note.hang, y, color: design.print.ink })
  doc.endMarkedContent()
}

function drawRow(doc: PdfDocument, item: RowItem, y: number, design: Design, structure: StructureTree, note?: (parent: Element) => void): void {
  const list = item.block.role === 'list' || item.block.role === 'terms'
  const parent = structure.ensure(item.block.path)
  const row = structure.child(parent, list ? 'LI' : 'TR')
  item.cells.forEach((cell, column) => {
    const tag = list ? (column === 0 ? 'Lbl' : 'LBody') : item.row === -1 ? 'TH' : 'TD'
    const element = structure.child(row, tag)
    if (tag === 'TH') scope(element, 'Column')
    if (column === 0) note?.(element)
    drawParagraph(doc, cell.paragraph, { x: design.left + cell.x, y: y + item.padding, color: design.print.ink, struct: { element, tag } })
  })
}

/** Ruled lines for students' notes, from `y` to the foot of the page: layout, not content. */
function drawRuledLines(doc: PdfDocument, y: number, page: Page, design: Design): void {
  const spacing = (page.placed.find((placed) => placed.item.kind === 'lines')!.item as { block: { spacing: number } }).block.spacing
  doc.markContent('Artifact', { type: 'Layout' })
  doc.save().lineWidth(0.5).strokeColor(design.print.rule)
  for (let line = y + spacing; line <= page.notesTop + 0.01; line += spacing) {
    doc.moveTo(design.left, line).lineTo(design.left + design.width, line).stroke()
  }
  doc.restore()
  doc.endMarkedContent()
}

