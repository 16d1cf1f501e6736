/**
 * The bundled fonts as CSS: the TTFs of @lectern/typeset embedded as base64 `@font-face` rules, so the
 * deck shows (and `fit` measures) the same glyphs on every machine and fetches nothing.
 *
 * Most decks are written in a few hundred characters, so the build cuts each face once to that
 * repertoire (Latin, its punctuation and symbols) as WOFF2 (`src/bin/assets.ts`): a compile embeds those
 * as they are, at no cost, and they are smaller than a TrueType cut to the deck's own characters. A deck
 * with a character beyond them that a face can draw (Cyrillic, Greek…) gets that face cut to its own
 * characters at compile time instead, with subset-font (HarfBuzz), as TrueType (WOFF2's compression
 * costs a second). Subsetting keeps each glyph's advance and the kerning, so the widths `fit` measured
 * on the whole font still hold.
 */
import { readFileSync, statSync } from 'node:fs'
import { faces, hasGlyph, type FaceName } from '@lectern/typeset'
import { keyOf, readAsset, readStamped } from '../assets.js'

/** The family names the theme uses; our own names, so a system copy of Source Sans never stands in. */
export const families = { sans: 'Lectern Sans', serif: 'Lectern Serif' } as const

/** Code point ranges of the prebuilt subsets: Basic Latin, Latin-1, Latin Extended-A, Romanian's comma letters, punctuation, common symbols. */
const ranges: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x218, 0x21b],
  [0x2000, 0x206f],
  [0x20ac, 0x20ac],
  [0x2116, 0x2116],
  [0x2122, 0x2122],
  [0x2190, 0x2195],
  [0x2212, 0x2212],
  [0x2248, 0x2248],
  [0x2260, 0x2265],
]

/** The prebuilt subsets' characters, as text for the subsetter. */
export const repertoire = ranges.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, i) => String.fromCodePoint(first + i))).join('')

function inRepertoire(code: number): boolean {
  return code < 0x20 || ranges.some(([first, last]) => code >= first && code <= last)
}

/** Characters the theme itself sets: page numbers "n / N", ellipses, quotation marks, "(cont.)". */
const themeCharacters = '0123456789 /…“”‘’—–-().,:;!?\'"'

/** What a prebuilt subset is made from: the repertoire and the font file (its size, as typeset stamps its tables). */
export function fontKey(name: FaceName): string {
  return keyOf('font', name, repertoire, statSync(faces[name].file).size)
}

export const fontAsset = (name: FaceName) => `fonts/${name}.json`

const prebuilt = new Map<FaceName, Promise<string>>()

/**
 * The face cut to the repertoire as WOFF2, base64: as the build made it from this font, or (not built,
 * or stale) made now, which takes a second, so that a deck's bytes never depend on the build's state.
 */
function prebuiltFont(name: FaceName): Promise<string> {
  let data = prebuilt.get(name)
  if (data === undefined) {
    const built = readStamped<string>(fontAsset(name), fontKey(name))
    data = built !== undefined ? Promise.resolve(built) : subsetFace(name, repertoire, 'woff2').then((font) => font.toString('base64'))
    prebuilt.set(name, data)
    data.catch(() => prebuilt.delete(name))
  }
  return data
}

/** The face cut to `characters`, in the given format (the build's WOFF2, a compile's TrueType). */
export async function subsetFace(name: FaceName, characters: string, format: 'woff2' | 'truetype'): Promise<Buffer> {
  // Loaded on first use: most decks never need the subsetter (and its WebAssembly) at all.
  const { default: subsetFont } = await import('subset-font')
  return subsetFont(readFileSync(faces[name].file), characters, { targetFormat: format })
}

function rule(name: FaceName, base64: string, format: 'woff2' | 'truetype'): string {
  const face = faces[name]
  const family = face.family.startsWith('Source Serif') ? families.serif : families.sans
  const mime = format === 'woff2' ? 'font/woff2' : 'font/ttf'
  return `@font-face{font-family:'${family}';font-style:${face.style};font-weight:${face.weight};font-display:block;src:url(data:${mime};base64,${base64}) format('${format}')}`
}

/**
 * `@font-face` rules for the given faces only (a deck embeds just the faces its slides use), each able
 * to draw every character of `text`.
 */
export async function fontFaceCss(used: Iterable<FaceName>, text: string): Promise<string> {
  const characters = [...new Set(text + themeCharacters)].sort()
  // Usually none: only characters outside the repertoire are looked up in the fonts at all.
  const beyond = characters.filter((char) => !inRepertoire(char.codePointAt(0)!))
  const rules: string[] = []
  for (const name of [...new Set(used)].sort()) {
    if (beyond.some((char) => hasGlyph(name, char))) rules.push(rule(name, (await subsetFace(name, characters.join(''), 'truetype')).toString('base64'), 'truetype'))
    else rules.push(rule(name, await prebuiltFont(name), 'woff2'))
  }
  return rules.join('\n')
}
