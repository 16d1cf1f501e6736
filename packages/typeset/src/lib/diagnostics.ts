/**
 * The `missing-glyph` warning, worded once for every PDF: which characters no bundled face (text or
 * fallback) can draw, that they are left out, and what to do.
 */
import type { Diagnostic, Position } from '@lectern/content'
import { fallbackNames, type AnyFace } from './fonts.js'
import { missingGlyphs } from './shaping.js'

/** Every face a PDF may draw from: the two text families (any of their faces) and the fallbacks. */
export const printFaces: readonly AnyFace[] = ['serif', 'sans', ...fallbackNames]

/** `U+2605` for ★. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
}

/**
 * The warning for characters of `text` that nothing can draw in `output` ("The handout"), or none.
 * `place` is where they are in the essay, when the caller knows.
 */
export function missingGlyphDiagnostic(output: string, chars: readonly string[], place?: Position): Diagnostic | undefined {
  if (chars.length === 0) return undefined
  const list = chars.map((char) => `“${char}” (${codePoint(char)})`).join(', ')
  const one = chars.length === 1
  return {
    ruleId: 'missing-glyph',
    reason: `${output}'s fonts have no glyph for ${list}; ${one ? 'it is' : 'they are'} left out. Use another character, or describe it in words.`,
    ...(place ? { place } : {}),
  }
}

/** The characters of `text` no print face can draw. */
export function unprintable(text: string): string[] {
  return missingGlyphs(text, printFaces)
}
