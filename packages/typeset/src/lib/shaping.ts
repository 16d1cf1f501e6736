/**
 * Shaping, done once: every word is shaped a single time per face, from the metric tables (`shaper.ts`)
 * or, for the rare word they do not model, by fontkit; the same glyphs serve both measuring (the line
 * breaker's widths) and drawing (pdfkit's text), so what is drawn is exactly what was measured, and a
 * handout does not shape its words twice.
 */
import { loadFace, shaperOf, type FaceName } from './fonts.js'
import type { ShapedGlyph, ShapedRun } from './shaper.js'

const shaped = new Map<string, ShapedRun>()

/** The glyphs and positions of `text` in a face, without optional features (cached). */
export function shape(text: string, name: FaceName): ShapedRun {
  const key = `${name}\u0000${text}`
  let run = shaped.get(key)
  if (!run) {
    run = shaperOf(name).shaper.shape(text) ?? shapeWithFontkit(text, name)
    shaped.set(key, run)
  }
  return run
}

function shapeWithFontkit(text: string, name: FaceName): ShapedRun {
  const layout = loadFace(name).layout(text)
  return {
    // Plain copies: pdfkit reads only these three fields, and fontkit's glyph objects are shared and mutable.
    glyphs: layout.glyphs.map(({ id, codePoints, advanceWidth }) => ({ id, codePoints: [...codePoints], advanceWidth })),
    positions: layout.positions.map(({ xAdvance, yAdvance, xOffset, yOffset }) => ({ xAdvance, yAdvance, xOffset, yOffset })),
    advanceWidth: layout.advanceWidth,
  }
}

/** A run as pdfkit's EmbeddedFont keeps it in its layout cache: positions in thousandths of an em. */
interface PdfkitRun {
  glyphs: ShapedGlyph[]
  positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }>
  advanceWidth: number
}

const pdfkitCaches = new Map<FaceName, Record<string, PdfkitRun>>()

/**
 * A stand-in for pdfkit's per-document layout cache of one face. pdfkit splits text at spaces and looks
 * up each word with its trailing space; this answers from `shape`, so pdfkit never shapes text itself
 * and every document built in the process shares the work. pdfkit reads only the glyphs' ids, widths and
 * code points; its own parsed font is left to embed the subset.
 */
export function pdfkitLayoutCache(name: FaceName): Record<string, PdfkitRun> {
  let cache = pdfkitCaches.get(name)
  if (!cache) {
    const store: Record<string, PdfkitRun> = Object.create(null) as Record<string, PdfkitRun>
    const scale = 1000 / shaperOf(name).unitsPerEm
    cache = new Proxy(store, {
      get(target, key) {
        if (typeof key !== 'string') return undefined
        let run = target[key]
        if (!run) {
          const trailing = /[ \t]$/.test(key) ? key.slice(-1) : ''
          const parts = [shape(trailing ? key.slice(0, -1) : key, name), ...(trailing ? [shape(trailing, name)] : [])]
          const glyphs = parts.flatMap((part) => [...part.glyphs])
          const positions = parts.flatMap((part) =>
            part.positions.map((position, index) => ({
              xAdvance: position.xAdvance * scale,
              yAdvance: position.yAdvance * scale,
              xOffset: position.xOffset * scale,
              yOffset: position.yOffset * scale,
              advanceWidth: part.glyphs[index]!.advanceWidth * scale,
            })),
          )
          run = { glyphs, positions, advanceWidth: positions.reduce((sum, position) => sum + position.xAdvance, 0) }
          target[key] = run
        }
        return run
      },
    })
    pdfkitCaches.set(name, cache)
  }
  return cache
}
