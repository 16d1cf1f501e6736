/**
 * Metric tables: what fontkit's default shaping does to a face's text, read once from its OpenType
 * tables (at build time, `src/bin/metrics.ts`) and kept as plain data, so that measuring and setting a
 * word is table lookups rather than a run of fontkit's GSUB/GPOS engine.
 *
 * The tables model exactly the lookups ordinary text meets: single and ligature substitution (`locl`,
 * `ccmp`, `liga`) and pair kerning (`kern`), in fontkit's order for each script. Every other lookup the
 * default features would apply (contextual substitution and positioning, mark attachment…) becomes a
 * guard: the sets of glyphs it needs before it could fire. A word that meets a guard, or holds a mark,
 * a character outside the tables, a variation selector, a default-ignorable or a fraction slash, is
 * shaped by fontkit instead (see `shaper.ts`). Anything the model cannot express fails the build here
 * rather than measuring wrongly.
 */
import type * as fontkit from 'fontkit'

export interface FaceMetrics {
  readonly format: typeof metricsFormat
  readonly unitsPerEm: number
  /** Byte length of the font file the tables were read from: a changed font makes them stale. */
  readonly fileSize: number
  /** The name pdfkit embeds the face under (from the `name` table). */
  readonly postscriptName: string
  /** Every character the face has a glyph for, as flattened [first, last] code point ranges. */
  readonly coverage: readonly number[]
  /** Code point and glyph id pairs, flattened, for every character the tables can set. */
  readonly cmap: readonly number[]
  /** Advance width of every glyph, by glyph id, in font units. */
  readonly advances: readonly number[]
  /** Glyphs GDEF classes as marks (only those the tables can reach). */
  readonly marks: readonly number[]
  /**
   * Characters that decide fontkit's script for a string (the first one that is not Common, Inherited
   * or Unknown), by the script tag fontkit gives them: flattened [first, last] code point ranges.
   */
  readonly scripts: Readonly<Record<string, readonly number[]>>
  /** Indexes into `lookups`, in the order fontkit applies them, by script tag (`zzzz`: no deciding character). */
  readonly plans: Readonly<Record<string, { readonly gsub: readonly number[]; readonly gpos: readonly number[] }>>
  readonly lookups: readonly Lookup[]
}

export type Lookup =
  /** `from, to` glyph pairs, flattened. */
  | { readonly kind: 'single'; readonly map: readonly number[] }
  /** By first glyph: the ligatures in the font's order, each `[ligature, ...the components after the first]`. */
  | { readonly kind: 'ligature'; readonly sets: readonly (readonly [number, readonly (readonly number[])[]])[] }
  /** Kerning: the first subtable that covers the left glyph decides (fontkit's rule). */
  | { readonly kind: 'pair'; readonly subtables: readonly PairTable[] }
  /** Rules of glyph sets: the lookup could fire only if every set of some rule meets the run. */
  | { readonly kind: 'guard'; readonly rules: readonly (readonly (readonly number[])[])[] }

export type PairTable =
  /** By left glyph: `[right, xAdvance, right, xAdvance…]`. A left glyph without its right one falls through. */
  | { readonly coverage: readonly number[]; readonly pairs: readonly (readonly [number, readonly number[]])[] }
  /**
   * Class kerning: `glyph, class` pairs for each side (absent = class 0), and by left class its
   * non-zero values as `[class2, xAdvance, class2, xAdvance…]`.
   */
  | {
      readonly coverage: readonly number[]
      readonly class1: readonly number[]
      readonly class2: readonly number[]
      readonly rows: readonly (readonly [number, readonly number[]])[]
    }

/** Bumped whenever the shape of the tables changes, so stale files are ignored rather than misread. */
export const metricsFormat = 3

/** The features fontkit's default shaper applies to every glyph, and those it applies only around U+2044. */
const localFeatures = new Set(['frac', 'numr', 'dnom'])
/** Scripts fontkit shapes with its default shaper (anything else is left to fontkit itself). */
const defaultShaperScripts = new Set(['latn', 'cyrl', 'grek', 'zzzz'])
/** Characters fontkit treats specially: the fraction slash switches on local features. */
const fractionSlash = 0x2044

