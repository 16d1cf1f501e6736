/**
 * Each theme's colours as data, for the outputs that are not CSS (the PowerPoint, the slide handouts).
 * Lectern's own are those of its stylesheet (`css.ts`); Marp's built-in themes' are their light-mode
 * variables (`--color-background`, `--color-foreground`, `--color-highlight`, GitHub's for `default`).
 */
import type { ThemeName } from './css.js'

/** Hex colours without `#`, as PowerPoint writes them. */
export interface Palette {
  readonly background: string
  readonly text: string
  readonly heading: string
  /** Rules: the quotation's bar, the title's underline. */
  readonly accent: string
  /** Sources, bylines, slide numbers, footers. */
  readonly muted: string
  readonly link: string
  /** The discussion slide is set reversed. */
  readonly reverse: { readonly background: string; readonly text: string; readonly heading: string }
}

export const palettes: Readonly<Record<ThemeName, Palette>> = {
  lectern: {
    background: 'FBFAF6',
    text: '1B2230',
    heading: '123C5C',
    accent: 'B5651D',
    muted: '4D5666',
    link: '0B5394',
    reverse: { background: '123C5C', text: 'FFFFFF', heading: 'F3D9B1' },
  },
  default: {
    background: 'FFFFFF',
    text: '1F2328',
    heading: '1F2328',
    accent: '0969DA',
    muted: '59636E',
    link: '0969DA',
    reverse: { background: '1F2328', text: 'FFFFFF', heading: 'FFFFFF' },
  },
  gaia: {
    background: 'FFF8E1',
    text: '455A64',
    heading: '455A64',
    accent: '0288D1',
    muted: '6A7A7D',
    link: '0288D1',
    reverse: { background: '0288D1', text: 'FFF8E1', heading: 'FFF8E1' },
  },
  uncover: {
    background: 'FDFCFF',
    text: '202228',
    heading: '202228',
    accent: '009DD5',
    muted: '5C5E66',
    link: '009DD5',
    reverse: { background: '202228', text: 'FDFCFF', heading: 'FDFCFF' },
  },
}
