/**
 * The deck's CSS: a theme (Lectern's own, or one of Marp's built-ins with its remote font import removed)
 * followed by the geometry `fit` measured against, written from the same Layout numbers. The built-in
 * themes keep their colours and decoration; type, sizes and spacing are Lectern's so that the fit holds.
 */
import { keyOf, readStamped, versionOf } from '../assets.js'
import type { Layout, TextStyle } from '../fit/layout.js'
import { marpCore } from '../html/engine.js'
import { families } from './fonts.js'
import type { FaceName } from '@lectern/typeset'

export type ThemeName = 'lectern' | 'default' | 'gaia' | 'uncover'

/** Lectern's own look: warm paper, dark ink, one accent, generous margins. */
const lecternBase = `/*!
 * @theme lectern
 * @auto-scaling false
 * @size 16:9 1280px 720px
 * @size 4:3 960px 720px
 */
section {
  width: 1280px; height: 720px; box-sizing: border-box;
  display: flex; flex-direction: column; justify-content: flex-start;
  background: #fbfaf6; color: #1b2230;
}
section h1, section h2 { color: #123c5c; }
section a { color: #0b5394; }
section strong { color: #1b2230; }
section blockquote { border-left: 6px solid #b5651d; color: #22201c; }
section.title, section.discussion, section.thesis, section.judgement { justify-content: center; }
section.title h1 { border-bottom: 4px solid #b5651d; }
section.title > p:last-of-type, section.evidence > p, section footer, section::after { color: #4d5666; }
section.discussion { background: #123c5c; color: #ffffff; }
section.discussion h2 { color: #f3d9b1; }
section.discussion::after, section.discussion footer { color: #e6e9ee; }
`

export const builtinThemes = ['default', 'gaia', 'uncover'] as const
export type BuiltinTheme = (typeof builtinThemes)[number]

