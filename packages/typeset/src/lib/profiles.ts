/**
 * The print style of each profile, as plain data: every typeset output (handout, revision sheet) reads its faces,
 * sizes, spacing and colours from here, so `profile: accessible` means the same thing everywhere.
 *
 * `accessible` follows the British Dyslexia Association's Dyslexia Style Guide: a plain sans-serif at
 * 12–14 pt, line spacing of 1.5, left-aligned text that is not justified (and so not hyphenated), a cream
 * background instead of white, bold rather than italics (or underlining) for emphasis, and generous
 * spacing between letters, words and paragraphs. Nothing in it is set below `minimumSize`, furniture included.
 */
import type { Essay } from '@lectern/content'
import type { FaceName } from './fonts.js'

/** The schema's profile: the `profile` value of an essay's front matter (`standard` or `accessible`). */
export type Profile = Essay['meta']['profile']

/** What a profile means in print: faces, sizes, spacing and colours. */
export interface PrintStyle {
  readonly name: Profile
  /** Faces for running text: plain, emphasised (`em`), strong, and both. */
  readonly text: {
    readonly regular: FaceName
    readonly em: FaceName
    readonly strong: FaceName
    readonly strongEm: FaceName
  }
  /** Faces for headings and labels. */
  readonly heading: FaceName
  readonly label: FaceName
  /** Body size in points. */
  readonly size: number
  /** Line height as a multiple of the size. */
  readonly leading: number
  readonly align: 'justify' | 'left'
  readonly hyphenate: boolean
  /** Space between paragraphs, in lines of body text. */
  readonly paragraphSpace: number
  /** First-line indent of a paragraph that follows another, in ems (book style; 0 when paragraphs are spaced). */
  readonly indent: number
  /** Extra space between letters, in ems (pdfkit's `characterSpacing`). */
  readonly tracking: number
  /** Multiplies the natural width of a word space. */
  readonly wordSpace: number
  /** Page colour, or null for the paper's own white. */
  readonly background: string | null
  /** Text colour and the colour of secondary text (labels, notes, furniture). */
  readonly ink: string
  readonly muted: string
  /** Tint for boxes and rules. */
  readonly tint: string
  readonly rule: string
  /** Marks in the margin (the editors' bar): dark enough to survive greyscale photocopying. */
  readonly bar: string
}

export const printStyles: Readonly<Record<Profile, PrintStyle>> = Object.freeze({
  standard: Object.freeze({
    name: 'standard',
    text: Object.freeze({ regular: 'serif', em: 'serif-italic', strong: 'serif-bold', strongEm: 'serif-bold-italic' }),
    heading: 'sans-semibold',
    label: 'sans',
    size: 10.5,
    leading: 1.38,
    align: 'justify',
    hyphenate: true,
    paragraphSpace: 0,
    indent: 1.2,
    tracking: 0,
    wordSpace: 1,
    background: null,
    ink: '#1a1a1a',
    muted: '#555555',
    tint: '#f0f0ee',
    rule: '#8a8a8a',
    bar: '#5e5e5e',
  }),
  accessible: Object.freeze({
    name: 'accessible',
    // No italics anywhere in running text: emphasis is bold.
    text: Object.freeze({ regular: 'sans', em: 'sans-bold', strong: 'sans-bold', strongEm: 'sans-bold' }),
    heading: 'sans-bold',
    label: 'sans-semibold',
    size: 12,
    leading: 1.5,
    align: 'left',
    hyphenate: false,
    paragraphSpace: 0.75,
    indent: 0,
    // The BDA asks for letter spacing of about 35 % of the average letter width (the sans face's a–z
    // average 0.475 em, so 0.166 em) and word spacing of at least 3.5 times the letter spacing: a word
    // space of 0.2 em plus its letter spacing (0.366 em), stretched 1.65 times, plus the last letter's
    // spacing, leaves 0.77 em between words, 4.6 times the letter spacing. Spacing this wide is carried
    // in the glyphs' advances (`spacing.ts`), so pdf.js and pdftotext still read whole words.
    tracking: 0.166,
    wordSpace: 1.65,
    background: '#fbf6e6',
    ink: '#1f1f1f',
    muted: '#4a4a4a',
    tint: '#f1e9d2',
    rule: '#6f6a5c',
    bar: '#55503f',
  }),
} satisfies Record<Profile, PrintStyle>)

/** The smallest type the accessible profile sets anywhere, in points (the BDA's 12 pt). */
export const minimumSize = 12

export const profileNames = Object.keys(printStyles) as Profile[]

/** The print style of a profile (an option or front-matter value); unknown names fall back to `standard`. */
export function printStyleOf(profile: string | undefined): PrintStyle {
  return profile === 'accessible' ? printStyles.accessible : printStyles.standard
}
