/**
 * Essay → handout.pdf: normalise → measure → paginate → render. Pure apart from reading the bundled
 * fonts: no clock, no network, the same bytes for the same essay.
 */
import type { Compiled, Essay } from '@lectern/content'
import { addPageFurniture, createDocument, printStyleOf, toBytes, type Profile } from '@lectern/typeset'
import { designFor, type Design } from './design.js'
import { measure } from './measure.js'
import { normalise } from './normalise.js'
import { paginate, type Page } from './paginate.js'
import { renderPages } from './render.js'

export interface HandoutOptions {
  /** Overrides the essay's `profile` front matter. */
  readonly profile?: Profile | undefined
}

export const fileName = 'handout.pdf'

/** The layout plan without drawing: the design and pages of positioned lines, rows and notes. */
export function pagesOf(essay: Essay, options: HandoutOptions = {}): { design: Design; pages: Page[]; diagnostics: Compiled['diagnostics'] } {
  const design = designFor(printStyleOf(options.profile ?? essay.meta.profile), essay.meta.paper)
  const { flow, diagnostics } = normalise(essay, design)
  const { items, notes } = measure(flow, design)
  return { design, pages: paginate(items, notes, design), diagnostics }
}

export async function compile(essay: Essay, options: HandoutOptions = {}): Promise<Compiled> {
  const { design, pages, diagnostics } = pagesOf(essay, options)
  const { meta } = essay
  const style = design.print
  const doc = createDocument({
    title: meta.title,
    author: meta.author,
    subject: [meta.subject, meta.level].filter(Boolean).join(', ') || meta.question,
    keywords: meta.keywords,
    lang: meta.lang,
    paper: meta.paper,
    style,
    date: meta.date,
  })
  renderPages(doc, pages, design)
  addPageFurniture(doc, {
    style,
    left: design.left,
    width: design.width,
    headerY: design.headerY,
    footerY: design.footerY,
    header: meta.title,
    headerless: (page) => page === 0,
  })
  return { files: [{ name: fileName, data: await toBytes(doc) }], diagnostics }
}