// ── fontkit's parsed tables (restructure objects), as far as we read them ─────────────────────────

interface Coverage {
  readonly version: number
  readonly glyphs?: readonly number[]
  readonly rangeRecords?: readonly { start: number; end: number }[]
}
interface ClassDef {
  readonly version: number
  readonly startGlyph?: number
  readonly classValueArray?: readonly number[]
  readonly classRangeRecord?: readonly { start: number; end: number; class: number }[]
}
interface Indexed<T> {
  get(index: number): T
  readonly length: number
}
interface ValueRecord {
  readonly xAdvance?: number | null
  readonly yAdvance?: number | null
  readonly xPlacement?: number | null
  readonly yPlacement?: number | null
  readonly xPlaDevice?: unknown
  readonly yPlaDevice?: unknown
  readonly xAdvDevice?: unknown
  readonly yAdvDevice?: unknown
}
/** Any subtable: the fields of every lookup type we read, all optional. */
interface SubTable {
  readonly version?: number
  readonly lookupType?: number
  readonly extension?: SubTable
  readonly coverage?: Coverage
  readonly deltaGlyphID?: number
  readonly substitute?: Indexed<number>
  readonly ligatureSets?: Indexed<readonly { glyph: number; components: readonly number[] }[]>
  readonly pairSets?: Indexed<Iterable<{ secondGlyph: number; value1: ValueRecord; value2: ValueRecord }>>
  readonly classDef1?: ClassDef
  readonly classDef2?: ClassDef
  readonly class1Count?: number
  readonly class2Count?: number
  readonly classRecords?: Indexed<Indexed<{ value1: ValueRecord; value2: ValueRecord }>>
  readonly coverages?: readonly Coverage[]
  readonly backtrackCoverage?: readonly Coverage[]
  readonly inputCoverage?: readonly Coverage[]
  readonly lookaheadCoverage?: readonly Coverage[]
  readonly markCoverage?: Coverage
  readonly mark1Coverage?: Coverage
}
interface LookupTable {
  readonly lookupType: number
  readonly flags: {
    readonly markAttachmentType: number
    readonly flags: { readonly ignoreBaseGlyphs: boolean; readonly ignoreLigatures: boolean; readonly ignoreMarks: boolean; readonly useMarkFilteringSet: boolean; readonly rightToLeft: boolean }
  }
  readonly subTables: readonly SubTable[]
}
interface LangSys {
  readonly featureIndexes: readonly number[]
}
interface LayoutTable {
  readonly scriptList: readonly { tag: string; script: { defaultLangSys: LangSys | null } }[]
  readonly featureList: readonly { tag: string; feature: { lookupListIndexes: readonly number[] } }[]
  readonly lookupList: Indexed<LookupTable>
  readonly featureVariations?: unknown
}
interface ParsedFont {
  readonly unitsPerEm: number
  readonly numGlyphs: number
  readonly postscriptName: string
  readonly characterSet: readonly number[]
  readonly GSUB?: LayoutTable
  readonly GPOS?: LayoutTable
  readonly GDEF?: { readonly glyphClassDef?: ClassDef }
  readonly kern?: unknown
  readonly _variationProcessor?: unknown
  readonly _layoutEngine: { isDefaultIgnorable(codePoint: number): boolean }
  glyphForCodePoint(codePoint: number): { id: number }
  hasGlyphForCodePoint(codePoint: number): boolean
  getGlyph(id: number): { advanceWidth: number }
  layout(text: string): { script: string | undefined; features: Record<string, boolean> }
}

// ── Extraction ────────────────────────────────────────────────────────────────────────────────────

function covered(coverage: Coverage | undefined): number[] {
  if (!coverage) return []
  if (coverage.version === 1) return [...(coverage.glyphs ?? [])]
  return (coverage.rangeRecords ?? []).flatMap(({ start, end }) => Array.from({ length: end - start + 1 }, (_, i) => start + i))
}

