/**
 * A deck's slides.html: Marp Core renders the slides and notes, and they go into marp-cli's bespoke page
 * (keyboard, click and touch navigation, presenter view with notes, next slide and timer, "n / N",
 * fullscreen, overview) as the build cut it out, with the slides' CSS for the deck's theme and layout,
 * and the fonts embedded.
 */
import { keyOf, readStamped, versionOf } from '../assets.js'
import type { Layout } from '../fit/layout.js'
import { layoutCss, type ThemeName } from '../theme/css.js'
import { fontFaceCss } from '../theme/fonts.js'
import type { FaceName } from '@lectern/typeset'
import { renderSlides } from './engine.js'
import { marpConfig } from './marp-config.js'
import { assemble, makePage, type Page, type Shell } from './shell.js'

/** The shell depends on Marp's version and Lectern's options; the CSS also on the theme and the layout. */
export function shellKey(): string {
  return keyOf('shell', versionOf('@marp-team/marp-core'), marpConfig)
}

export function cssKey(themeCss: string, layout: Layout): string {
  return keyOf('css', versionOf('@marp-team/marp-core'), marpConfig, themeCss, layoutCss(layout))
}

/** The asset names of a theme and layout's CSS and of the shell. */
export const shellAsset = 'shell.json'
export function cssAsset(theme: ThemeName, layout: Layout): string {
  return `css/${theme}-${layout.size.replace(':', 'x')}-${layout.profile}.json`
}

const pages = new Map<string, Promise<Page>>()

/** The page for a theme and layout: as built, or (missing or stale) made now with marp-cli. */
export function pageFor(theme: ThemeName, layout: Layout, themeCss: string): Promise<Page> {
  const key = cssKey(themeCss, layout)
  let page = pages.get(key)
  if (!page) {
    const shell = readStamped<Shell>(shellAsset, shellKey())
    const css = readStamped<string>(cssAsset(theme, layout), key)
    page = shell !== undefined && css !== undefined ? Promise.resolve({ shell, css }) : makePage(theme, layout, themeCss)
    pages.set(key, page)
    // A failure is not kept: the next deck tries again.
    page.catch(() => pages.delete(key))
  }
  return page
}

export interface PageInput {
  readonly markdown: string
  readonly theme: ThemeName
  readonly layout: Layout
  /** The theme's CSS, as marp-cli would be given it. */
  readonly css: string
  /** The faces the slides are set in: only these are embedded. */
  readonly faces: Iterable<FaceName>
}

export async function renderPage(deck: PageInput): Promise<string> {
  const page = await pageFor(deck.theme, deck.layout, deck.css)
  const rendered = renderSlides(deck.markdown, deck.css)
  // The slides' own HTML holds every character the fonts will draw (notes show in the presenter's own font).
  const fonts = await fontFaceCss(deck.faces, rendered.html)
  return assemble(page, rendered, fonts)
}
