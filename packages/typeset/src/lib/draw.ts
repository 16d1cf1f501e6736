/**
 * Drawing laid-out lines with pdfkit. Each word is set at the position the line breaker gave it, with a
 * real space character after it, so justified lines keep exact spacing and copied or spoken text keeps
 * its word breaks (PDF/UA asks for real spaces, and pdfkit's `wordSpacing` drops them for embedded fonts).
 */
import type { Fragment, Line, Paragraph, TextStyle } from './paragraph.js'
import { baselineOffset } from './paragraph.js'
import { useSpaced } from './document.js'
import { inFont } from './spacing.js'

export interface DrawOptions<D = unknown> {
  /** Left edge of the paragraph and top of its first drawn line. */
  readonly x: number
  readonly y: number
  /** Draw lines [from, to) only: a paragraph split across pages is drawn in slices. */
  readonly from?: number | undefined
  readonly to?: number | undefined
  /** Default colour for fragments without one. */
  readonly color?: string | undefined
  /**
   * Tagging: the structure element these lines belong to and the tag of their marked content
   * (`P`, `H2`, `Lbl`…). The slice is wrapped in one marked-content sequence added to the element.
   */
  readonly struct?: { readonly element: PDFKit.PDFStructureElement; readonly tag: string } | undefined
  /** Called after each fragment is drawn, with its box on the page (for markers, links, notes). */
  readonly onFragment?: ((fragment: Fragment<D>, box: { x: number; y: number; baseline: number; width: number }) => void) | undefined
}

/** Draws the lines and returns the y below the last one drawn. */
export function drawParagraph<D>(doc: PDFKit.PDFDocument, paragraph: Paragraph<D>, options: DrawOptions<D>): number {
  const from = options.from ?? 0
  const to = Math.min(options.to ?? paragraph.lines.length, paragraph.lines.length)
  const struct = options.struct
  if (struct) struct.element.add(doc.markStructureContent(struct.tag))
  let top = options.y
  const state: DrawState = {}
  for (let index = from; index < to; index++) {
    drawLine(doc, paragraph.lines[index]!, options.x, top + baselineOffset(paragraph.leading, paragraph.size), options, state)
    top += paragraph.leading
  }
  if (struct) doc.endMarkedContent()
  return top
}

/** The face, size and colour last set while drawing, so an unchanged one is not set again. */
interface DrawState {
  face?: string
  size?: number
  color?: string
}

/** One line with its baseline at `baseline`: each fragment set with pdfkit's `text` where the line breaker put it. */
export function drawLine<D>(
  doc: PDFKit.PDFDocument,
  line: Line<D>,
  x: number,
  baseline: number,
  options: Pick<DrawOptions<D>, 'color' | 'onFragment'> = {},
  state: DrawState = {},
): void {
  line.fragments.forEach((fragment, index) => {
    const style = fragment.style
    const left = x + fragment.x
    const y = baseline - (style.rise ?? 0)
    setStyle(doc, style, options.color, state)
    doc.text(fragment.text, left, y, textOptions(style, line.scale))
    if (style.underline) {
      // Continue the underline across the space to the next word when it is underlined the same way.
      const next = line.fragments[index + 1]
      const right = next?.style.underline === style.underline ? x + next.x : left + fragment.width
      underline(doc, left, right, baseline, style)
    }
    if (options.onFragment) {
      options.onFragment(fragment, { x: left, y: y - style.size * 0.8, baseline: y, width: fragment.width })
      // The callback may have drawn in other faces and colours.
      delete state.face, delete state.size, delete state.color
    }
  })
}

function setStyle(doc: PDFKit.PDFDocument, style: TextStyle, fallback: string | undefined, state: DrawState): void {
  const color = style.color ?? fallback ?? '#000000'
  // Wide letter spacing is drawn in a face that carries it, so no reader takes the gaps for word breaks.
  const face = inFont(style.tracking) ? useSpaced(doc, style.face, style.tracking) : style.face
  if (state.face !== face) doc.font((state.face = face))
  if (state.size !== style.size) doc.fontSize((state.size = style.size))
  // A fill colour lasts until changed (underlines set theirs inside save/restore).
  if (state.color !== color) doc.fillColor((state.color = color))
}

/** pdfkit 0.20's horizontal scaling (Tz); @types/pdfkit 0.17 does not know it. */
type TextOptions = PDFKit.Mixins.TextOptions & { horizontalScaling?: number }

function textOptions(style: TextStyle, scale: number): TextOptions {
  const options: TextOptions = { lineBreak: false, baseline: 'alphabetic' }
  if (scale !== 1) options.horizontalScaling = scale * 100
  if (style.features?.length) options.features = [...style.features] as PDFKit.Mixins.OpenTypeFeatures[]
  if (style.tracking && !inFont(style.tracking)) options.characterSpacing = style.tracking * style.size
  return options
}

function underline(doc: PDFKit.PDFDocument, left: number, right: number, baseline: number, style: TextStyle): void {
  const y = baseline + style.size * 0.16
  doc.save().lineWidth(Math.max(0.5, style.size * 0.055)).strokeColor(style.color ?? '#000000')
  if (style.underline === 'dotted') doc.dash(0.6, { space: 1.6 }).lineCap('round')
  doc.moveTo(left, y).lineTo(right, y).stroke()
  doc.undash().restore()
}
