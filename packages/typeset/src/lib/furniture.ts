/**
 * Page furniture: the running header (the title) and the footer ("page n of N"), drawn once the page
 * count is known. Both are pagination artifacts, so screen readers skip them.
 */
import type { AnyFace } from './fonts.js'
import { widthOf } from './shaping.js'
import { minimumSize, type PrintStyle } from './profiles.js'

export interface FurnitureOptions {
  readonly style: PrintStyle
  /** The text block the furniture lines up with. */
  readonly left: number
  readonly width: number
  /** Baselines of the header and footer. */
  readonly headerY: number
  readonly footerY: number
  /** The running header, usually the title; shortened with an ellipsis (`truncate`) to fit. */
  readonly header?: string | undefined
  /** Pages (0-based) without a header, such as a title page. */
  readonly headerless?: ((page: number) => boolean) | undefined
  /** Footer text; `page n of N` unless given. */
  readonly footer?: ((page: number, pages: number) => string) | undefined
  readonly size?: number | undefined
}

export const pageOfPages = (page: number, pages: number): string => `page ${page} of ${pages}`

/** Header and footer on the current page (`page` is 0-based). */
export function drawFurniture(doc: PDFKit.PDFDocument, page: number, pages: number, options: FurnitureOptions): void {
  const { style } = options
  // The accessible profile sets nothing below 12 pt, its furniture included.
  const size = Math.max(options.size ?? Math.max(8, style.size * 0.78), style.name === 'accessible' ? minimumSize : 0)
  const face = style.label
  doc.markContent('Artifact', { type: 'Pagination' })
  doc.save()
  if (options.header && !options.headerless?.(page)) {
    const text = truncate(options.header, face, size, options.width)
    doc.font(face).fontSize(size).fillColor(style.muted)
    doc.text(text, options.left, options.headerY, { lineBreak: false, baseline: 'alphabetic' })
    doc
      .lineWidth(0.4)
      .strokeColor(style.rule)
      .moveTo(options.left, options.headerY + size * 0.55)
      .lineTo(options.left + options.width, options.headerY + size * 0.55)
      .stroke()
  }
  const footer = (options.footer ?? pageOfPages)(page + 1, pages)
  const width = widthOf(footer, face, size)
  doc.font(face).fontSize(size).fillColor(style.muted)
  doc.text(footer, options.left + options.width - width, options.footerY, { lineBreak: false, baseline: 'alphabetic' })
  doc.restore()
  doc.endMarkedContent()
}

/** Draws the furniture on every buffered page; call after the content is laid out and drawn. */
export function addPageFurniture(doc: PDFKit.PDFDocument, options: FurnitureOptions): void {
  const range = doc.bufferedPageRange()
  for (let page = range.start; page < range.start + range.count; page++) {
    doc.switchToPage(page)
    drawFurniture(doc, page, range.count, options)
  }
}

/**
 * `text`, cut at a word and ended with an ellipsis if it is wider than `width`. The cut is found from
 * the words' own widths and checked by measuring the result, stepping back a word while it is too wide:
 * linear in the text, so a 100 000-character title costs one pass, not one measurement per word.
 */
export function truncate(text: string, face: AnyFace, size: number, width: number): string {
  if (widthOf(text, face, size) <= width) return text
  const words = text.split(' ')
  const ellipsis = widthOf('…', face, size)
  const space = widthOf(' ', face, size)
  let count = 0
  let estimate = ellipsis
  while (count < words.length - 1 && estimate + widthOf(words[count]!, face, size) + (count ? space : 0) <= width) {
    estimate += widthOf(words[count]!, face, size) + (count ? space : 0)
    count++
  }
  const cut = (n: number) => `${words.slice(0, n).join(' ').replace(/[,;:.–—-]+$/u, '')}…`
  while (count > 1 && widthOf(cut(count), face, size) > width) count--
  return count >= 1 ? cut(count) : `${words[0]}…`
}
