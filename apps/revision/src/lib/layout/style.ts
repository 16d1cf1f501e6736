/**
 * How the sheet looks under each profile. The standard sheet is three columns of serif text under
 * sans headings; the accessible one is two wider columns of sans text, larger, with more leading
 * and a higher floor. Sizes are for body text; everything else is a fixed ratio of it.
 */
import type { FaceName } from '@lectern/typeset'

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
    return {
      ...base,
      columns: 2,
      gutter: 20,
      largest: 12,
      // Large print starts at 12 pt; a one-page sheet cannot always afford it, but never below 9.5.
      floor: 9.5,
      leading: 1.4,
      faces: { text: 'sans', emphasis: 'sans-italic', strong: 'sans-bold', heading: 'sans-bold', label: 'sans-bold' },
      colours: { text: '#000000', accent: '#0b3d5c', muted: '#333333', band: '#e6eef3' },
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
    colours: { text: '#1a1a1a', accent: '#1d5875', muted: '#5c5c5c', band: '#e8f0f4' },
  }
}
