/**
 * Glyph fallback, by grapheme: a character the piece's face lacks is set in the companion family
 * (serif ↔ sans), then in a fallback face (Noto Emoji for pictographs); one that no bundled face has is
 * left out and reported, for a `missing-glyph` warning, so the page never shows a blank box (.notdef)
 * or a code point where a character should be. Variation selectors and joiners travel with the
 * character before them, and are dropped where its face has no glyph for them.
 */
import { companionOf, fallbackNames, type AnyFace, type FaceName } from './fonts.js'
import type { Piece, TextStyle } from './paragraph.js'
import { covers, isDefaultIgnorable, needsNoGlyph } from './shaping.js'

export interface ResolvedPieces<D> {
  readonly pieces: Piece<D>[]
  /** Characters no bundled face can draw, once each, in order of appearance. */
  readonly missing: string[]
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })

/** Whether `face` can draw every character of `text` (white space and controls need no glyph). */
function drawable(text: string, face: AnyFace): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (!needsNoGlyph(code, char) && !covers(face, code)) return false
  }
  return true
}

/** The grapheme as `face` can set it: its base must be there; marks and selectors it lacks are dropped. */
function setIn(grapheme: string, face: AnyFace): string | undefined {
  let out = ''
  let first = true
  for (const char of grapheme) {
    const code = char.codePointAt(0)!
    const ok = needsNoGlyph(code, char) || covers(face, code)
    if (first && !ok) return undefined
    first = false
    if (ok) out += char
    else if (!isDefaultIgnorable(code)) return undefined
  }
  return out
}

export function resolveGlyphs<D>(pieces: readonly Piece<D>[]): ResolvedPieces<D> {
  const out: Piece<D>[] = []
  const missing = new Set<string>()
  for (const piece of pieces) {
    const face = piece.style.face
    // Fast path: the whole piece is drawable in its own face.
    if (drawable(piece.text, face)) {
      out.push(piece)
      continue
    }
    const candidates: TextStyle[] = [piece.style]
    if (!isFallback(face)) candidates.push({ ...piece.style, face: companionOf(face) })
    for (const fallback of fallbackNames) candidates.push({ ...piece.style, face: fallback, features: undefined })
    let current: { text: string; style: TextStyle } | undefined
    const flush = () => {
      if (current?.text) out.push({ text: current.text, style: current.style, data: piece.data })
      current = undefined
    }
    for (const { segment } of graphemes.segment(piece.text)) {
      let placed: [string, TextStyle] | undefined
      for (const style of candidates) {
        const text = setIn(segment, style.face)
        if (text !== undefined) {
          placed = [text, style]
          break
        }
      }
      if (!placed) {
        const base = [...segment].find((char) => !isDefaultIgnorable(char.codePointAt(0)!))
        if (base) missing.add(base)
        continue
      }
      const [text, style] = placed
      if (current?.style !== style) {
        flush()
        current = { text: '', style }
      }
      current!.text += text
    }
    flush()
  }
  return { pieces: out, missing: [...missing] }
}

function isFallback(face: AnyFace): face is Exclude<AnyFace, FaceName> {
  return (fallbackNames as readonly string[]).includes(face)
}