/** A remote font import, as gaia and uncover have by default. */
const remoteImport = /@import\s+(?:url\()?\s*["']?https?:[^;]*;/g

/** What a built-in theme's CSS is made from: Marp Core's version and what is removed from it. */
export function builtinThemeKey(name: BuiltinTheme): string {
  return keyOf('theme', name, versionOf('@marp-team/marp-core'), remoteImport.source)
}

export const builtinThemeAsset = (name: BuiltinTheme) => `themes/${name}.json`

const builtins = new Map<BuiltinTheme, string>()

/**
 * A built-in theme's CSS without `@import` of remote fonts (gaia and uncover fetch them by default): as
 * the build saved it, or taken from Marp Core, which costs loading it and parsing all its themes.
 */
export function builtinThemeCss(name: BuiltinTheme): string {
  let css = builtins.get(name) ?? readStamped<string>(builtinThemeAsset(name), builtinThemeKey(name))
  if (css === undefined) {
    const { Marp } = marpCore()
    const theme = new Marp({ emoji: { shortcode: false, unicode: false } }).themeSet.get(name)
    if (!theme) throw new Error(`Marp has no built-in theme named ${name}`)
    css = theme.css.replace(remoteImport, '')
  }
  builtins.set(name, css)
  return css
}

const px = (n: number) => `${Math.round(n * 100) / 100}px`

function font(style: TextStyle): string {
  const spacing = style.tracking || style.wordSpacing ? `letter-spacing:${style.tracking ?? 0}em!important;word-spacing:${style.wordSpacing ?? 0}em!important;` : ''
  return `font-size:${px(style.size)}!important;line-height:${style.lineHeight}!important;${spacing}`
}

/** Our embedded faces first; the same fonts installed locally, then generic ones, for other Marp apps. */
const stacks = {
  sans: `'${families.sans}','Source Sans 3','Source Sans Pro',sans-serif`,
  serif: `'${families.serif}','Source Serif 4','Source Serif Pro',serif`,
}

function familyOf(face: FaceName): string {
  return face.startsWith('serif') ? stacks.serif : stacks.sans
}

function faceRule(face: FaceName): string {
  const weight = face.includes('semibold') ? 600 : face.includes('bold') ? 700 : 400
  return `font-family:${familyOf(face)}!important;font-weight:${weight}!important;font-style:${face.includes('italic') ? 'italic' : 'normal'}!important;`
}

function styled(selector: string, style: TextStyle): string {
  return `${selector}{${font(style)}${faceRule(style.face)}}${selector} strong{${faceRule(style.bold)}}${selector} em{${faceRule(style.italic)}}`
}

/** The geometry every theme gets, from the Layout that `fit` measured with. */
export function layoutCss(layout: Layout): string {
  const { padding } = layout
  const rules = [
    `section{width:${layout.width}px;height:${layout.height}px;padding:${padding.top}px ${padding.right}px ${padding.bottom}px ${padding.left}px!important;letter-spacing:0!important;overflow-wrap:anywhere;word-break:normal;hyphens:manual;text-align:left!important;box-sizing:border-box!important}`,
    `section>*{margin:0!important;padding:0;border:0}`,
    `section>*+*{margin-top:${layout.gap}px!important}`,
    // Balanced lines never add a line, so headings look set by hand and the fit still holds.
    `section h1,section h2{padding:0!important;border-bottom:0!important;letter-spacing:0!important;text-transform:none!important;text-wrap:balance}`,
    `section h1::before,section h2::before,section h1::after,section h2::after{content:none!important}`,
    `section ul,section ol{padding:0 0 0 ${layout.listIndent}px!important;margin:0!important}`,
    `section li{margin:0!important;padding:0!important}`,
    `section li+li{margin-top:${layout.itemGap}px!important}`,
    `section li>p{margin:0!important}`,
    `section blockquote{margin:0!important;padding:0 0 0 ${layout.quoteIndent - 6}px!important;border-left-width:6px!important;border-left-style:solid!important;quotes:none}`,
    `section blockquote::before,section blockquote::after{content:none!important}`,
    `section blockquote>p{margin:0!important}`,
    `section code{font-size:0.85em!important;padding:0!important;margin:0!important;letter-spacing:0!important;line-height:inherit!important}`,
    `section img{max-width:100%;object-fit:contain;display:block;margin:0 auto}`,
    `section::after{padding:0!important;right:${padding.right / 2}px!important;bottom:${Math.round(padding.bottom / 3)}px!important;font-size:20px!important;line-height:1!important;content:attr(data-marpit-pagination) ' / ' attr(data-marpit-pagination-total)!important;font-family:${stacks.sans}!important;letter-spacing:0!important}`,
    `section>footer{position:absolute!important;left:${padding.left}px!important;bottom:${Math.round(padding.bottom / 3)}px!important;top:auto!important;margin:0!important;font-size:18px!important;line-height:1!important;font-family:${stacks.sans}!important;font-style:italic!important;letter-spacing:0!important}`,
    styled('section', layout.bullet),
    styled('section li', layout.bullet),
    ...layout.heading.map((style, i) => styled(`section.h${i} h2`, style)),
    ...layout.title.map((style, i) => styled(`section.title.t${i} h1`, style)),
    styled('section.title>p:first-of-type', layout.question),
    styled('section.title>p+p', layout.byline),
    ...layout.statement.flatMap((style, i) => ['thesis', 'judgement', 'discussion'].map((kind) => styled(`section.${kind}.t${i}>p`, style))),
    ...layout.quote.map((style, i) => styled(`section.evidence.t${i} blockquote`, style)),
    styled('section.evidence>p', layout.source),
    // Marpit scopes selectors that start with `section`, so each kind is written out, not grouped in :is().
    ...['timeline', 'terms'].flatMap((kind) => [
      styled(`section.${kind} li`, layout.entry),
      `section.${kind} ul{list-style:none!important;padding-left:0!important}`,
      `section.${kind} li+li{margin-top:${layout.entryGap}px!important}`,
    ]),
  ]
  if (layout.profile === 'accessible') rules.push(...accessibleRules(layout))
  return rules.join('\n')
}

/**
 * The BDA style guide on every theme: a cream page (a pale blue one for the discussion slide, which is
 * reversed out in the standard look), emphasis in bold with nothing italic or underlined, no capitals
 * for headings, and the furniture spaced like the text.
 */
function accessibleRules(layout: Layout): string[] {
  const spacing = `letter-spacing:${layout.bullet.tracking}em!important;word-spacing:${layout.bullet.wordSpacing}em!important`
  return [
    `section{background:#fbf6e6!important;color:#1f1f1f!important}`,
    `section.discussion{background:#e4eef6!important;color:#1f1f1f!important}`,
    `section.discussion h2{color:#123c5c!important}`,
    `section.discussion::after,section.discussion footer{color:#3d4656!important}`,
    `section em,section i,section cite,section blockquote,section footer{font-style:normal!important}`,
    `section em,section i{font-weight:700!important}`,
    `section a,section u,section ins,section abbr{text-decoration:none!important}`,
    `section h1,section h2,section h3{text-transform:none!important;font-variant:normal!important}`,
    `section::after{${spacing}}`,
    `section>footer{${spacing}}`,
  ]
}

/**
 * The base theme the HTML is made with (the embedded fonts are added to it by `compile`). The geometry
 * is not here but in the deck's own `<style>` (see `layoutCss`), so slides.md keeps its fitted sizes in
 * any Marp app.
 */
export function themeCss(theme: ThemeName): string {
  return theme === 'lectern' ? lecternBase : builtinThemeCss(theme)
}
