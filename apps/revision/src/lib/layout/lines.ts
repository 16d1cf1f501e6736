/**
 * Rich text → lines that fit a width, measured with the same font metrics the PDF is drawn with
 * (`widthOf` from @lectern/typeset). Lines break at spaces, and after a hyphen or dash inside a
 * long word; a word wider than the whole line is split between characters rather than clipped.
 * Widths are measured once per piece of text at 1 pt and scaled, since the fitter tries many sizes.
 */
import { widthOf, type FaceName } from '@lectern/typeset'

export interface Span {
  readonly text: string
  readonly face: FaceName
  readonly size: number
  /** A colour name from the sheet's palette. */
  readonly tone?: Tone | undefined
}

export type Tone = 'text' | 'accent' | 'muted'

export interface PlacedSpan extends Span {
  /** From the start of the line. */
  readonly x: number
  readonly width: number
}

export interface Line {
  readonly spans: readonly PlacedSpan[]
  readonly width: number
}

/** A token of a span's text at 1 pt: a run of spaces, or a piece of a word. */
interface Token {
  readonly text: string
  readonly units: number
  readonly space: boolean
  /** A hyphen or dash ends it: the line may break after it with nothing added. */
  readonly breakAfter: boolean
}

interface Piece {
  readonly text: string
  readonly span: Span
  readonly width: number
}

/** A unit that cannot be broken: one or more pieces, and the space after it (if any). */
interface Word {
  pieces: Piece[]
  width: number
  space: Piece | undefined
}

const tokenCache = new Map<string, Token[]>()

function tokens(text: string, face: FaceName): Token[] {
  const key = `${face}\u0000${text}`
  let out = tokenCache.get(key)
  if (!out) {
    out = (text.match(/\s+|[^\s]+?(?:[-–—/](?=[^\s])|(?=\s)|$)/gu) ?? []).map((token) => {
      const space = /^\s+$/.test(token)
      return { text: space ? ' ' : token, units: widthOf(space ? ' ' : token, face, 1), space, breakAfter: /[-–—/]$/.test(token) }
    })
    tokenCache.set(key, out)
  }
  return out
}

/** Letter and word spacing, as a profile sets them (the accessible one spaces text out). */
export interface Spacing {
  /** Extra space after every character, in ems. */
  readonly tracking: number
  /** Multiplies the natural width of a word space. */
  readonly wordSpace: number
}

export const plain: Spacing = { tracking: 0, wordSpace: 1 }

export function breakLines(spans: readonly Span[], width: number, spacing: Spacing = plain): Line[] {
  const lines: Line[] = []
  let current: Word[] = []
  let used = 0
  for (const word of toWords(spans, spacing).flatMap((w) => (w.width > width ? splitWide(w, width, spacing) : [w]))) {
    const space = current.at(-1)?.space?.width ?? 0
    if (current.length > 0 && used + space + word.width > width + 1e-6) {
      lines.push(place(current))
      current = []
      used = 0
    }
    used += (current.length > 0 ? space : 0) + word.width
    current.push(word)
  }
  if (current.length > 0) lines.push(place(current))
  return lines
}

/** A piece's width as drawn: its glyphs, a word space widened by the profile, tracking after each character. */
function widthAt(units: number, text: string, span: Span, spacing: Spacing, space: boolean): number {
  const chars = space ? 1 : [...text].length
  return units * span.size * (space ? spacing.wordSpace : 1) + spacing.tracking * span.size * chars
}

function toWords(spans: readonly Span[], spacing: Spacing): Word[] {
  const words: Word[] = []
  let open: Word | undefined
  for (const span of spans) {
    for (const token of tokens(span.text, span.face)) {
      const p: Piece = { text: token.text, span, width: widthAt(token.units, token.text, span, spacing, token.space) }
      if (token.space) {
        // After a word closed by its own dash ("—", "Brest-"), the space still belongs to that word.
        const last = open ?? words.at(-1)
        if (last && !last.space) last.space = p
        open = undefined
        continue
      }
      if (!open) {
        open = { pieces: [], width: 0, space: undefined }
        words.push(open)
      }
      open.pieces.push(p)
      open.width += p.width
      if (token.breakAfter) open = undefined
    }
  }
  return words
}

/** Last resort for a word wider than the column (a long URL): cut between characters. */
function splitWide(word: Word, width: number, spacing: Spacing): Word[] {
  const out: Word[] = []
  let current: Word = { pieces: [], width: 0, space: undefined }
  for (const p of word.pieces) {
    for (const char of p.text) {
      const c: Piece = { text: char, span: p.span, width: widthAt(widthOf(char, p.span.face, 1), char, p.span, spacing, false) }
      if (current.width + c.width > width && current.pieces.length > 0) {
        out.push(current)
        current = { pieces: [], width: 0, space: undefined }
      }
      current.pieces.push(c)
      current.width += c.width
    }
  }
  current.space = word.space
  out.push(current)
  return out
}

function place(words: readonly Word[]): Line {
  const spans: PlacedSpan[] = []
  let x = 0
  words.forEach((word, i) => {
    for (const p of word.pieces) {
      add(spans, p, x)
      x += p.width
    }
    if (i < words.length - 1 && word.space) {
      add(spans, word.space, x)
      x += word.space.width
    }
  })
  return { spans, width: x }
}

/** Adjacent pieces of one span join, so the PDF gets whole strings to draw and to extract. */
function add(spans: PlacedSpan[], p: Piece, x: number): void {
  const last = spans.at(-1)
  const { face, size, tone } = p.span
  // A space always ends the span before it: drawn at the start of a span, pdfkit would trim it.
  const space = p.text === ' '
  if (last && ((last.face === face && last.size === size && last.tone === tone) || space)) {
    spans[spans.length - 1] = { ...last, text: last.text + p.text, width: last.width + p.width }
  } else {
    spans.push({ text: p.text, face, size, tone, x, width: p.width })
  }
}
