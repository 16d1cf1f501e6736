/**
 * How the sheet looks under each profile. Faces, colours, letter and word spacing, hyphenation and
 * the page colour come from @lectern/typeset's print styles, so `profile: accessible` means on the sheet
 * what it means in the handout. What is the sheet's own: the columns, a tighter leading for the
 * standard sheet, and the sizes the fitter moves between.
 */
import { minimumSize, papers, printStyles, type FaceName, type Paper, type Profile } from '@lectern/typeset'
import type { Setting } from './lines.js'

export type { Paper }
export type { Profile }

/** How many columns, how far apart, and the body sizes the fitter moves between in them. */
export interface Shape {
  readonly columns: number
  readonly gutter: number
  /** The body size the fitter starts from, steps down from, and never goes below. */
  readonly largest: number
  readonly floor: number
}

export interface SheetStyle extends Shape {
  readonly profile: Profile
  readonly paper: Paper
  readonly page: { readonly width: number; readonly height: number }
  readonly margin: number
  /**
   * How many sides of the sheet the entries may run to: the standard sheet is one page; the
   * accessible one may use both sides of the sheet, and uses the second only when the first is full.
   */
  readonly sides: 1 | 2
  /**
   * How a sheet with room to spare is set: when everything fits at `largest` with room to spare, the
   * fitter tries this (fewer, wider columns and larger type) from its floor up, so a short essay's sheet
   * is set deliberately, not as one narrow column down a third of the page.
   */
  readonly roomy?: Shape | undefined
  readonly step: number
  /** Line height as a multiple of the size. */
  readonly leading: number
  readonly faces: {
    readonly text: FaceName
    readonly emphasis: FaceName
    readonly strong: FaceName
    readonly heading: FaceName
    readonly label: FaceName
  }
  readonly colours: Readonly<Record<'text' | 'accent' | 'muted' | 'band', string>>
  readonly setting: Setting
}

/** The floor: nothing on the page is set smaller than this. */
export const floor = 7.5

/** Headings, dates and labels in one quiet blue; darker under the accessible profile for contrast. */
const accent = { standard: '#1d5875', accessible: '#0b3d5c' } as const

export function sheetStyle(profile: Profile, paper: Paper, lang = 'en-GB'): SheetStyle {
  const p = printStyles[profile]
  const colours = { text: p.ink, accent: accent[profile], muted: p.muted, band: p.tint }
  const common = {
    profile,
    paper,
    page: papers[paper],
    margin: 28,
    step: 0.25,
    faces: { text: p.text.regular, emphasis: p.text.em, strong: p.text.strong, heading: p.heading, label: p.heading },
    colours,
    setting: { tracking: p.tracking, wordSpace: p.wordSpace, hyphenate: p.hyphenate, lang, colours },
  }
  if (profile === 'accessible') {
    // Two wide columns at the profile's leading, and nothing below the BDA's 12 pt, body and furniture
    // alike: where one side cannot hold the standard sheet's items at that size, the back of the sheet does.
    // With room to spare, larger type still, in the same two columns (about 35 characters a line at 14 pt).
    const roomy = { columns: 2, gutter: 24, largest: 14, floor: p.size + 0.5 }
    return { ...common, sides: 2, columns: 2, gutter: 20, largest: Math.max(p.size, minimumSize), floor: minimumSize, leading: p.leading, roomy }
  }
  // Three columns of dense reference text: tighter than the handout's reading leading. With room to
  // spare, two columns at 10.5 to 12 pt: lines of 45 to 50 characters, as the handout's.
  const roomy = { columns: 2, gutter: 20, largest: 12, floor: 10.5 }
  return { ...common, sides: 1, columns: 3, gutter: 14, largest: 10, floor, leading: 1.22, roomy }
}

/**
 * The style set in another shape: the roomy one, which has no roomier. Its wider columns break well
 * enough between words: a hyphen there ("liv-ing") only looks careless.
 */
export function inShape(style: SheetStyle, shape: Shape): SheetStyle {
  const { columns, gutter, largest, floor } = shape
  return { ...style, columns, gutter, largest, floor, roomy: undefined, setting: { ...style.setting, hyphenate: false } }
}
