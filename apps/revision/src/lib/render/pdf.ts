/**
 * The laid-out sheet drawn into a PDF of one page (two for an accessible sheet that needs the back) with @lectern/typeset: its document (embedded fonts,
 * tagged PDF/UA, metadata, fixed dates) and its line drawing. Nothing is measured here: every line and
 * its place come from the layout the fitter accepted, so the page holds exactly what was measured.
 */
import { createDocument, drawLine, printStyles, StructureTree, toBytes } from '@lectern/typeset'
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
    style: printStyles[style.profile],
    date: essay.meta.date,
  })
  // Each side: its rules and bands first (layout artifacts), then its text in reading order.
  let side = -1
  const turnTo = (page: number) => {
    while (side < page) {
      doc.addPage()
      side++
      for (const rect of layout.rects) {
        if ((rect.page ?? 0) !== side) continue
        doc.markContent('Artifact', { type: 'Layout' })
        doc.rect(rect.x, rect.y, rect.width, rect.height).fill(style.colours[rect.colour])
        doc.endMarkedContent()
      }
    }
  }
  turnTo(0)
  const draw = (lines: readonly PlacedLine[]) => () => {
    for (const line of lines) drawLine(doc, line.source, line.x, line.baseline)
  }
  // Document › H1, P…, then a Sect per part of the sheet: H2, and lists of LI (Lbl + LBody) broken by
  // the H3 of each theme, so a screen reader announces "list, 3 items" and reads numbers as labels.
  const tree = new StructureTree(doc)
  const root = { key: 'document', tag: 'Document' }
  let sections = 0
  let lists = 0
  let group: string | undefined
  let inList = false
  for (const block of layout.blocks) {
    turnTo(block.page)
    if (block.role === 'Artifact') {
      // "Turn over" and the back's running head: page furniture, which screen readers skip.
      doc.markContent('Artifact', { type: 'Pagination' })
      draw(block.lines)()
      doc.endMarkedContent()
      continue
    }
    if (block.group !== group) {
      group = block.group
      sections++
      inList = false
    }
    const path = group === 'header' || group === 'footer' ? [root] : [root, { key: `sect-${sections}`, tag: 'Sect' }]
    if (block.role === 'LI') {
      if (!inList) lists++
      inList = true
      const item = tree.child(tree.ensure([...path, { key: `list-${lists}`, tag: 'L' }]), 'LI')
      if (block.label) tree.leaf(item, 'Lbl', draw([block.label]))
      tree.leaf(item, 'LBody', draw(block.lines))
    } else {
      inList = false
      tree.leaf(tree.ensure(path), block.role, draw(block.lines))
    }
  }
  tree.end()
  return toBytes(doc)
}
