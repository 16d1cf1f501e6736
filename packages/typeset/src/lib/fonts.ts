/**
 * The bundled fonts: Source Serif 4 for text and Source Sans 3 for headings, labels and the accessible
 * profile (Latin and Cyrillic), and Noto Emoji as the fallback for pictographs neither has. All are
 * TTF files from npm (pdfkit embeds TTF; WOFF2 crashes its fontkit). Nothing here reads a system font,
 * and nothing here shapes text (`shaping.ts` does).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { parseSpaced, spacedFont, type Spaced } from './spacing.js'

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

/** The text faces, by the names documents register them under (`doc.font('serif')`). */
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

/**
 * Faces used only for characters no text face has (`glyphs.ts`): monochrome Noto Emoji, so an essay
 * that ends with 🕯️ prints a candle, not a code point. Kept apart from `faces`, which apps embed whole
 * (the slides' web fonts) and choose styles from.
 */
export const fallbackFaces = {
  emoji: face('noto-emoji', '400Regular/NotoEmoji_400Regular.ttf', 'Noto Emoji', 400, 'normal'),
} as const satisfies Record<string, FaceInfo>

export type FallbackName = keyof typeof fallbackFaces
export const fallbackNames = Object.keys(fallbackFaces) as FallbackName[]

/**
 * Any face a fragment may be set in: a text face, a fallback for a character the text faces lack, or
 * one of those with wide letter spacing in its advances (`spacing.ts`), as `sans+166`.
 */
export type AnyFace = FaceName | FallbackName | Spaced<FaceName | FallbackName>

export function faceInfo(name: AnyFace): FaceInfo {
  const spaced = parseSpaced<FaceName | FallbackName>(name)
  if (spaced) return faceInfo(spaced.face)
  return Object.hasOwn(faces, name) ? faces[name as FaceName] : fallbackFaces[name as FallbackName]
}

const files = new Map<AnyFace, Buffer>()

/** The font file's bytes, read (or, for a spaced face, derived) once per process; documents register them, shaping parses them. */
export function fontFile(name: AnyFace): Buffer {
  let data = files.get(name)
  if (!data) {
    const spaced = parseSpaced<FaceName | FallbackName>(name)
    data = spaced ? spacedFont(fontFile(spaced.face), spaced.tracking) : readFileSync(faceInfo(name).file)
    files.set(name, data)
  }
  return data
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