/** Glyph → class for every glyph a class definition names (the rest are class 0), as fontkit reads it. */
function classes(classDef: ClassDef | undefined): Map<number, number> {
  const out = new Map<number, number>()
  if (!classDef) return out
  if (classDef.version === 1) {
    classDef.classValueArray?.forEach((value, i) => out.set(classDef.startGlyph! + i, value))
  } else {
    // fontkit takes the first range that holds the glyph.
    for (const { start, end, class: value } of [...(classDef.classRangeRecord ?? [])].reverse()) for (let g = start; g <= end; g++) out.set(g, value)
  }
  return out
}

/** A kerning value: fontkit adds xAdvance to the left glyph; nothing else is modelled. */
function kernValue(value1: ValueRecord, value2: ValueRecord, where: string): number {
  const extra = [value1.yAdvance, value1.xPlacement, value1.yPlacement, value2.xAdvance, value2.yAdvance, value2.xPlacement, value2.yPlacement].some((v) => v != null && v !== 0)
  if (extra) throw new Error(`${where}: a pair adjustment moves more than the left glyph's advance; the metric tables cannot express it`)
  return value1.xAdvance ?? 0
}

function unwrap(lookup: LookupTable, sub: SubTable): { type: number; table: SubTable } {
  const extension = (lookup.lookupType === 7 || lookup.lookupType === 9) && sub.extension
  return extension ? { type: sub.lookupType!, table: extension } : { type: lookup.lookupType, table: sub }
}

/** The glyph sets a lookup we do not model needs before it could fire (one rule per subtable). */
function guardRules(table: 'GSUB' | 'GPOS', type: number, sub: SubTable): number[][][] {
  const contextual = (table === 'GSUB' && (type === 5 || type === 6)) || (table === 'GPOS' && (type === 7 || type === 8))
  if (contextual && sub.version === 3) {
    const sets = [...(sub.coverages ?? []), ...(sub.backtrackCoverage ?? []), ...(sub.inputCoverage ?? []), ...(sub.lookaheadCoverage ?? [])]
    return [sets.map(covered)]
  }
  const first = sub.markCoverage ?? sub.mark1Coverage ?? sub.coverage
  if (!first) throw new Error(`${table} lookup type ${type}: no coverage to guard it by`)
  return [[covered(first)]]
}

const scripts = new Map<number, string | undefined>()

/** fontkit's script for a lone character (the same in every face, so asked once per process). */
function scriptFor(font: ParsedFont, codePoint: number): string | undefined {
  if (!scripts.has(codePoint)) scripts.set(codePoint, font.layout(String.fromCodePoint(codePoint)).script)
  return scripts.get(codePoint)
}

/** The lookups fontkit would apply for a script, in order: each `[table, lookup index]`. */
function planOf(font: ParsedFont, table: 'GSUB' | 'GPOS', script: string, features: readonly string[]): number[] {
  const layout = font[table]
  if (!layout) return []
  const entry = layout.scriptList.find((s) => s.tag === script) ?? ['DFLT', 'dflt', 'latn'].map((tag) => layout.scriptList.find((s) => s.tag === tag)).find(Boolean)
  const langSys = entry?.script.defaultLangSys
  if (!langSys) return []
  // As fontkit's selectScript: a later record with the same tag replaces an earlier one.
  const byTag = new Map<string, readonly number[]>()
  for (const index of langSys.featureIndexes) {
    const record = layout.featureList[index]!
    byTag.set(record.tag, record.feature.lookupListIndexes)
  }
  const lookups: number[] = []
  for (const tag of features) if (!localFeatures.has(tag)) lookups.push(...(byTag.get(tag) ?? []))
  // A stable sort, as fontkit's: a lookup listed by two features runs twice.
  return lookups.sort((a, b) => a - b)
}

