/**
 * The slides.md a teacher takes away: it must look the same in plain marp-cli or Marp for VS Code as in
 * Lectern, with nothing to register. Lectern's own theme is not one those tools know (`theme: lectern`
 * would fall back to Marp's default look and warn of an unknown theme), so the file names Marp's
 * `default` theme and carries Lectern's theme inside its `<style>` (Marp applies a deck's `<style>` after
 * the theme, to every slide, even with HTML off), with the embedded fonts it is set in. Marp's built-in
 * themes keep their names and get the fonts. The Markdown Lectern renders its own HTML from is unchanged.
 */
import type { ThemeName } from '../theme/css.js'

export interface Portable {
  readonly theme: ThemeName
  /** The theme's CSS as Lectern registers it (with its `@theme` metadata). */
  readonly themeCss: string
  /** The `@font-face` rules of the faces the slides use. */
  readonly fonts: string
}

/** Marpit's metadata comment (`@theme`, `@size`…): a theme's, not a deck's. */
const metadata = /\/\*![\s\S]*?\*\/\s*/g

export function portableMarkdown(markdown: string, portable: Portable): string {
  const own = portable.theme === 'lectern'
  const front = own ? markdown.replace(/^theme: lectern$/m, 'theme: default') : markdown
  const carried = [portable.fonts, own ? portable.themeCss.replace(metadata, '').trim() : ''].filter(Boolean).join('\n')
  const at = front.lastIndexOf('\n<style>\n')
  if (at < 0 || carried === '') return front
  return `${front.slice(0, at)}\n<style>\n${carried}\n${front.slice(at + '\n<style>\n'.length)}`
}
