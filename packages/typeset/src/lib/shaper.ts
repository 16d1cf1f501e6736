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
  | { readonly kind: 'single'; readonly map: ReadonlyMap<number, number> }
  | { readonly kind: 'ligature'; readonly sets: ReadonlyMap<number, readonly (readonly number[])[]> }
  | { readonly kind: 'pair'; readonly byLeft: ReadonlyMap<number, Kerning> }
  | { readonly kind: 'guard'; readonly rules: readonly (readonly ReadonlySet<number>[])[] }

/**
 * How one left glyph kerns, resolved from the lookup's subtables in fontkit's order: the pairs of the
 * pair tables before the first class table that covers the glyph, then that class table's row.
 */
interface Kerning {
  readonly pairs: Map<number, number>
  row?: { readonly values: ReadonlyMap<number, number>; readonly class2: Uint16Array }
}

const pairsOf = (flat: readonly number[]): Map<number, number> => {
  const map = new Map<number, number>()
  for (let i = 0; i < flat.length; i += 2) map.set(flat[i]!, flat[i + 1]!)
  return map
}

function compilePair(tables: readonly PairTable[], glyphCount: number): Map<number, Kerning> {
  const byLeft = new Map<number, Kerning>()
  const entry = (left: number) => {
    let kerning = byLeft.get(left)
    if (!kerning) byLeft.set(left, (kerning = { pairs: new Map() }))
    return kerning
  }
  for (const table of tables) {
    if ('pairs' in table) {
      for (const [left, row] of table.pairs) {
        const kerning = entry(left)
        if (kerning.row) continue
        // The first table with the pair decides it.
        for (let i = 0; i < row.length; i += 2) if (!kerning.pairs.has(row[i]!)) kerning.pairs.set(row[i]!, row[i + 1]!)
      }
      continue
    }
    const class1 = pairsOf(table.class1)
    const class2 = new Uint16Array(glyphCount)
    for (let i = 0; i < table.class2.length; i += 2) class2[table.class2[i]!] = table.class2[i + 1]!
    const rows = new Map<number, Map<number, number>>()
    for (let i = 0; i < table.values.length; i += 3) {
      const c1 = table.values[i]!
      if (!rows.has(c1)) rows.set(c1, new Map())
      rows.get(c1)!.set(table.values[i + 1]!, table.values[i + 2]!)
    }
    const empty = new Map<number, number>()
    for (const left of table.coverage) {
      const kerning = entry(left)
      kerning.row ??= { values: rows.get(class1.get(left) ?? 0) ?? empty, class2 }
    }
  }
  return byLeft
}

function compile(lookup: Lookup, glyphCount: number): Compiled {
  switch (lookup.kind) {
    case 'single':
      return { kind: 'single', map: pairsOf(lookup.map) }
    case 'ligature':
      return { kind: 'ligature', sets: new Map(lookup.sets) }
    case 'guard':
      return { kind: 'guard', rules: lookup.rules.map((rule) => rule.map((set) => new Set(set))) }
    case 'pair':
      return { kind: 'pair', byLeft: compilePair(lookup.subtables, glyphCount) }
  }
}

/** Per glyph: a mark (never modelled), or a glyph some guarded lookup could start from. */
const MARK = 1
const TRIGGER = 2

interface Slot {
  id: number
  codePoints: number[]
}

export class Shaper {
  readonly #cmap: Map<number, number>
  readonly #advances: readonly number[]
  readonly #flags: Uint8Array
  readonly #scripts = new Map<number, string>()
  readonly #plans: ReadonlyMap<string, { gsub: readonly Compiled[]; gpos: readonly Compiled[] }>

