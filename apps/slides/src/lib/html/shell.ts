/**
 * marp-cli's bespoke page without the deck: the shell Lectern fills with each deck's slides. It is cut
 * from pages marp-cli really makes (two probe decks per theme and layout, at the package's build), and
 * every cut is checked: the pieces must put each probe's page back together byte for byte, and be the
 * same for every probe. So the page a compile makes is marp-cli's page, without running marp-cli (and
 * its PostCSS) for every deck; should marp-cli's page ever change shape, the build stops and says where.
 */
import type { Layout } from '../fit/layout.js'
import { layoutCss, type ThemeName } from '../theme/css.js'
import { renderSlides, type Rendered } from './engine.js'
import { marpCliPage } from './marp-cli.js'

/** The page around the slides, the same for every deck. */
export interface Shell {
  /** From `<meta charset>` to the end of the bespoke template's own `<style>`. */
  readonly head: string
  /** Between `<body>` and the slides: the progress bar and the on-screen controls. */
  readonly body: string
  /** After the notes: the bespoke script, and the end of the page. */
  readonly tail: string
}

/** A shell and the slides' CSS for one theme and layout (the CSS depends on nothing else). */
export interface Page {
  readonly shell: Shell
  readonly css: string
}

/** Pug's escaping, which marp-cli's template applies to text and attribute values. */
function escape(text: string): string {
  return text.replace(/["&<>]/g, (char) => ({ '"': '&quot;', '&': '&amp;', '<': '&lt;', '>': '&gt;' })[char]!)
}

function attribute(name: string, value: string | undefined): string {
  return value ? ` ${name}="${escape(value)}"` : ''
}

/** The start of marp-cli's page, up to its fixed <meta> tags: the deck's language, title, author and question. */
function opening(rendered: Rendered): string {
  const { title, author, description } = rendered
  return [
    `<!DOCTYPE html><html${attribute('lang', rendered.lang)}><head>`,
    title ? `<title>${escape(title)}</title><meta property="og:title"${attribute('content', title)}>` : '',
    author ? `<meta name="author"${attribute('content', author)}><meta property="article:author"${attribute('content', author)}>` : '',
    description ? `<meta name="description"${attribute('content', description)}><meta property="og:description"${attribute('content', description)}>` : '',
  ].join('')
}

/** The speaker notes as the bespoke template writes them: one block per slide that has any, for the presenter view. */
function notes(comments: readonly (readonly string[])[]): string {
  return comments
    .map((list, index) => (list.length > 0 ? `<div class="bespoke-marp-note" data-index="${index}" tabindex="0">${list.map((comment) => `<p>${escape(comment)}</p>`).join('')}</div>` : ''))
    .join('')
}

/** The whole page for a deck. `fonts` (the embedded @font-face rules) get a <style> of their own. */
export function assemble(page: Page, rendered: Rendered, fonts = ''): string {
  const { shell, css } = page
  const fontStyle = fonts ? `<style>${fonts}</style>` : ''
  return `${opening(rendered)}${shell.head}<style>${css}</style>${fontStyle}</head><body>${shell.body}${rendered.html}${notes(rendered.comments)}${shell.tail}`
}

class ShellError extends Error {
  constructor(reason: string) {
    super(`marp-cli's page no longer has the shape Lectern cuts its shell from: ${reason}. See apps/slides/src/lib/html/shell.ts.`)
  }
}

/** Cut one of marp-cli's pages into its shell and CSS, given the slides Marp Core renders for the same deck. */
export function cut(page: string, rendered: Rendered): Page {
  const start = opening(rendered)
  if (!page.startsWith(start)) throw new ShellError('the <head> does not start with the deck’s lang, title, author and description')
  const headEnd = page.indexOf('</style></head><body>')
  const cssStart = page.lastIndexOf('<style>', headEnd)
  if (headEnd < 0 || cssStart < start.length) throw new ShellError('no <style> ends the <head>')
  const at = page.indexOf(rendered.html, headEnd)
  if (at < 0) throw new ShellError('the slides Marp Core renders are not in the page')
  if (page.indexOf(rendered.html, at + 1) >= 0) throw new ShellError('the slides are in the page twice')
  const after = page.slice(at + rendered.html.length)
  const written = notes(rendered.comments)
  if (!after.startsWith(written)) throw new ShellError('the speaker notes are not written as expected after the slides')
  const result: Page = {
    shell: { head: page.slice(start.length, cssStart), body: page.slice(headEnd + '</style></head><body>'.length, at), tail: after.slice(written.length) },
    css: page.slice(cssStart + '<style>'.length, headEnd),
  }
  if (assemble(result, rendered) !== page) throw new ShellError('the pieces do not make the page again')
  return result
}

const controls = '<div class="bespoke-marp-osc">'
const licence = /\/\*!! License: https?:\/\/[^*]*?\/(@marp-team\/marp-cli)@([\d.]+)\/lib\/bespoke\.js\.LICENSE\.txt \*\//

/**
 * Two touches to marp-cli's page (or a piece of it). The bespoke script carries a licence comment that
 * points at a CDN: nothing loads it, but a self-contained file should not even name one. And the
 * on-screen controls (with the "n / N" counter) sit outside any landmark, which screen-reader users
 * navigate by: they are the deck's navigation, so they are marked as such.
 */
export function touchUp(html: string): string {
  return html.replace(controls, '<div class="bespoke-marp-osc" role="navigation" aria-label="Slide controls">').replace(licence, '/*!! License: $1 $2, lib/bespoke.js.LICENSE.txt */')
}

function touchUpShell(shell: Shell): Shell {
  if (!shell.body.includes(controls)) throw new ShellError('the on-screen controls are missing')
  if (!licence.test(shell.tail)) throw new ShellError('the bespoke script’s licence comment has changed')
  return { head: shell.head, body: touchUp(shell.body), tail: touchUp(shell.tail) }
}

/**
 * Two decks unlike each other in every way the page could show (language, an author or none, notes on
 * some slides, text to escape in the title and notes, a footer, one slide or three), in the deck's
 * theme, size and fitted layout, written as `renderMarkdown` writes a deck.
 */
export function probeDecks(theme: ThemeName, layout: Layout): string[] {
  const style = `<style>\n${layoutCss(layout)}\n</style>\n`
  const front = (lang: string, title: string, author: string | undefined, description: string) =>
    ['---', 'marp: true', `theme: ${theme}`, `size: ${JSON.stringify(layout.size)}`, `lang: ${lang}`, `title: ${JSON.stringify(title)}`, ...(author ? [`author: ${JSON.stringify(author)}`] : []), `description: ${JSON.stringify(description)}`, 'paginate: true', '---'].join('\n')
  const kind = (name: string) => `<!-- _class: ${name} h0 t0 ${layout.profile} -->`
  return [
    `${front('en-GB', 'A probe & its <title> "quoted"', 'A. N. Author', 'Why > how?')}\n\n${kind('title')}\n\n# A probe \\& its \\<title\\>\n\nWhy \\> how?\n\n<!--\nNotes · about 1 min\n\nA note with <angles> & "quotes".\n-->\n\n${style}`,
    `${front('fr', 'Une sonde', undefined, 'Pourquoi ?')}\n\n${kind('title')}\n\n# Une sonde\n\nPourquoi ?\n\n---\n\n${kind('point')}\n<!-- _footer: "Includes passages completed by the Lectern editors" -->\n\n## Un point\n\n- Un *deux* **trois** \`quatre\`\n- [cinq](https://example.org/)\n\n<!--\nNotes · about 1 min\n\nLa note.\n-->\n\n---\n\n${kind('discussion')}\n\n## Discussion\n\nÀ vous.\n\n${style}`,
  ]
}

/** marp-cli's page for the theme and layout, cut and checked on both probes. Slow (marp-cli runs): the build does this. */
export async function makePage(theme: ThemeName, layout: Layout, themeCss: string): Promise<Page> {
  const pages: Page[] = []
  for (const deck of probeDecks(theme, layout)) pages.push(cut(await marpCliPage(deck, themeCss), renderSlides(deck, themeCss)))
  const [first, second] = pages as [Page, Page]
  for (const part of ['head', 'body', 'tail'] as const) {
    if (first.shell[part] !== second.shell[part]) throw new ShellError(`the ${part} of the page changes with the deck`)
  }
  if (first.css !== second.css) throw new ShellError('the slides’ CSS changes with the deck, not only with its theme and layout')
  return { shell: touchUpShell(first.shell), css: first.css }
}
