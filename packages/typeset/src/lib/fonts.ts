/**
 * The bundled fonts every output uses: Source Serif 4 for text and Source Sans 3 for headings, labels
 * and the accessible profile, as TTF files from npm (pdfkit embeds TTF; WOFF2 crashes its fontkit).
 * Both cover Latin and Cyrillic. Nothing here reads a system font.
 */
import { createRequire } from 'node:module'
import * as fontkit from 'fontkit'
import { shape } from './shaping.js'

const require = createRequire(import.meta.url)

export interface FaceInfo {
  /** Absolute path of the TTF file. */
  readonly file: string
  readonly family: string
  readonly weight: 400 | 600 | 700
  readonly style: 'normal' | 'italic'
}

const face = (pkg: string, name: string, family: string, weight: FaceInfo['weight'], style: FaceInfo['style']): FaceInfo => ({
  file: require.resolve(`@expo-google-fonts/${pkg}/${name}`),
  family,
  weight,
  style,
})

export const faces = {
  serif: face('source-serif-4', '400Regular/SourceSerif4_400Regular.ttf', 'Source Serif 4', 400, 'normal'),
  'serif-italic': face('source-serif-4', '400Regular_Italic/SourceSerif4_400Regular_Italic.ttf', 'Source Serif 4', 400, 'italic'),
  'serif-bold': face('source-serif-4', '700Bold/SourceSerif4_700Bold.ttf', 'Source Serif 4', 700, 'normal'),
  'serif-bold-italic': face('source-serif-4', '700Bold_Italic/SourceSerif4_700Bold_Italic.ttf', 'Source Serif 4', 700, 'italic'),
  sans: face('source-sans-3', '400Regular/SourceSans3_400Regular.ttf', 'Source Sans 3', 400, 'normal'),
  'sans-italic': face('source-sans-3', '400Regular_Italic/SourceSans3_400Regular_Italic.ttf', 'Source Sans 3', 400, 'italic'),
  'sans-semibold': face('source-sans-3', '600SemiBold/SourceSans3_600SemiBold.ttf', 'Source Sans 3', 600, 'normal'),
  'sans-bold': face('source-sans-3', '700Bold/SourceSans3_700Bold.ttf', 'Source Sans 3', 700, 'normal'),
  'sans-bold-italic': face('source-sans-3', '700Bold_Italic/SourceSans3_700Bold_Italic.ttf', 'Source Sans 3', 700, 'italic'),
} as const satisfies Record<string, FaceInfo>

export type FaceName = keyof typeof faces
export const faceNames = Object.keys(faces) as FaceName[]

const loaded = new Map<FaceName, fontkit.Font>()

/** The parsed font (cached): metrics, glyph coverage and advance widths. */
export function loadFace(name: FaceName): fontkit.Font {
  let font = loaded.get(name)
  if (!font) {
    font = fontkit.openSync(faces[name].file) as fontkit.Font
    loaded.set(name, font)
  }
  return font
}

const widths = new Map<string, number>()

/**
 * Width of `text` in points at `size`, with the font's kerning (and any OpenType `features`, such as
 * `sups`), as pdfkit will set it. Cached per face, features and text: a paragraph re-measures the same
 * words and spaces many times.
 */
export function widthOf(text: string, name: FaceName, size: number, features?: readonly string[]): number {
  const key = features?.length ? `${name}\u0000${features.join(',')}\u0000${text}` : `${name}\u0000${text}`
  let units = widths.get(key)
  if (units === undefined) {
    const font = loadFace(name)
    units = (features?.length ? font.layout(text, [...features]).advanceWidth : shape(text, name).advanceWidth) / font.unitsPerEm
    widths.set(key, units)
  }
  return units * size
}

/** Whether the face can draw this character (white space and controls always can). */
export function hasGlyph(name: FaceName, char: string): boolean {
  const code = char.codePointAt(0)!
  return code < 0x20 || /\s/u.test(char) || loadFace(name).hasGlyphForCodePoint(code)
}

const companions: Record<FaceName, FaceName> = {
  serif: 'sans',
  'serif-italic': 'sans-italic',
  'serif-bold': 'sans-bold',
  'serif-bold-italic': 'sans-bold-italic',
  sans: 'serif',
  'sans-italic': 'serif-italic',
  'sans-semibold': 'serif-bold',
  'sans-bold': 'serif-bold',
  'sans-bold-italic': 'serif-bold-italic',
}

/** The face of the other family with the nearest weight and style: where a missing character is looked for next. */
export function companionOf(name: FaceName): FaceName {
  return companions[name]
}

/** Characters of `text` that no bundled face can draw (shown as a warning, never as a blank box). */
export function missingGlyphs(text: string, names: readonly FaceName[] = ['serif', 'sans']): string[] {
  const missing = new Set<string>()
  for (const char of new Set(text)) {
    const code = char.codePointAt(0)!
    if (code < 0x20 || /\s/u.test(char)) continue
    if (!names.some((name) => loadFace(name).hasGlyphForCodePoint(code))) missing.add(char)
  }
  return [...missing]
}
