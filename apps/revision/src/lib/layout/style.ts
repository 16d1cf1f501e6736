/**
 * How the sheet looks under each profile. The standard sheet is three columns of serif text under
 * sans headings; the accessible one is two wider columns of sans text, larger, with more leading
 * and a higher floor. Sizes are for body text; everything else is a fixed ratio of it.
 */
import type { FaceName } from '@lectern/typeset'
import type { Spacing } from './lines.js'

export type Profile = 'standard' | 'accessible'
export type Paper = 'A4' | 'Letter'

export interface SheetStyle {
  readonly profile: Profile
  readonly paper: Paper
  readonly page: { readonly width: number; readonly height: number }
  readonly margin: number
  readonly columns: number
  readonly gutter: number
  /** The body size the fitter starts from, steps down from, and never goes below. */
  readonly largest: number
  readonly floor: number
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
  /** Page colour, or null for white. */
  readonly background: string | null
  readonly spacing: Spacing
}

/** The floor: nothing on the page is set smaller than this. */
export const floor = 7.5

const pages = {
  A4: { width: 595.28, height: 841.89 },
  Letter: { width: 612, height: 792 },
} as const

export function sheetStyle(profile: Profile, paper: Paper): SheetStyle {
  const base = { profile, paper, page: pages[paper], margin: 28, step: 0.25 }
  if (profile === 'accessible') {
    // The handout's accessible profile (British Dyslexia Association style guide): sans only, bold
    // rather than italic, left-aligned, 1.5 line spacing, spaced-out letters and words, a cream page.
    return {
      ...base,
      columns: 2,
      gutter: 20,
      largest: 12,
      // Large print starts at 12 pt; a one-page sheet cannot always afford it, but never below 9.5.
      floor: 9.5,
      leading: 1.5,
      faces: { text: 'sans', emphasis: 'sans-bold', strong: 'sans-bold', heading: 'sans-bold', label: 'sans-semibold' },
      colours: { text: '#1f1f1f', accent: '#0b3d5c', muted: '#4a4a4a', band: '#f1e9d2' },
      background: '#fbf6e6',
      spacing: { tracking: 0.012, wordSpace: 1.25 },
    }
  }
  return {
    ...base,
    columns: 3,
    gutter: 14,
    largest: 10,
    floor,
    leading: 1.22,
    faces: { text: 'serif', emphasis: 'serif-italic', strong: 'serif-bold', heading: 'sans-bold', label: 'sans-semibold' },
    colours: { text: '#1a1a1a', accent: '#1d5875', muted: '#555555', band: '#e8f0f4' },
    background: null,
    spacing: { tracking: 0, wordSpace: 1 },
  }
}
