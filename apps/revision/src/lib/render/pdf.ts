/**
 * The laid-out sheet drawn into a one-page PDF. Nothing is measured here: every line and its place
 * come from the layout the fitter accepted, so the page holds exactly what was measured.
 * TEMPORARY: draws with pdfkit directly until @lectern/typeset's createDocument lands.
 */
import PDFDocument from 'pdfkit'
import { faces, widthOf, type FaceName } from '@lectern/typeset'
import type { Essay } from '@lectern/content'
import type { PageLayout, PlacedLine } from '../layout/sheet.js'

export async function toPdf(layout: PageLayout, essay: Essay): Promise<Uint8Array> {
  const { style } = layout
  const date = pdfDate(essay)
  const doc = new PDFDocument({
    size: [style.page.width, style.page.height],
    margin: 0,
    autoFirstPage: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: essay.meta.lang,
    displayTitle: true,
    info: { Title: `${essay.meta.title}: revision sheet`, Author: essay.meta.author ?? '', Subject: essay.meta.question, CreationDate: date, ModDate: date },
  } as PDFKit.PDFDocumentOptions)
  for (const name of Object.keys(faces) as FaceName[]) doc.registerFont(name, faces[name].file)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()))

  if (style.background) {
    doc.markContent('Artifact', { type: 'Layout' })
    doc.rect(0, 0, style.page.width, style.page.height).fill(style.background)
    doc.endMarkedContent()
  }
  for (const rect of layout.rects) {
    doc.markContent('Artifact', { type: 'Layout' })
    doc.rect(rect.x, rect.y, rect.width, rect.height).fill(style.colours[rect.colour])
    doc.endMarkedContent()
  }
  const draw = (lines: readonly PlacedLine[]) => () => {
    for (const line of lines) {
      for (const span of line.spans) {
        doc
          .font(span.face)
          .fontSize(span.size)
          .fillColor(style.colours[span.tone ?? 'text'])
          .text(span.text, line.x + span.x, line.baseline, {
            lineBreak: false,
            baseline: 'alphabetic',
            characterSpacing: style.spacing.tracking * span.size,
            wordSpacing: (style.spacing.wordSpace - 1) * widthOf(' ', span.face, span.size),
          })
      }
    }
  }
  // Document › H1, P…, then a Sect per part of the sheet: H2, and lists of LI (Lbl + LBody) broken by
  // the H3 of each theme, so a screen reader announces "list, 3 items" and reads numbers as labels.
  const root = doc.struct('Document')
  doc.addStructure(root)
  let sect: PDFKit.PDFStructureElement | undefined
  let list: PDFKit.PDFStructureElement | undefined
  const closeList = () => {
    list?.end()
    list = undefined
  }
  const closeSect = () => {
    closeList()
    sect?.end()
    sect = undefined
  }
  let group = ''
  for (const block of layout.blocks) {
    if (block.group !== group) {
      closeSect()
      group = block.group
      if (group !== 'header' && group !== 'footer') {
        sect = doc.struct('Sect')
        root.add(sect)
      }
    }
    const parent = sect ?? root
    if (block.role === 'LI') {
      if (!list) {
        list = doc.struct('L')
        parent.add(list)
      }
      const item = doc.struct('LI')
      list.add(item)
      if (block.label) item.add(doc.struct('Lbl', {}, draw([block.label])))
      item.add(doc.struct('LBody', {}, draw(block.lines)))
      item.end()
    } else {
      closeList()
      parent.add(doc.struct(block.role === 'Note' ? 'Note' : block.role, {}, draw(block.lines)))
    }
  }
  closeSect()
  root.end()
  doc.end()
  await done
  return new Uint8Array(Buffer.concat(chunks))
}

function pdfDate(essay: Essay): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH
  if (essay.meta.date) return new Date(`${essay.meta.date}T00:00:00Z`)
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000)
  return new Date(0)
}
