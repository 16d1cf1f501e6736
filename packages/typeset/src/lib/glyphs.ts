/**
 * Glyph fallback: a character the piece's face lacks is set in the companion family (serif ↔ sans);
 * one that no bundled face has is replaced by a visible stand-in naming its code point, and reported,
 * so the page never shows a blank box (.notdef) where a character should be.
 */
import { companionOf, coverageOf, hasGlyph, type FaceName } from './fonts.js'
import type { Piece } from './paragraph.js'

export interface ResolvedPieces<D> {
  readonly pieces: Piece<D>[]
  /** Characters no bundled face can draw, once each, in order of appearance. */
  readonly missing: string[]
}

/** The stand-in drawn for a character no bundled face has: `[U+2605]`. */
export function substituteFor(char: string): string {
  return `[U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`
}

const drawables = new Map<FaceName, RegExp>()

/** Whether the face has every character of `text`: one regular expression of its coverage per face. */
function drawable(text: string, face: FaceName): boolean {
  let pattern = drawables.get(face)
  if (!pattern) {
    const ranges = coverageOf(face)
    const hex = (cp: number) => `\\u{${cp.toString(16)}}`
    let set = ''
    for (let i = 0; i < ranges.length; i += 2) set += ranges[i] === ranges[i + 1] ? hex(ranges[i]!) : `${hex(ranges[i]!)}-${hex(ranges[i + 1]!)}`
    // As hasGlyph: controls and white space always count as drawable.
    pattern = new RegExp(`^[\\0-\\x1f\\s${set}]*$`, 'u')
    drawables.set(face, pattern)
  }
  return pattern.test(text)
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
    const companion = { ...piece.style, face: companionOf(face) }
    const stand = { ...piece.style, face: companionOf(face).startsWith('sans') ? companionOf(face) : face, color: '#7a0000' }
    let current: { text: string; style: Piece<D>['style'] } | undefined
    const flush = () => {
      if (current?.text) out.push({ text: current.text, style: current.style, data: piece.data })
      current = undefined
    }
    for (const char of piece.text) {
      const [text, style] = hasGlyph(face, char)
        ? [char, piece.style]
        : hasGlyph(companion.face, char)
          ? [char, companion]
          : (missing.add(char), [substituteFor(char), stand] as const)
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
