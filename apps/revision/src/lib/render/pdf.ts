/**
 * The laid-out sheet drawn into a one-page PDF with @lectern/typeset: its document (embedded fonts,
 * tagged PDF/UA, metadata, fixed dates) and its line drawing. Nothing is measured here: every line and
 * its place come from the layout the fitter accepted, so the page holds exactly what was measured.
 */
import { createDocument, drawLine, profiles, toBytes } from '@lectern/typeset'
import type { Essay } from '@lectern/content'
import type { PageLayout, PlacedLine } from '../layout/sheet.js'

export async function toPdf(layout: PageLayout, essay: Essay): Promise<Uint8Array> {
  const { style } = layout
  const doc = createDocument({
    title: `${essay.meta.title}: revision sheet`,
    author: essay.meta.author,
    subject: essay.meta.question,
    keywords: essay.meta.keywords,
    lang: essay.meta.lang,
    paper: style.paper,
    profile: profiles[style.profile],
    date: essay.meta.date,
  })
  doc.addPage()

  for (const rect of layout.rects) {
    doc.markContent('Artifact', { type: 'Layout' })
    doc.rect(rect.x, rect.y, rect.width, rect.height).fill(style.colours[rect.colour])
    doc.endMarkedContent()
  }
  const draw = (lines: readonly PlacedLine[]) => () => {
    for (const line of lines) drawLine(doc, line.source, line.x, line.baseline)
  }
  // Document › H1, P…, then a Sect per part of the sheet: H2, and lists of LI (Lbl + LBody) broken by
  // the H3 of each theme, so a screen reader announces "list, 3 items" and reads numbers as labels.
  const root = doc.struct('Document')
  doc.addStructure(root)
  type Element = ReturnType<typeof doc.struct>
  let sect: Element | undefined
  let list: Element | undefined
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
      parent.add(doc.struct(block.role, {}, draw(block.lines)))
    }
  }
  closeSect()
  root.end()
  return toBytes(doc)
}