/** Reads the metric tables of a parsed face. Throws if the face needs shaping the tables cannot model. */
export function extractMetrics(parsed: fontkit.Font, fileSize: number): FaceMetrics {
  const font = parsed as unknown as ParsedFont
  if (font._variationProcessor || font.GSUB?.featureVariations || font.GPOS?.featureVariations) throw new Error('variable fonts are not modelled')
  if (font.kern && !font.GPOS) throw new Error('TrueType kern tables are not modelled')
  const engine = font._layoutEngine

  // Characters, each with fontkit's script for it.
  const cmap = new Map<number, number>()
  const scriptOf = new Map<number, string>()
  for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) {
    if (codePoint === fractionSlash || engine.isDefaultIgnorable(codePoint) || (codePoint >= 0xd800 && codePoint <= 0xdfff)) continue
    const id = font.glyphForCodePoint(codePoint).id
    if (id === 0) continue
    const script = scriptFor(font, codePoint)
    // `zzzz`: fontkit found no deciding character; `undefined`: it decided on a script it has no tag for.
    const tag = script === 'zzzz' ? undefined : (script ?? 'zzzz')
    if (tag !== undefined && !defaultShaperScripts.has(tag)) continue
    cmap.set(codePoint, id)
    if (tag !== undefined) scriptOf.set(codePoint, tag)
  }
  const scriptTags = ['zzzz', ...new Set(scriptOf.values())].filter((tag, i, all) => all.indexOf(tag) === i)

  // The features fontkit plans for each script (its default shaper adds the same ones to every run).
  const features = new Map(
    scriptTags.map((tag) => {
      const sample = tag === 'zzzz' ? '0' : String.fromCodePoint([...scriptOf].find(([, t]) => t === tag)![0])
      return [tag, Object.keys(font.layout(sample).features)] as const
    }),
  )

  const plans = new Map<string, { gsub: number[]; gpos: number[] }>()
  for (const tag of scriptTags) {
    plans.set(tag, { gsub: planOf(font, 'GSUB', tag, features.get(tag)!), gpos: planOf(font, 'GPOS', tag, features.get(tag)!) })
  }

  // Glyphs the modelled substitutions can reach from the characters (a fixed point over every plan).
  const reachable = new Set(cmap.values())
  const gsubIndexes = [...new Set([...plans.values()].flatMap((plan) => plan.gsub))]
  for (let grown = true; grown; ) {
    grown = false
    const add = (id: number) => {
      if (!reachable.has(id)) reachable.add(id), (grown = true)
    }
    for (const index of gsubIndexes) {
      const lookup = font.GSUB!.lookupList.get(index)
      for (const sub of lookup.subTables) {
        const { type, table } = unwrap(lookup, sub)
        const firsts = covered(table.coverage)
        if (type === 1) {
          firsts.forEach((id, i) => reachable.has(id) && add(table.version === 1 ? (id + table.deltaGlyphID!) & 0xffff : table.substitute!.get(i)))
        } else if (type === 4) {
          firsts.forEach((id, i) => {
            if (!reachable.has(id)) return
            for (const ligature of table.ligatureSets!.get(i)) if (ligature.components.every((c) => reachable.has(c))) add(ligature.glyph)
          })
        }
      }
    }
  }
  const within = (ids: readonly number[]) => ids.filter((id) => reachable.has(id))

  const lookups: Lookup[] = []
  const lookupIds = new Map<string, number>()
  const compile = (tableName: 'GSUB' | 'GPOS', index: number): number => {
    const key = `${tableName}:${index}`
    const known = lookupIds.get(key)
    if (known !== undefined) return known
    const lookup = font[tableName]!.lookupList.get(index)
    const where = `${tableName} lookup ${index}`
    // Mark filtering needs no model: a run with a mark in it is always left to fontkit.
    const { flags } = lookup.flags
    const types = new Set(lookup.subTables.map((sub) => unwrap(lookup, sub).type))
    const modelled = types.size === 1 && (tableName === 'GSUB' ? types.has(1) || types.has(4) : types.has(2))
    let compiled: Lookup
    if (modelled && (flags.ignoreBaseGlyphs || flags.ignoreLigatures || flags.rightToLeft)) {
      throw new Error(`${where}: skips base glyphs or ligatures; the metric tables cannot model it`)
    } else if (!modelled) {
      const rules = lookup.subTables.flatMap((sub) => {
        const { type, table } = unwrap(lookup, sub)
        return guardRules(tableName, type, table)
      })
      compiled = { kind: 'guard', rules: rules.map((rule) => rule.map(within)).filter((rule) => rule.every((set) => set.length > 0)) }
    } else if (types.has(1)) {
      // fontkit stops at the first subtable that covers the glyph.
      const map = new Map<number, number>()
      for (const sub of lookup.subTables) {
        const { table } = unwrap(lookup, sub)
        covered(table.coverage).forEach((id, i) => {
          if (reachable.has(id) && !map.has(id)) map.set(id, table.version === 1 ? (id + table.deltaGlyphID!) & 0xffff : table.substitute!.get(i))
        })
      }
      compiled = { kind: 'single', map: [...map].flat() }
    } else if (tableName === 'GSUB') {
      const sets = new Map<number, number[][]>()
      for (const sub of lookup.subTables) {
        const { table } = unwrap(lookup, sub)
        covered(table.coverage).forEach((id, i) => {
          if (!reachable.has(id)) return
          // When none of a subtable's ligatures matches, fontkit tries the next subtable: one list, in order.
          const ligatures = table.ligatureSets!.get(i).filter((l) => l.components.every((c) => reachable.has(c)))
          sets.set(id, [...(sets.get(id) ?? []), ...ligatures.map((l) => [l.glyph, ...l.components])])
        })
      }
      compiled = { kind: 'ligature', sets: [...sets] }
    } else {
      const subtables: PairTable[] = lookup.subTables.map((sub) => {
        const { table } = unwrap(lookup, sub)
        const coverage = covered(table.coverage)
        if (table.version === 1) {
          const pairs: [number, number[]][] = []
          coverage.forEach((id, i) => {
            if (!reachable.has(id)) return
            const row: number[] = []
            for (const pair of table.pairSets!.get(i)) {
              if (reachable.has(pair.secondGlyph)) row.push(pair.secondGlyph, kernValue(pair.value1, pair.value2, where))
            }
            pairs.push([id, row])
          })
          return { coverage: within(coverage), pairs }
        }
        const class1 = classes(table.classDef1)
        const class2 = classes(table.classDef2)
        const rows: [number, number[]][] = []
        for (let c1 = 0; c1 < table.class1Count!; c1++) {
          const record = table.classRecords!.get(c1)
          const row: number[] = []
          for (let c2 = 0; c2 < table.class2Count!; c2++) {
            const { value1, value2 } = record.get(c2)
            const x = kernValue(value1, value2, where)
            if (x !== 0) row.push(c2, x)
          }
          if (row.length) rows.push([c1, row])
        }
        const pick = (map: Map<number, number>) => [...map].filter(([id, c]) => c !== 0 && reachable.has(id)).sort(([a], [b]) => a - b).flat()
        return { coverage: within(coverage), class1: pick(class1), class2: pick(class2), rows }
      })
      compiled = { kind: 'pair', subtables }
    }
    lookups.push(compiled)
    lookupIds.set(key, lookups.length - 1)
    return lookups.length - 1
  }

  const gdef = classes(font.GDEF?.glyphClassDef)
  const ranges = (codePoints: number[]): number[] => {
    const out: number[] = []
    for (const cp of codePoints) {
      if (out.length && out.at(-1) === cp) continue
      if (out.length && out.at(-1) === cp - 1) out[out.length - 1] = cp
      else out.push(cp, cp)
    }
    return out
  }
  return {
    format: metricsFormat,
    fileSize,
    postscriptName: font.postscriptName,
    unitsPerEm: font.unitsPerEm,
    coverage: ranges([...font.characterSet].filter((cp) => font.hasGlyphForCodePoint(cp)).sort((a, b) => a - b)),
    cmap: [...cmap].flat(),
    advances: Array.from({ length: font.numGlyphs }, (_, id) => font.getGlyph(id).advanceWidth),
    marks: [...reachable].filter((id) => gdef.get(id) === 3).sort((a, b) => a - b),
    scripts: Object.fromEntries([...new Set(scriptOf.values())].map((tag) => [tag, ranges([...scriptOf].filter(([, t]) => t === tag).map(([cp]) => cp))])),
    plans: Object.fromEntries(
      [...plans].map(([tag, plan]) => [tag, { gsub: plan.gsub.map((i) => compile('GSUB', i)), gpos: plan.gpos.map((i) => compile('GPOS', i)) }]),
    ),
    lookups,
  }
}
