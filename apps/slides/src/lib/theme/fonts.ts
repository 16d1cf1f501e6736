/**
 * The bundled fonts as CSS: the TTFs of @lectern/typeset, cut down by subset-font (HarfBuzz) to the
 * characters the deck uses and embedded as base64 `@font-face` rules, so the deck shows (and `fit`
 * measures) the same glyphs on every machine and fetches nothing. Subsetting keeps each glyph's
 * advance and the kerning, so the widths `fit` measured on the whole font still hold.
 */
import { readFileSync } from 'node:fs'
import { faces, type FaceName } from '@lectern/typeset'
import subsetFont from 'subset-font'

/** The family names the theme uses; our own names, so a system copy of Source Sans never stands in. */
export const families = { sans: 'Lectern Sans', serif: 'Lectern Serif' } as const

const files = new Map<FaceName, Buffer>()

function fontFile(face: FaceName): Buffer {
  let data = files.get(face)
  if (data === undefined) {
    data = readFileSync(faces[face].file)
    files.set(face, data)
  }
  return data
}

/** Characters the theme itself sets: page numbers "n / N", ellipses, quotation marks, "(cont.)". */
const themeCharacters = '0123456789 /…“”‘’—–-().,:;!?\'"'

/**
 * `@font-face` rules for the given faces only (a deck embeds just the faces its slides use), each cut
 * to the characters of `text`.
 */
export async function fontFaceCss(used: Iterable<FaceName>, text: string): Promise<string> {
  const characters = [...new Set(text + themeCharacters)].sort().join('')
  const rules: string[] = []
  for (const name of [...new Set(used)].sort()) {
    const face = faces[name]
    const family = face.family.startsWith('Source Serif') ? families.serif : families.sans
    const subset = await subsetFont(fontFile(name), characters, { targetFormat: 'truetype' })
    rules.push(
      `@font-face{font-family:'${family}';font-style:${face.style};font-weight:${face.weight};font-display:block;src:url(data:font/ttf;base64,${subset.toString('base64')}) format('truetype')}`,
    )
  }
  return rules.join('\n')
}
