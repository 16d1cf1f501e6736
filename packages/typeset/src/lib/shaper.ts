/**
 * The fast shaper: a word set from the metric tables (`metrics.ts`) with the same glyphs and advances
 * fontkit's default shaping gives it, in table lookups. It answers `undefined` whenever the word needs
 * something the tables do not model, and the caller asks fontkit.
 */
import type { FaceMetrics, Lookup, PairTable } from './metrics.js'

export interface ShapedGlyph {
  readonly id: number
  /** The characters the glyph stands for (several for a ligature): the PDF's text layer maps it back to them. */
  readonly codePoints: readonly number[]
  /** In font units. */
  readonly advanceWidth: number
}

export interface GlyphPosition {
  readonly xAdvance: number
  readonly yAdvance: number
  readonly xOffset: number
  readonly yOffset: number
}

export interface ShapedRun {
  readonly glyphs: readonly ShapedGlyph[]
  /** In font units. */
  readonly positions: readonly GlyphPosition[]
  readonly advanceWidth: number
}

type Compiled =
  | { readonly kind: 'single'; readonly map: ReadonlyMap<number, number>; bit: number }
  | { readonly kind: 'ligature'; readonly sets: ReadonlyMap<number, readonly (readonly number[])[]>; bit: number }
  | { readonly kind: 'pair'; readonly lookup: PairLookup }
  /** Its rules' glyph sets, made on the first run that could meet them. */
  | { readonly kind: 'guard'; readonly lookup: Lookup & { kind: 'guard' }; sets?: readonly (readonly ReadonlySet<number>[])[] }

/**
 * How one left glyph kerns, resolved from the lookup's subtables in fontkit's order: the pairs of the
 * pair tables before the first class table that covers the glyph, then that class table's row.
 */
interface Kerning {
  readonly pairs: ReadonlyMap<number, number>
  readonly row: { readonly values: ReadonlyMap<number, number>; readonly class2: Uint16Array } | undefined
}

const pairsOf = (flat: readonly number[]): Map<number, number> => {
  const map = new Map<number, number>()
  for (let i = 0; i < flat.length; i += 2) map.set(flat[i]!, flat[i + 1]!)
  return map
}

/** A class table, its maps built on first use. */
class ClassTable {
  #covers: Set<number> | undefined
  #class1: Map<number, number> | undefined
  #class2: Uint16Array | undefined
  readonly #rows = new Map<number, ReadonlyMap<number, number>>()
  constructor(
    readonly table: Extract<PairTable, { rows: unknown }>,
    readonly glyphCount: number,
  ) {}

