/**
 * The faces as pdfkit embeds them. pdfkit (0.20) accepts an already-parsed fontkit font for a
 * registered face; each face is parsed once per process with fontkit's public `create`, and given to
 * pdfkit as a font whose `layout` is answered by HarfBuzz (`shaping.ts`), the engine the line breaker
 * measured with, so what is drawn is exactly what was measured and pdfkit's fontkit never shapes the
 * essay again for every document. Everything else pdfkit asks of the font (metrics, the subset it
 * embeds per document) is fontkit's own. Glyphs come back as plain objects with their characters:
 * fontkit's glyph cache, which subsetting fills with glyphs that have none, never reaches a PDF's text.
 */
import { createRequire } from 'node:module'
import type * as Fontkit from 'fontkit'
import { fontFile, type AnyFace } from './fonts.js'
import { shape } from './shaping.js'

const require = createRequire(import.meta.url)

/** What pdfkit's EmbeddedFont asks a font to lay out: fontkit's `layout(text, features)`. */
type Layout = (text: string, features?: readonly string[] | Record<string, boolean>) => unknown

/** fontkit takes features as a list of tags or as an object of flags; HarfBuzz as a list. */
function featureList(features: readonly string[] | Record<string, boolean> | undefined): readonly string[] | undefined {
  if (!features || Array.isArray(features)) return features as readonly string[] | undefined
  const flags = features as Record<string, boolean>
  return Object.keys(flags).filter((tag) => flags[tag])
}

const fonts = new Map<AnyFace, Fontkit.Font>()

export function embeddingFont(name: AnyFace): Fontkit.Font {
  let font = fonts.get(name)
  if (!font) {
    // pdfkit's own fontkit (loaded with the first document): the same module pdfkit would parse it with.
    const fontkit = require('fontkit') as typeof Fontkit
    const parsed = fontkit.create(fontFile(name)) as Fontkit.Font
    const layout: Layout = (text, features) => {
      const run = shape(text, name, featureList(features))
      // pdfkit scales the positions it is given in place (every own key, then sets advanceWidth): each
      // call gets its own copies, built as literals with every key pdfkit will touch, since objects made
      // by spreading made pdfkit's loop over their keys five times slower.
      const positions = run.positions.map((position, index) => ({
        xAdvance: position.xAdvance,
        yAdvance: position.yAdvance,
        xOffset: position.xOffset,
        yOffset: position.yOffset,
        advanceWidth: run.glyphs[index]!.advanceWidth,
      }))
      return { glyphs: run.glyphs, positions, advanceWidth: run.advanceWidth }
    }
    font = Object.create(parsed, { layout: { value: layout } }) as Fontkit.Font
    fonts.set(name, font)
  }
  return font
}
