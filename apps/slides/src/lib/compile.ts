/**
 * The slides compiler: Essay → plan → fit → Marp Markdown → self-contained HTML. Pure in what it
 * returns (same Essay, same bytes); the PDF is printed apart, at the edge, by `openPdfPrinter`.
 */
import type { Compiled, Diagnostic, Essay } from '@lectern/content'
import { missingGlyphs, type FaceName } from '@lectern/typeset'
import { markCompletions } from './completions.js'
import { fit, type Fitted } from './fit/fit.js'
import { layoutFor, type Layout } from './fit/layout.js'
import { renderPage } from './html/page.js'
import { renderStudentPage } from './html/student.js'
import { settle, type CompileOptions, type Settings } from './options.js'
import { pdfDate } from './pdf/printer.js'
import { plan } from './plan/plan.js'
import { renderPptx } from './pptx/pptx.js'
import { renderMarkdown } from './render/markdown.js'
import { portableMarkdown } from './render/portable.js'
import { fontFaceCss } from './theme/fonts.js'
import type { Span } from './slide.js'
import { themeCss } from './theme/css.js'

export interface Deck {
  readonly settings: Settings
  readonly layout: Layout
  readonly slides: readonly Fitted[]
  readonly markdown: string
  /** The theme's CSS (the geometry is in the Markdown, the fonts are added by `compile`). */
  readonly css: string
  /** The faces the slides are set in: only these are embedded. */
  readonly faces: ReadonlySet<FaceName>
  readonly diagnostics: readonly Diagnostic[]
}

/** Everything but the HTML: plan, fit, render. Synchronous and cheap. */
export function deckOf(essay: Essay, options: CompileOptions = {}): Deck {
  const settings = settle(essay, options)
  const layout = layoutFor(settings.size, settings.profile)
  const fitted = fit(plan(essay), layout)
  const slides = markCompletions(essay, fitted.slides)
  const markdown = renderMarkdown(essay, slides, { theme: settings.theme, layout })
  const css = themeCss(settings.theme)
  return { settings, layout, slides, markdown, css, faces: facesUsed(slides, layout), diagnostics: [...fitted.diagnostics, ...glyphDiagnostics(essay, slides)] }
}

export async function compile(essay: Essay, options: CompileOptions = {}): Promise<Compiled> {
  const deck = deckOf(essay, options)
  const page = { markdown: deck.markdown, theme: deck.settings.theme, layout: deck.layout, css: deck.css, faces: deck.faces }
  const html = await renderPage(page)
  const student = await renderStudentPage(page)
  const pptx = await renderPptx(essay, deck.slides, { theme: deck.settings.theme, layout: deck.layout, date: pdfDate(essay) })
  const fonts = await fontFaceCss(deck.faces, deck.markdown)
  const markdown = portableMarkdown(deck.markdown, { theme: deck.settings.theme, themeCss: deck.css, fonts })
  return {
    files: [
      { name: 'slides.md', data: markdown },
      { name: 'slides.html', data: html },
      { name: 'slides.pptx', data: pptx },
      { name: 'slides-student.html', data: student },
    ],
    diagnostics: deck.diagnostics,
  }
}

/** The faces a deck's slides are set in: only these are embedded in its HTML. */
export function facesUsed(slides: readonly Fitted[], layout: Layout): Set<FaceName> {
  const used = new Set<FaceName>([layout.bullet.face, layout.heading[0]!.face, layout.bullet.bold])
  const add = (spans: readonly Span[], style: { face: FaceName; bold: FaceName; italic: FaceName }) => {
    for (const span of spans) used.add(span.strong ? style.bold : span.em ? style.italic : style.face)
  }
  for (const slide of slides) {
    used.add(layout.heading[slide.headingSize]!.face)
    switch (slide.kind) {
      case 'title':
        used.add(layout.title[slide.textSize]!.face)
        used.add(layout.question.face)
        break
      case 'thesis':
      case 'judgement':
      case 'discussion':
        add(slide.statement, layout.statement[slide.textSize]!)
        break
      case 'point':
        for (const bullet of slide.bullets) add(bullet, layout.bullet)
        break
      case 'evidence':
        add(slide.quote, layout.quote[slide.textSize]!)
        used.add(layout.source.face)
        break
      case 'timeline':
      case 'terms':
        used.add(layout.entry.face).add(layout.entry.bold)
        break
      default:
        break
    }
  }
  return used
}

/** The words a slide shows. */
function visibleText(slide: Fitted): string {
  const text = (spans: readonly Span[]) => spans.map((span) => span.text).join('')
  switch (slide.kind) {
    case 'title':
      return [slide.heading, slide.question, slide.byline].join(' ')
    case 'thesis':
    case 'judgement':
    case 'discussion':
      return `${slide.heading} ${text(slide.statement)}`
    case 'roadmap':
      return [slide.heading, ...slide.items].join(' ')
    case 'point':
      return [slide.heading, ...slide.bullets.map(text)].join(' ')
    case 'evidence':
      return [slide.heading, text(slide.quote), slide.source ?? ''].join(' ')
    case 'timeline':
    case 'terms':
      return [slide.heading, ...slide.entries.flatMap((entry) => [entry.label, entry.text])].join(' ')
    case 'image':
      return slide.heading
  }
}

/** Characters the bundled fonts cannot draw: the browser would fall back to another font, or a box. */
function glyphDiagnostics(essay: Essay, slides: readonly Fitted[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const seen = new Set<string>()
  for (const slide of slides) {
    const missing = missingGlyphs(visibleText(slide)).filter((char) => !seen.has(char))
    if (missing.length === 0) continue
    for (const char of missing) seen.add(char)
    const list = missing.map((c) => `“${c}” (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ')
    diagnostics.push({
      ruleId: 'missing-glyph',
      reason: `The slide fonts have no glyph for ${list}: the browser draws ${missing.length === 1 ? 'it' : 'them'} in a fallback font. Replace ${missing.length === 1 ? 'it' : 'them'}, or accept the fallback.`,
      place: slide.place ?? essay.introduction.position,
    })
  }
  return diagnostics
}
