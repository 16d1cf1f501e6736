/**
 * The bundled fonts as CSS: the TTFs of @lectern/typeset embedded as base64 `@font-face` rules, so the
 * deck shows (and `fit` measures) the same glyphs on every machine and fetches nothing.
 */
import { readFileSync } from 'node:fs'
import { faces, type FaceName } from '@lectern/typeset'

/** The family names the theme uses; our own names, so a system copy of Source Sans never stands in. */
export const families = { sans: 'Lectern Sans', serif: 'Lectern Serif' } as const

const cache = new Map<FaceName, string>()

function base64Of(face: FaceName): string {
  let data = cache.get(face)
  if (data === undefined) {
    data = readFileSync(faces[face].file).toString('base64')
    cache.set(face, data)
  }
  return data
}

/** `@font-face` rules for the given faces only: a deck embeds just the faces its slides use. */
export function fontFaceCss(used: Iterable<FaceName>): string {
  return [...new Set(used)]
    .sort()
    .map((name) => {
      const face = faces[name]
      const family = face.family.startsWith('Source Serif') ? families.serif : families.sans
      return `@font-face{font-family:'${family}';font-style:${face.style};font-weight:${face.weight};font-display:block;src:url(data:font/ttf;base64,${base64Of(name)}) format('truetype')}`
    })
    .join('\n')
}
