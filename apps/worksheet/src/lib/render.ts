/**
 * The laid-out pages drawn with @lectern/typeset into a tagged PDF: Document › H1, P, H2, H3, BlockQuote,
 * LI in reading order (a paragraph split over two pages stays one element); the lines to write on, the
 * word bank's box and the editors' margin bars are layout artifacts a screen reader skips.
 */
import { drawParagraph, type PdfDocument, type PrintStyle } from '@lectern/typeset'
import type { Element } from './layout.js'

export function renderPages(doc: PdfDocument, pages: readonly (readonly Element[])[], style: PrintStyle): void {
  const root = doc.struct('Document')
  doc.addStructure(root)
  const open = new Map<number, ReturnType<typeof doc.struct>>()
  for (const elements of pages) {
    doc.addPage()
    for (const element of elements) {
      switch (element.kind) {
        case 'text': {
          let struct = open.get(element.id)
          if (!struct) {
            struct = doc.struct(element.tag)
            root.add(struct)
            open.set(element.id, struct)
          }
          drawParagraph(doc, element.paragraph, { x: element.x, y: element.y, from: element.from, to: element.to, color: style.ink, struct: { element: struct, tag: element.tag } })
          if (element.last) {
            struct.end()
            open.delete(element.id)
          }
          break
        }
        case 'lines':
          artifact(doc, () => {
            doc.lineWidth(0.6).strokeColor(style.rule)
            for (let i = 1; i <= element.count; i++) doc.moveTo(element.x, element.y + i * element.gap).lineTo(element.x + element.width, element.y + i * element.gap).stroke()
          })
          break
        case 'box':
          artifact(doc, () => doc.rect(element.x, element.y, element.width, element.height).fill(style.tint))
          break
        case 'bar':
          artifact(doc, () => doc.rect(element.x, element.y + 2, 2.2, element.height - 4).fill(style.bar))
          break
      }
    }
  }
  root.end()
}

function artifact(doc: PdfDocument, draw: () => void): void {
  doc.markContent('Artifact', { type: 'Layout' })
  doc.save()
  draw()
  doc.restore()
  doc.endMarkedContent()
}
