/**
 * Measuring text: HarfBuzz (harfbuzzjs, its WebAssembly build) shapes each word with the font's
 * default OpenType features (ligatures, kerning), as fontkit does when pdfkit draws it, so the line
 * breaker's widths are the widths on the page (a test holds the two engines to the same advances over
 * a frozen corpus). Each face is parsed once per process; widths are cached per face and text.
 * Glyph coverage (which characters a face can draw) comes from the same parsed faces.
 */
import * as hb from 'harfbuzzjs'
import { fontFile, type AnyFace } from './fonts.js'

interface Shaper {
  readonly font: hb.Font
  readonly unitsPerEm: number
  readonly coverage: ReadonlySet<number>
}

const shapers = new Map<AnyFace, Shaper>()

function shaperOf(name: AnyFace): Shaper {
  let shaper = shapers.get(name)
  if (!shaper) {
    const face = new hb.Face(new hb.Blob(fontFile(name)))
    shaper = { font: new hb.Font(face), unitsPerEm: face.upem, coverage: new Set(face.collectUnicodes()) }
    shapers.set(name, shaper)
  }
  return shaper
}

/** One buffer, emptied before each word: shaping allocates nothing on the JavaScript side but positions. */
let buffer: hb.Buffer | undefined
const featureSets = new Map<string, hb.Feature[]>()

/** The advance of `text` in font units, with the face's default features and any `features` added. */
export function advanceOf(text: string, name: AnyFace, features?: readonly string[]): number {
  if (!text) return 0
  buffer ??= new hb.Buffer()
  buffer.clearContents()
  buffer.addText(text)
  buffer.guessSegmentProperties()
  hb.shape(shaperOf(name).font, buffer, featuresOf(features))
  let advance = 0
  for (const position of buffer.getGlyphPositions()) advance += position.xAdvance
  return advance
}

/** A glyph as pdfkit reads one: its id, nominal advance (font units) and the characters it stands for. */
export interface ShapedGlyph {
  readonly id: number
  readonly codePoints: readonly number[]
  readonly advanceWidth: number
}

export interface GlyphPosition {
  readonly xAdvance: number
  readonly yAdvance: number
  readonly xOffset: number
  readonly yOffset: number
}

/** A shaped run in font units, in the shape of fontkit's GlyphRun (what pdfkit draws from). */
export interface ShapedRun {
  readonly glyphs: readonly ShapedGlyph[]
  readonly positions: readonly GlyphPosition[]
  readonly advanceWidth: number
}

/** Runs by face (and features), then text: no key is built per call, as pdfkit asks for every word of every document. */
const runs = new Map<string, Map<string, ShapedRun>>()

/**
 * The glyphs and positions of `text`, cached per face, features and text. Each glyph's characters come
 * from its cluster (a ligature stands for all of its letters), for the PDF's ToUnicode map: copied or
 * spoken text keeps every character.
 */
export function shape(text: string, name: AnyFace, features?: readonly string[]): ShapedRun {
  const key = features?.length ? `${name}\u0000${features.join(',')}` : name
  let byText = runs.get(key)
  if (!byText) runs.set(key, (byText = new Map()))
  let run = byText.get(text)
  if (run) return run
  const { font } = shaperOf(name)
  buffer ??= new hb.Buffer()
  buffer.clearContents()
  buffer.addText(text)
  buffer.guessSegmentProperties()
  hb.shape(font, buffer, featuresOf(features))
  const infos = buffer.getGlyphInfos()
  const places = buffer.getGlyphPositions()
  // Clusters are UTF-16 offsets, rising through the run (left-to-right text).
  const ends = infos.map((info, index) => {
    for (let next = index + 1; next < infos.length; next++) if (infos[next]!.cluster > info.cluster) return infos[next]!.cluster
    return text.length
  })
  const glyphs: ShapedGlyph[] = []
  const positions: GlyphPosition[] = []
  let advanceWidth = 0
  infos.forEach((info, index) => {
    const first = index === 0 || infos[index - 1]!.cluster !== info.cluster
    const codePoints = first ? [...text.slice(info.cluster, ends[index])].map((char) => char.codePointAt(0)!) : []
    glyphs.push({ id: info.codepoint, codePoints, advanceWidth: font.glyphHAdvance(info.codepoint) })
    const { xAdvance, yAdvance, xOffset, yOffset } = places[index]!
    positions.push({ xAdvance, yAdvance, xOffset, yOffset })
    advanceWidth += xAdvance
  })
  run = { glyphs, positions, advanceWidth }
  byText.set(text, run)
  return run
}

function featuresOf(features: readonly string[] | undefined): hb.Feature[] | undefined {
  if (!features?.length) return undefined
  const key = features.join(',')
  let extra = featureSets.get(key)
  if (!extra) featureSets.set(key, (extra = features.map((tag) => new hb.Feature(tag))))
  return extra
}

/** The face's units per em. */
export function unitsPerEm(name: AnyFace): number {
  return shaperOf(name).unitsPerEm
}

/** Widths in font units, by face (and features) and then text: a paragraph re-measures the same words many times. */
const widths = new Map<string, Map<string, number>>()

/**
 * Width of `text` in points at `size`, with the font's kerning and ligatures (and any OpenType
 * `features`, such as `sups`), as pdfkit will set it. Cached per face, features and text.
 */
export function widthOf(text: string, name: AnyFace, size: number, features?: readonly string[]): number {
  const key = features?.length ? `${name}\u0000${features.join(',')}` : name
  let byText = widths.get(key)
  if (!byText) widths.set(key, (byText = new Map()))
  let units = byText.get(text)
  if (units === undefined) byText.set(text, (units = advanceOf(text, name, features)))
  return (units / shaperOf(name).unitsPerEm) * size
}

/** Whether the face has a glyph for this code point. */
export function covers(name: AnyFace, codePoint: number): boolean {
  return shaperOf(name).coverage.has(codePoint)
}

/** White space and controls need no glyph: they are always drawable. */
export function needsNoGlyph(codePoint: number, char: string): boolean {
  return codePoint < 0x20 || /\s/u.test(char)
}

/** Whether the face can draw this character (white space and controls always can). */
export function hasGlyph(name: AnyFace, char: string): boolean {
  const code = char.codePointAt(0)!
  return needsNoGlyph(code, char) || covers(name, code)
}

/**
 * Characters of `text` that none of `names` can draw, once each in order of appearance: by default
 * the two text families, which is what a reader of the slides (set in them) would miss.
 */
export function missingGlyphs(text: string, names: readonly AnyFace[] = ['serif', 'sans']): string[] {
  const missing = new Set<string>()
  for (const char of new Set(text)) {
    const code = char.codePointAt(0)!
    if (needsNoGlyph(code, char) || isDefaultIgnorable(code)) continue
    if (!names.some((name) => covers(name, code))) missing.add(char)
  }
  return [...missing]
}

/**
 * Characters that are never drawn on their own: variation selectors (the U+FE0F after 🕯), joiners
 * and other format controls. A missing one is no loss; it is dropped, not reported.
 */
export function isDefaultIgnorable(codePoint: number): boolean {
  return (
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0xe0100 && codePoint <= 0xe01ef) ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x2060 && codePoint <= 0x2064) ||
    codePoint === 0xad ||
    codePoint === 0x34f ||
    codePoint === 0xfeff
  )
}