  covers(left: number): boolean {
    return (this.#covers ??= new Set(this.table.coverage)).has(left)
  }

  rowOf(left: number): { readonly values: ReadonlyMap<number, number>; readonly class2: Uint16Array } {
    const { table } = this
    const c1 = (this.#class1 ??= pairsOf(table.class1)).get(left) ?? 0
    let values = this.#rows.get(c1)
    if (!values) this.#rows.set(c1, (values = pairsOf(table.rows.find(([c]) => c === c1)?.[1] ?? [])))
    if (!this.#class2) {
      this.#class2 = new Uint16Array(this.glyphCount)
      for (let i = 0; i < table.class2.length; i += 2) this.#class2[table.class2[i]!] = table.class2[i + 1]!
    }
    return { values, class2: this.#class2 }
  }
}

/**
 * A kerning lookup. Each left glyph is resolved the first time it is met: a fresh process meets a few
 * hundred of the face's glyphs, and need not build the rest.
 */
class PairLookup {
  readonly #tables: readonly ({ pairs: ReadonlyMap<number, readonly number[]> } | ClassTable)[]
  readonly #byLeft = new Map<number, Kerning | null>()

  constructor(tables: readonly PairTable[], glyphCount: number) {
    this.#tables = tables.map((table) => ('pairs' in table ? { pairs: new Map(table.pairs) } : new ClassTable(table, glyphCount)))
  }

  kerning(left: number): Kerning | undefined {
    let kerning = this.#byLeft.get(left)
    if (kerning === undefined) this.#byLeft.set(left, (kerning = this.#resolve(left)))
    return kerning ?? undefined
  }

  #resolve(left: number): Kerning | null {
    const pairs = new Map<number, number>()
    let found = false
    for (const table of this.#tables) {
      if (table instanceof ClassTable) {
        if (table.covers(left)) return { pairs, row: table.rowOf(left) }
        continue
      }
      const row = table.pairs.get(left)
      if (!row) continue
      found = true
      // The first table with the pair decides it.
      for (let i = 0; i < row.length; i += 2) if (!pairs.has(row[i]!)) pairs.set(row[i]!, row[i + 1]!)
    }
    return found ? { pairs, row: undefined } : null
  }
}

function compile(lookup: Lookup, glyphCount: number): Compiled {
  switch (lookup.kind) {
    case 'single':
      return { kind: 'single', map: pairsOf(lookup.map), bit: 0 }
    case 'ligature':
      return { kind: 'ligature', sets: new Map(lookup.sets), bit: 0 }
    case 'guard':
      return { kind: 'guard', lookup }
    case 'pair':
      return { kind: 'pair', lookup: new PairLookup(lookup.subtables, glyphCount) }
  }
}

/**
 * Flags per glyph, so that a word skips every lookup it cannot meet: a mark (never modelled), a glyph
 * of the rarest set of some guard's rule, and one bit per substitution lookup (up to 30 of them; any
 * beyond always run) for the glyphs it starts from and, for ligatures, the glyphs that complete them.
 */
const MARK = 1
const TRIGGER = 2
const firstLookupBit = 2
const lookupBits = 30

/** A word on its way through the lookups: glyph ids, and the code points each stands for. */
interface Run {
  readonly ids: number[]
  readonly codePoints: readonly number[]
  /** Where each glyph's code points start (one more entry than glyphs); absent while no ligature has formed. */
  starts: number[] | undefined
  readonly advances: number[]
}

/** Script tags by index in `Shaper.#scriptOf` (0: no deciding character). */
const noScript = 0

export class Shaper {
  /** Glyph id + 1 by BMP code point (0: not in the tables); characters beyond the BMP in a map. */
  readonly #bmp = new Uint16Array(0x10000)
  readonly #astral = new Map<number, number>()
  /** Index into `#scriptTags` by BMP code point, for the characters that decide a word's script. */
  readonly #scriptOf = new Uint8Array(0x10000)
  readonly #astralScripts = new Map<number, number>()
  readonly #scriptTags: string[] = ['zzzz']
  readonly #advances: readonly number[]
  /** MARK, TRIGGER and the lookups a glyph can start. */
  readonly #starts: Uint32Array
  /** The ligature lookups a glyph can complete. */
  readonly #completes: Uint32Array
  readonly #plans: ReadonlyMap<string, { gsub: readonly Compiled[]; gpos: readonly Compiled[] }>

  constructor(metrics: FaceMetrics) {
    for (let i = 0; i < metrics.cmap.length; i += 2) {
      const [codePoint, id] = [metrics.cmap[i]!, metrics.cmap[i + 1]!]
      if (codePoint < 0x10000) this.#bmp[codePoint] = id + 1
      else this.#astral.set(codePoint, id + 1)
    }
    this.#advances = metrics.advances
    const glyphCount = metrics.advances.length
    this.#starts = new Uint32Array(glyphCount)
    this.#completes = new Uint32Array(glyphCount)
    for (const id of metrics.marks) this.#starts[id]! |= MARK
    const lookups = metrics.lookups.map((lookup) => compile(lookup, glyphCount))
    const ascii = new Set<number>()
    for (let cp = 0x20; cp < 0x7f; cp++) if (this.#bmp[cp]) ascii.add(this.#bmp[cp]! - 1)
    let next = 0
    metrics.lookups.forEach((lookup, index) => {
      // A rule needs a glyph of each of its sets, so a run without a glyph of its rarest set skips it:
      // the set with fewest glyphs of plain ASCII (`l·l` waits for the `·`, not the `l`), then the smallest.
      if (lookup.kind === 'guard') {
        const weight = (set: readonly number[]) => set.reduce((sum, id) => sum + (ascii.has(id) ? 1000 : 1), 0)
        for (const rule of lookup.rules) {
          const rarest = rule.reduce((a, b) => (weight(b) < weight(a) ? b : a), rule[0] ?? [])
          for (const id of rarest) this.#starts[id]! |= TRIGGER
        }
      }
      const compiled = lookups[index]!
      if ((compiled.kind !== 'single' && compiled.kind !== 'ligature') || next >= lookupBits) return
      const bit = 1 << (firstLookupBit + next++)
      compiled.bit = bit
      if (compiled.kind === 'single') for (const from of compiled.map.keys()) this.#starts[from]! |= bit
      else {
        for (const [first, ligatures] of compiled.sets) {
          this.#starts[first]! |= bit
          for (const ligature of ligatures) for (let k = 1; k < ligature.length; k++) this.#completes[ligature[k]!]! |= bit
        }
      }
    })
    for (const [tag, ranges] of Object.entries(metrics.scripts)) {
      const index = this.#scriptTags.push(tag) - 1
      for (let i = 0; i < ranges.length; i += 2) {
        for (let cp = ranges[i]!; cp <= ranges[i + 1]!; cp++) {
          if (cp < 0x10000) this.#scriptOf[cp] = index
          else this.#astralScripts.set(cp, index)
        }
      }
    }
    this.#plans = new Map(
      Object.entries(metrics.plans).map(([tag, plan]) => [tag, { gsub: plan.gsub.map((i) => lookups[i]!), gpos: plan.gpos.map((i) => lookups[i]!) }]),
    )
  }

  /** The word's glyphs and positions, or `undefined` when only fontkit can shape it. */
  shape(text: string): ShapedRun | undefined {
    const run = this.#run(text)
    if (!run) return undefined
    const { ids, codePoints, starts, advances } = run
    const glyphs: ShapedGlyph[] = []
    const positions: GlyphPosition[] = []
    let advanceWidth = 0
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!
      glyphs.push({ id, codePoints: starts ? codePoints.slice(starts[i], starts[i + 1]) : [codePoints[i]!], advanceWidth: this.#advances[id]! })
      positions.push({ xAdvance: advances[i]!, yAdvance: 0, xOffset: 0, yOffset: 0 })
      advanceWidth += advances[i]!
    }
    return { glyphs, positions, advanceWidth }
  }

  /** The word's advance width in font units (what `shape` would give), or `undefined` as there. */
  width(text: string): number | undefined {
    const run = this.#run(text)
    if (!run) return undefined
    let width = 0
    for (let i = 0; i < run.advances.length; i++) width += run.advances[i]!
    return width
  }

  /** Runs already made (null: left to fontkit): a word is measured, then drawn. */
  readonly #runs = new Map<string, Run | null>()

  #run(text: string): Run | undefined {
    let run = this.#runs.get(text)
    if (run === undefined) this.#runs.set(text, (run = this.#make(text) ?? null))
    return run ?? undefined
  }

  #make(text: string): Run | undefined {
    const ids: number[] = []
    const codePoints: number[] = []
    let script = noScript
    let starts = 0
    let completes = 0
    for (let i = 0; i < text.length; i++) {
      let codePoint = text.charCodeAt(i)
      if (codePoint >= 0xd800 && codePoint <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1)
        if (low >= 0xdc00 && low <= 0xdfff) codePoint = ((codePoint - 0xd800) << 10) + (low - 0xdc00) + 0x10000, i++
      }
      const entry = codePoint < 0x10000 ? this.#bmp[codePoint]! : (this.#astral.get(codePoint) ?? 0)
      if (entry === 0) return undefined
      const id = entry - 1
      starts |= this.#starts[id]!
      completes |= this.#completes[id]!
      if (script === noScript) script = codePoint < 0x10000 ? this.#scriptOf[codePoint]! : (this.#astralScripts.get(codePoint) ?? noScript)
      ids.push(id)
      codePoints.push(codePoint)
    }
    if (starts & MARK) return undefined
    const run: Run = { ids, codePoints, starts: undefined, advances: [] }
    if (ids.length === 0) return run
    const plan = this.#plans.get(this.#scriptTags[script]!)
    if (!plan) return undefined
    for (let l = 0; l < plan.gsub.length; l++) {
      const lookup = plan.gsub[l]!
      if (lookup.kind === 'guard') {
        if (starts & TRIGGER && guarded(lookup, ids)) return undefined
        continue
      }
      if (lookup.kind !== 'single' && lookup.kind !== 'ligature') return undefined
      if (lookup.bit && !(starts & lookup.bit && (lookup.kind === 'single' || completes & lookup.bit))) continue
      const added = this.#substitute(lookup, run)
      for (let k = 0; k < added.length; k++) {
        starts |= this.#starts[added[k]!]!
        completes |= this.#completes[added[k]!]!
      }
      if (starts & MARK) return undefined
    }
    for (let i = 0; i < ids.length; i++) run.advances.push(this.#advances[ids[i]!]!)
    for (let l = 0; l < plan.gpos.length; l++) {
      const lookup = plan.gpos[l]!
      if (lookup.kind === 'guard') {
        if (starts & TRIGGER && guarded(lookup, ids)) return undefined
      } else if (lookup.kind === 'pair') kern(lookup.lookup, ids, run.advances)
      else return undefined
    }
    return run
  }

  /** Applies a substitution lookup in place; answers the glyphs it put in. */
  #substitute(lookup: Compiled & { kind: 'single' | 'ligature' }, run: Run): number[] {
    const { ids } = run
    const added: number[] = []
    for (let i = 0; i < ids.length; i++) {
      if (lookup.kind === 'single') {
        const id = lookup.map.get(ids[i]!)
        if (id === undefined) continue
        ids[i] = id
        added.push(id)
        continue
      }
      const ligatures = lookup.sets.get(ids[i]!)
      if (!ligatures) continue
      for (const ligature of ligatures) {
        const length = ligature.length
        if (i + length > ids.length) continue
        let match = true
        for (let k = 1; k < length && match; k++) match = ids[i + k] === ligature[k]
        if (!match) continue
        // The ligature stands for the code points of all its components, which are adjacent.
        run.starts ??= Array.from({ length: ids.length + 1 }, (_, index) => index)
        ids.splice(i, length, ligature[0]!)
        run.starts.splice(i + 1, length - 1)
        added.push(ligature[0]!)
        break
      }
    }
    return added
  }
}

/** Pair kerning: fontkit adds each pair's value to the left glyph's advance. */
function kern(lookup: PairLookup, ids: readonly number[], advances: number[]): void {
  for (let i = 0; i + 1 < ids.length; i++) {
    const kerning = lookup.kerning(ids[i]!)
    if (!kerning) continue
    const right = ids[i + 1]!
    const value = kerning.pairs.get(right) ?? (kerning.row ? kerning.row.values.get(kerning.row.class2[right]!) : undefined)
    if (value) advances[i]! += value
  }
}

/** Whether a guarded lookup could fire on the run as it now stands. */
function guarded(guard: Compiled & { kind: 'guard' }, ids: readonly number[]): boolean {
  guard.sets ??= guard.lookup.rules.map((rule) => rule.map((set) => new Set(set)))
  return guard.sets.some((rule) => rule.every((set) => ids.some((id) => set.has(id))))
}