  constructor(metrics: FaceMetrics) {
    this.#cmap = pairsOf(metrics.cmap)
    this.#advances = metrics.advances
    const glyphCount = metrics.advances.length
    this.#flags = new Uint8Array(glyphCount)
    for (const id of metrics.marks) this.#flags[id]! |= MARK
    for (const lookup of metrics.lookups) {
      // A rule needs a glyph of each of its sets: a run without any glyph of a first set skips every guard.
      if (lookup.kind === 'guard') for (const rule of lookup.rules) for (const id of rule[0] ?? []) this.#flags[id]! |= TRIGGER
    }
    for (const [tag, ranges] of Object.entries(metrics.scripts)) {
      for (let i = 0; i < ranges.length; i += 2) for (let cp = ranges[i]!; cp <= ranges[i + 1]!; cp++) this.#scripts.set(cp, tag)
    }
    const lookups = metrics.lookups.map((lookup) => compile(lookup, glyphCount))
    this.#plans = new Map(
      Object.entries(metrics.plans).map(([tag, plan]) => [tag, { gsub: plan.gsub.map((i) => lookups[i]!), gpos: plan.gpos.map((i) => lookups[i]!) }]),
    )
  }

  /** The word's glyphs and positions, or `undefined` when only fontkit can shape it. */
  shape(text: string): ShapedRun | undefined {
    const slots: Slot[] = []
    let script: string | undefined
    let flags = 0
    for (const char of text) {
      const codePoint = char.codePointAt(0)!
      const id = this.#cmap.get(codePoint)
      if (id === undefined) return undefined
      flags |= this.#flags[id]!
      script ??= this.#scripts.get(codePoint)
      slots.push({ id, codePoints: [codePoint] })
    }
    if (flags & MARK) return undefined
    if (slots.length === 0) return { glyphs: [], positions: [], advanceWidth: 0 }
    const plan = this.#plans.get(script ?? 'zzzz')
    if (!plan) return undefined
    for (const lookup of plan.gsub) {
      if (lookup.kind === 'guard') {
        if (flags & TRIGGER && guarded(lookup, slots)) return undefined
      } else {
        flags |= this.#substitute(lookup, slots)
        if (flags & MARK) return undefined
      }
    }
    const advances = slots.map((slot) => this.#advances[slot.id]!)
    for (const lookup of plan.gpos) {
      if (lookup.kind === 'guard') {
        if (flags & TRIGGER && guarded(lookup, slots)) return undefined
      } else if (lookup.kind === 'pair') kern(lookup.byLeft, slots, advances)
      else return undefined
    }
    let advanceWidth = 0
    for (const advance of advances) advanceWidth += advance
    return {
      glyphs: slots.map((slot) => ({ id: slot.id, codePoints: slot.codePoints, advanceWidth: this.#advances[slot.id]! })),
      positions: advances.map((xAdvance) => ({ xAdvance, yAdvance: 0, xOffset: 0, yOffset: 0 })),
      advanceWidth,
    }
  }

  /** Applies a substitution lookup in place; answers the flags of the glyphs it put in. */
  #substitute(lookup: Compiled, slots: Slot[]): number {
    let flags = 0
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!
      if (lookup.kind === 'single') {
        const id = lookup.map.get(slot.id)
        if (id === undefined) continue
        flags |= this.#flags[id]!
        slot.id = id
      } else if (lookup.kind === 'ligature') {
        const ligatures = lookup.sets.get(slot.id)
        if (!ligatures) continue
        for (const ligature of ligatures) {
          const length = ligature.length
          if (i + length > slots.length) continue
          let match = true
          for (let k = 1; k < length && match; k++) match = slots[i + k]!.id === ligature[k]
          if (!match) continue
          flags |= this.#flags[ligature[0]!]!
          const parts = slots.splice(i + 1, length - 1)
          slots[i] = { id: ligature[0]!, codePoints: [...slot.codePoints, ...parts.flatMap((part) => part.codePoints)] }
          break
        }
      }
    }
    return flags
  }
}

/** Pair kerning: fontkit adds each pair's value to the left glyph's advance. */
function kern(byLeft: ReadonlyMap<number, Kerning>, slots: readonly Slot[], advances: number[]): void {
  for (let i = 0; i + 1 < slots.length; i++) {
    const kerning = byLeft.get(slots[i]!.id)
    if (!kerning) continue
    const right = slots[i + 1]!.id
    const value = kerning.pairs.get(right) ?? (kerning.row ? kerning.row.values.get(kerning.row.class2[right]!) : undefined)
    if (value) advances[i]! += value
  }
}

/** Whether a guarded lookup could fire on the run as it now stands. */
function guarded(lookup: Compiled & { kind: 'guard' }, slots: readonly Slot[]): boolean {
  return lookup.rules.some((rule) => rule.every((set) => slots.some((slot) => set.has(slot.id))))
}
