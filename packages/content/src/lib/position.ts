import type { Node } from 'unist'
import type { Position } from './schema.js'

const origin: Position = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }

/** A node's place in the source, as the schema stores it. */
export function positionOf(node: Node | undefined): Position {
  const place = node?.position
  if (!place) return origin
  return {
    start: { line: place.start.line, column: place.start.column },
    end: { line: place.end.line, column: place.end.column },
  }
}
