/**
 * slides-student.html: the deck to share with students. The same slides as slides.html (Marp Core's
 * render, the theme's CSS as the build cut it, the fonts embedded), but none of the speaker notes and no
 * presenter view: no bespoke script at all, only the slides one under another, each as wide as the window
 * allows, and one slide to a page when printed. Works offline and on a phone.
 */
import type { Layout } from '../fit/layout.js'
import { fontFaceCss } from '../theme/fonts.js'
import { renderSlides } from './engine.js'
import { pageFor, type PageInput } from './page.js'

const escapeHtml = (text: string) => text.replace(/["&<>]/g, (char) => ({ '"': '&quot;', '&': '&amp;', '<': '&lt;', '>': '&gt;' })[char]!)

/** The page around the slides: a reading column on screen, a slide a page in print. */
function pageCss(layout: Layout): string {
  const { width, height } = layout
  const slides = 'div[id=":$p"]>svg[data-marpit-svg]'
  return [
    'html{background:#e8e6e1}body{margin:0;padding:24px 0}',
    `div[id=":$p"]{display:flex;flex-direction:column;align-items:center;gap:24px}`,
    `${slides}{display:block;width:min(calc(100vw - 32px),calc((100vh - 48px) * ${width / height}));height:auto;box-shadow:0 1px 6px rgba(0,0,0,.3)}`,
    `@media print{@page{size:${width}px ${height}px;margin:0}html{background:none}body{padding:0}div[id=":$p"]{display:block}${slides}{width:${width}px;height:${height}px;box-shadow:none;break-after:page}}`,
  ].join('\n')
}

export async function renderStudentPage(deck: PageInput): Promise<string> {
  const page = await pageFor(deck.theme, deck.layout, deck.css)
  const rendered = renderSlides(deck.markdown, deck.css)
  const fonts = await fontFaceCss(deck.faces, rendered.html)
  const title = rendered.title ?? ''
  return [
    `<!DOCTYPE html><html${rendered.lang ? ` lang="${escapeHtml(rendered.lang)}"` : ''}><head><meta charset="UTF-8">`,
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    rendered.description ? `<meta name="description" content="${escapeHtml(rendered.description)}">` : '',
    `<style>${page.css}</style>`,
    fonts ? `<style>${fonts}</style>` : '',
    `<style>${pageCss(deck.layout)}</style>`,
    `</head><body>${rendered.html}</body></html>\n`,
  ].join('')
}
