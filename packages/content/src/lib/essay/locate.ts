/**
 * Where a sentence of the prose sits in the source: the words of its plain text, found in order
 * inside its block, with any Markdown markup (emphasis, line breaks) between them. `lectern check`
 * points at it and `lectern mark` wraps it; undefined when the source spells it otherwise (a link).
 */
import type { Position } from '../schema.js'

export interface Span {
  readonly start: number
  readonly end: number
}

export function offsetOf(source: string, point: Position['start']): number {
  let offset = 0
  for (let line = 1; line < point.line; line++) {
    const next = source.indexOf('\n', offset)
    if (next === -1) return source.length
    offset = next + 1
  }
  return offset + point.column - 1
}

export function pointAt(source: string, offset: number): Position['start'] {
  const before = source.slice(0, offset).split('\n')
  return { line: before.length, column: before.at(-1)!.length + 1 }
}

/** The offsets of `text` in `source` within `block`. */
export function locate(source: string, block: Position, text: string): Span | undefined {
  const from = offsetOf(source, block.start)
  const to = offsetOf(source, block.end)
  const words = text.split(/\s+/).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  if (words.length === 0) return undefined
  // Between two words: white space, emphasis markers or a hard line break.
  const pattern = new RegExp(words.join('(?:[\\s*_~`]|\\\\\\n)+'), 'u')
  const found = pattern.exec(source.slice(from, to))
  return found ? { start: from + found.index, end: from + found.index + found[0].length } : undefined
}

export function positionIn(source: string, block: Position, text: string): Position {
  const span = locate(source, block, text)
  return span ? { start: pointAt(source, span.start), end: pointAt(source, span.end) } : block
}
