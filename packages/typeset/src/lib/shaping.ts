/**
 * Shaping, done once: every word is shaped a single time per face, from the metric tables (`shaper.ts`)
 * or, for the rare word they do not model, by fontkit; the same glyphs serve both measuring (the line
 * breaker's widths) and drawing (pdfkit's text), so what is drawn is exactly what was measured, and a
 * handout does not shape its words twice.
 */
import { layoutFace, shaperOf, type FaceName } from './fonts.js'
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

function shapeWithFontkit(text: string, name: FaceName, features?: readonly string[]): ShapedRun {
  const layout = features?.length ? layoutFace(name).layout(text, [...features]) : layoutFace(name).layout(text)
  return {
    // Plain copies: pdfkit reads only these three fields, and fontkit's glyph objects are shared and mutable.
    glyphs: layout.glyphs.map(({ id, codePoints, advanceWidth }) => ({ id, codePoints: [...codePoints], advanceWidth })),
    positions: layout.positions.map(({ xAdvance, yAdvance, xOffset, yOffset }) => ({ xAdvance, yAdvance, xOffset, yOffset })),
    advanceWidth: layout.advanceWidth,
  }
}

/** A run as pdfkit's EmbeddedFont lays one out: positions in thousandths of an em. */
interface PdfkitRun {
  glyphs: ShapedGlyph[]
  positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }>
  advanceWidth: number
}

const pdfkitRuns = new Map<string, Map<string, PdfkitRun>>()

/**
 * What pdfkit's EmbeddedFont would lay out for `text` (a word with its trailing space, as pdfkit splits
 * text), answered from `shape`, so pdfkit never shapes text itself and every document built in the
 * process shares the work. pdfkit reads only the glyphs' ids, widths and code points, and never changes
 * a run; its own parsed font is left to embed the subset.
 */
export function pdfkitRun(name: FaceName, text: string, features?: readonly string[]): PdfkitRun {
  const key = features?.length ? `${name}\u0000${features.join(',')}` : name
  let runs = pdfkitRuns.get(key)
  if (!runs) pdfkitRuns.set(key, (runs = new Map()))
  let run = runs.get(text)
  if (!run) {
    const scale = 1000 / shaperOf(name).unitsPerEm
    const last = text.at(-1)
    const trailing = !features?.length && (last === ' ' || last === '\t')
    // With features, pdfkit lays out the whole text at once, spaces and all; so does fontkit here.
    const parts = features?.length ? [shapeWithFontkit(text, name, features)] : trailing ? [shape(text.slice(0, -1), name), shape(last, name)] : [shape(text, name)]
    const glyphs: ShapedGlyph[] = []
    const positions: PdfkitRun['positions'] = []
    let advanceWidth = 0
    for (const part of parts) {
      part.glyphs.forEach((glyph, index) => {
        const position = part.positions[index]!
        glyphs.push(glyph)
        positions.push({
          xAdvance: position.xAdvance * scale,
          yAdvance: position.yAdvance * scale,
          xOffset: position.xOffset * scale,
          yOffset: position.yOffset * scale,
          advanceWidth: glyph.advanceWidth * scale,
        })
        advanceWidth += position.xAdvance * scale
      })
    }
    run = { glyphs, positions, advanceWidth }
    runs.set(text, run)
  }
  return run
}
