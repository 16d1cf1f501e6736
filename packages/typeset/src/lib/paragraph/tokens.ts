/**
 * Pieces to tokens: words (runs of styled parts with no breaking space between them), spaces (kept
 * unbroken where a tie holds) and forced breaks; and the measuring of a word's parts.
 */
import { widthOf } from '../shaping.js'
import { inFont, spacedName } from '../spacing.js'
import type { AnyFace } from '../fonts.js'
import type { Piece, TextStyle } from './types.js'

/** A run of a word in one style, with its width. */
export interface Part<D> {
  readonly text: string
  readonly style: TextStyle
  readonly data: D | undefined
  readonly width: number
}

/** What each line-breaking item stands for, kept beside the items array. */

const breakingSpace = /[ \t\r\f\v\u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]+/u
const tokenPattern = /\n|[ \t\r\f\v\u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]+|[^\n \t\r\f\v\u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]+/gu

/** Width of `text` in a style, tracking included (wide tracking is in the face drawn: `spacing.ts`). */
export function measure(text: string, style: TextStyle): number {
  if (inFont(style.tracking)) return widthOf(text, spacedName(style.face, style.tracking) as AnyFace, style.size, style.features)
  const tracking = style.tracking ? style.tracking * style.size * [...text].length : 0
  return widthOf(text, style.face, style.size, style.features) + tracking
}


export type Token<D> =
  | { kind: 'word'; parts: Array<{ text: string; style: TextStyle; data: D | undefined }> }
  | { kind: 'space'; style: TextStyle; keep: boolean }
  | { kind: 'break' }

/** A word starting with one of these stays on the line of the word before it (`Kerensky .`, `war – and`). */
export const noBreakBefore = /^[.,;:!?)\]}’”»…–—]/u

export function tokenize<D>(pieces: readonly Piece<D>[]): Token<D>[] {
  const tokens: Token<D>[] = []
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p]!
    tokenPattern.lastIndex = 0
    for (let match = tokenPattern.exec(piece.text); match; match = tokenPattern.exec(piece.text)) {
      const text = match[0]
      const last = tokens.at(-1)
      if (text === '\n') tokens.push({ kind: 'break' })
      else if (breakingSpace.test(text[0]!)) {
        if (last && last.kind === 'word') tokens.push({ kind: 'space', style: piece.style, keep: false })
      } else if (last?.kind === 'word') last.parts.push({ text, style: piece.style, data: piece.data })
      else {
        if (last?.kind === 'space' && noBreakBefore.test(text)) last.keep = true
        tokens.push({ kind: 'word', parts: [{ text, style: piece.style, data: piece.data }] })
      }
    }
  }
  while (tokens.length && tokens.at(-1)!.kind !== 'word') tokens.pop()
  // A short last word is tied to the one before it, so no paragraph ends on a line of its own like "it."
  const [space, word] = tokens.slice(-2)
  if (space?.kind === 'space' && word?.kind === 'word' && word.parts.reduce((n, part) => n + part.text.length, 0) <= 6) space.keep = true
  return tokens
}

export type Word<D> = Token<D> & { kind: 'word' }

/** Cut a word's styled parts at a range of character offsets. */
export function slice<D>(parts: Token<D> & { kind: 'word' }, from: number, to: number): Part<D>[] {
  const out: Part<D>[] = []
  let offset = 0
  for (let p = 0; p < parts.parts.length; p++) {
    const part = parts.parts[p]!
    const start = Math.max(from, offset)
    const end = Math.min(to, offset + part.text.length)
    if (start < end) {
      const text = part.text.slice(start - offset, end - offset)
      out.push({ text, style: part.style, data: part.data, width: measure(text, part.style) })
    }
    offset += part.text.length
  }
  return out
}
