/**
 * The bundled fonts every output uses: Source Serif 4 for text and Source Sans 3 for headings, labels
 * and the accessible profile, as TTF files from npm (pdfkit embeds TTF; WOFF2 crashes its fontkit).
 * Both cover Latin and Cyrillic. Nothing here reads a system font.
 */
import { readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import type * as fontkit from 'fontkit'
import { deferUnusedDependencies } from './deferred.js'
import { extractMetrics, metricsFormat, type FaceMetrics } from './metrics.js'
import { Shaper } from './shaper.js'
import { shape } from './shaping.js'

const require = createRequire(import.meta.url)

export interface FaceInfo {
  /** Absolute path of the TTF file. */
  readonly file: string
  readonly family: string
  readonly weight: 400 | 600 | 700
  readonly style: 'normal' | 'italic'
}

const face = (pkg: string, name: string, family: string, weight: FaceInfo['weight'], style: FaceInfo['style']): FaceInfo => ({
  file: require.resolve(`@expo-google-fonts/${pkg}/${name}`),
  family,
  weight,
  style,
})

export const faces = {
  serif: face('source-serif-4', '400Regular/SourceSerif4_400Regular.ttf', 'Source Serif 4', 400, 'normal'),
  'serif-italic': face('source-serif-4', '400Regular_Italic/SourceSerif4_400Regular_Italic.ttf', 'Source Serif 4', 400, 'italic'),
  'serif-bold': face('source-serif-4', '700Bold/SourceSerif4_700Bold.ttf', 'Source Serif 4', 700, 'normal'),
  'serif-bold-italic': face('source-serif-4', '700Bold_Italic/SourceSerif4_700Bold_Italic.ttf', 'Source Serif 4', 700, 'italic'),
  sans: face('source-sans-3', '400Regular/SourceSans3_400Regular.ttf', 'Source Sans 3', 400, 'normal'),
  'sans-italic': face('source-sans-3', '400Regular_Italic/SourceSans3_400Regular_Italic.ttf', 'Source Sans 3', 400, 'italic'),
  'sans-semibold': face('source-sans-3', '600SemiBold/SourceSans3_600SemiBold.ttf', 'Source Sans 3', 600, 'normal'),
  'sans-bold': face('source-sans-3', '700Bold/SourceSans3_700Bold.ttf', 'Source Sans 3', 700, 'normal'),
  'sans-bold-italic': face('source-sans-3', '700Bold_Italic/SourceSans3_700Bold_Italic.ttf', 'Source Sans 3', 700, 'italic'),
} as const satisfies Record<string, FaceInfo>

export type FaceName = keyof typeof faces
export const faceNames = Object.keys(faces) as FaceName[]

const loaded = new Map<string, fontkit.Font>()

function parse(name: FaceName, purpose: string): fontkit.Font {
  const key = `${purpose}:${name}`
  let font = loaded.get(key)
  if (!font) {
    // Loaded on first use: measuring from the tables needs no fontkit, and a process that only measures never loads it.
    deferUnusedDependencies()
    const { openSync } = require('fontkit') as typeof fontkit
    font = openSync(faces[name].file) as fontkit.Font
    loaded.set(key, font)
  }
  return font
}

/**
 * The parsed font (cached): its tables and outlines. Measuring and glyph coverage come from the metric
 * tables (`shaperOf`), which cost no parsing.
 */
export function loadFace(name: FaceName): fontkit.Font {
  return parse(name, 'tables')
}

/**
 * A parsed font used for nothing but fontkit's shaping (the rare word the metric tables leave to it, and
 * OpenType features). fontkit caches glyph objects with the code points they were first made with: a
 * glyph first made by reading the tables or subsetting has none, and a layout returning it would lose
 * its characters from a PDF's text. This font's glyphs are only ever made by shaping text.
 */
export function layoutFace(name: FaceName): fontkit.Font {
  return parse(name, 'layout')
}

/** Where the build writes a face's metric tables (`src/bin/metrics.ts`): dist/metrics/<face>.json. */
export function metricsFile(name: FaceName): URL {
  return new URL(`../../dist/metrics/${name}.json`, import.meta.url)
}

/** The face's metric tables: as built, or read from the font here if the build's are missing or stale. */
function metricsOf(name: FaceName): FaceMetrics {
  const size = statSync(faces[name].file).size
  // Beside this module when it runs from dist/ or src/; through the package's exports when bundled elsewhere.
  const candidates = [() => metricsFile(name), () => require.resolve(`@lectern/typeset/metrics/${name}.json`)]
  for (const candidate of candidates) {
    try {
      const metrics = JSON.parse(readFileSync(candidate(), 'utf8')) as FaceMetrics
      if (metrics.format === metricsFormat && metrics.fileSize === size) return metrics
    } catch {
      // Not built (a test run straight from src/), or not reachable from here: try the next one.
    }
  }
  return extractMetrics(loadFace(name), size)
}

interface Loaded {
  readonly shaper: Shaper
  readonly unitsPerEm: number
  readonly postscriptName: string
  readonly coverage: ReadonlySet<number>
  readonly ranges: readonly number[]
}

const shapers = new Map<FaceName, Loaded>()

/** The face's fast shaper and what the tables say about it, loaded once per process on first use. */
export function shaperOf(name: FaceName): Loaded {
  let entry = shapers.get(name)
  if (!entry) {
    const metrics = metricsOf(name)
    const ranges = metrics.coverage
    let coverage: Set<number> | undefined
    entry = {
      shaper: new Shaper(metrics),
      unitsPerEm: metrics.unitsPerEm,
      postscriptName: metrics.postscriptName,
      // Built on the first glyph check: most text is checked whole, against `ranges` (see glyphs.ts).
      get coverage() {
        if (!coverage) {
          coverage = new Set<number>()
          for (let i = 0; i < ranges.length; i += 2) for (let cp = ranges[i]!; cp <= ranges[i + 1]!; cp++) coverage.add(cp)
        }
        return coverage
      },
      ranges,
    }
    shapers.set(name, entry)
  }
  return entry
}

/**
 * Widths in font units, by face (and features) and then text: a paragraph re-measures the same words
 * and spaces many times. Font units are whole numbers, which V8 keeps without allocating.
 */
const widths = new Map<string, Map<string, number>>()

/**
 * Width of `text` in points at `size`, with the font's kerning (and any OpenType `features`, such as
 * `sups`), as pdfkit will set it. Cached per face, features and text.
 */
export function widthOf(text: string, name: FaceName, size: number, features?: readonly string[]): number {
  const key = features?.length ? `${name}\u0000${features.join(',')}` : name
  let byText = widths.get(key)
  if (!byText) widths.set(key, (byText = new Map()))
  let units = byText.get(text)
  if (units === undefined) {
    units = features?.length
      ? layoutFace(name).layout(text, [...features]).advanceWidth
      : // The tables' width alone (no glyph objects); what they cannot set, fontkit shapes.
        (shaperOf(name).shaper.width(text) ?? shape(text, name).advanceWidth)
    byText.set(text, units)
  }
  return (units / shaperOf(name).unitsPerEm) * size
}

/** The code points the face has glyphs for, as flattened [first, last] ranges. */
export function coverageOf(name: FaceName): readonly number[] {
  return shaperOf(name).ranges
}

/** Whether the face can draw this character (white space and controls always can). */
export function hasGlyph(name: FaceName, char: string): boolean {
  const code = char.codePointAt(0)!
  return code < 0x20 || shaperOf(name).coverage.has(code) || /\s/u.test(char)
}

const companions: Record<FaceName, FaceName> = {
  serif: 'sans',
  'serif-italic': 'sans-italic',
  'serif-bold': 'sans-bold',
  'serif-bold-italic': 'sans-bold-italic',
  sans: 'serif',
  'sans-italic': 'serif-italic',
  'sans-semibold': 'serif-bold',
  'sans-bold': 'serif-bold',
  'sans-bold-italic': 'serif-bold-italic',
}

/** The face of the other family with the nearest weight and style: where a missing character is looked for next. */
export function companionOf(name: FaceName): FaceName {
  return companions[name]
}

/** Characters of `text` that no bundled face can draw (shown as a warning, never as a blank box). */
export function missingGlyphs(text: string, names: readonly FaceName[] = ['serif', 'sans']): string[] {
  const missing = new Set<string>()
  for (const char of new Set(text)) {
    const code = char.codePointAt(0)!
    if (code < 0x20 || /\s/u.test(char)) continue
    if (!names.some((name) => shaperOf(name).coverage.has(code))) missing.add(char)
  }
  return [...missing]
}
