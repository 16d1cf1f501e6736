/**
 * Essay → worksheet.pdf: cloze (what to blank, from the Essay's knowledge) → layout (typeset, pages) →
 * render. Pure apart from reading the bundled fonts: the same essay gives the same bytes.
 */
import type { Compiled, Essay } from '@lectern/content'
import { addPageFurniture, createDocument, printStyleOf, toBytes, type Profile } from '@lectern/typeset'
import { cloze } from './cloze.js'
import { geometryFor, layout } from './layout.js'
import { renderPages } from './render.js'

export interface WorksheetOptions {
  /** Overrides the essay's `profile` front matter. */
  readonly profile?: Profile | undefined
}

export const fileName = 'worksheet.pdf'

export async function compile(essay: Essay, options: WorksheetOptions = {}): Promise<Compiled> {
  const { meta } = essay
  const style = printStyleOf(options.profile ?? meta.profile)
  const geometry = geometryFor(meta.paper)
  const sheet = cloze(essay)
  const { pages, keyFrom } = layout(sheet, style, geometry, meta.lang)
  const doc = createDocument({
    title: `${meta.title}: worksheet`,
    author: meta.author,
    subject: meta.question,
    keywords: meta.keywords,
    lang: meta.lang,
    paper: meta.paper,
    style,
    date: meta.date,
  })
  renderPages(doc, pages, style)
  addPageFurniture(doc, {
    style,
    left: geometry.left,
    width: geometry.width,
    headerY: geometry.headerY,
    footerY: geometry.footerY,
    header: `${meta.title}: worksheet`,
    headerless: (page) => page === 0,
    footer: (page, count) => (page - 1 >= keyFrom ? `answer key · page ${page} of ${count}` : `page ${page} of ${count}`),
  })
  return { files: [{ name: fileName, data: await toBytes(doc) }], diagnostics: [] }
}
