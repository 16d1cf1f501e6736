/**
 * Knuth–Plass line breaking: tex-linebreak 0.9's `breakLines`, step for step (the same sums in the same
 * order, the same candidates kept, the same ties broken the same way), but without its allocations. It
 * made an object for every line it tried and a Map and Set for every breakpoint; an essay's paragraphs
 * tried some hundred thousand lines, a third of a cold handout's layout time spent collecting them. A
 * test holds the two to the same breaks over every paragraph of the essays at many widths.
 */
export interface Box {
  readonly type: 'box'
  readonly width: number
}
export interface Glue {
  readonly type: 'glue'
  readonly width: number
  readonly stretch: number
  readonly shrink: number
}
export interface Penalty {
  readonly type: 'penalty'
  readonly width: number
  readonly cost: number
  readonly flagged: boolean
}
export type InputItem = Box | Glue | Penalty

export const MIN_COST = -1000
export const MAX_COST = 1000
export const PARAGRAPH_START = -1

export class MaxAdjustmentExceededError extends Error {}

export interface BreakOptions {
  readonly maxAdjustmentRatio: number | null
  readonly initialMaxAdjustmentRatio: number
  readonly doubleHyphenPenalty: number
  readonly adjacentLooseTightPenalty: number
  /**
   * Not in tex-linebreak, which looks ahead for lines that can never fit only when no glue is
   * negative, and so keeps every node of a ragged-right paragraph active to its end (the time grows
   * with the square of its length). Whether a later line can fit depends on widths and shrink alone,
   * so glue whose stretch alone is negative may be looked past: the breaks are the same whenever the
   * paragraph can be set without an overfull line (a test holds it to that), and come much sooner.
   */
  readonly lookPastNegativeStretch?: boolean | undefined
}

const isForcedBreak = (item: InputItem): boolean => item.type === 'penalty' && item.cost <= MIN_COST
const isBoxOrForbidden = (item: InputItem): boolean => item.type === 'box' || (item.type === 'penalty' && item.cost >= MAX_COST)

/** The first item of a line's content, from the break that ends the line before. */
export function lineContentStart(items: readonly InputItem[], start: number, end: number): number {
  let index = start === PARAGRAPH_START ? 0 : start + (items[start]!.type === 'penalty' ? 1 : 0)
  while (index < items.length && !isBoxOrForbidden(items[index]!)) index++
  return Math.min(index, end + 1)
}

interface Node {
  readonly index: number
  readonly line: number
  readonly fitness: number
  readonly isFallback: boolean
  readonly totalDemerits: number
  readonly prev: Node | null
}

/** The indexes of the items after which the lines break (the first is 0, the paragraph's start). */
export function breakLines(items: readonly InputItem[], lineWidth: number, options: BreakOptions): number[] {
  const n = items.length
  if (n === 0) return []
  if (!isForcedBreak(items[n - 1]!)) throw new Error('Paragraph items must end with a forced break')
  let negativeGlue = false
  let negativeWidth = false
  for (let i = 0; i < n; i++) {
    const item = items[i]!
    if (item.type === 'glue' && ((item.stretch < 0 && !options.lookPastNegativeStretch) || item.shrink < 0)) negativeGlue = true
    if (item.width < 0) negativeWidth = true
  }
  // Running sums of box widths and of glue widths, stretch and shrink before each item.
  const boxWidth = new Float64Array(n + 1)
  const glueWidth = new Float64Array(n + 1)
  const glueStretch = new Float64Array(n + 1)
  const glueShrink = new Float64Array(n + 1)
  for (let i = 0; i < n; i++) {
    const item = items[i]!
    boxWidth[i + 1] = boxWidth[i]! + (item.type === 'box' ? item.width : 0)
    glueWidth[i + 1] = glueWidth[i]! + (item.type === 'glue' ? item.width : 0)
    glueStretch[i + 1] = glueStretch[i]! + (item.type === 'glue' ? item.stretch : 0)
    glueShrink[i + 1] = glueShrink[i]! + (item.type === 'glue' ? item.shrink : 0)
  }
  const breakable = (i: number): boolean => {
    const item = items[i]!
    return (item.type === 'glue' && i > 0 && items[i - 1]!.type === 'box') || (item.type === 'penalty' && item.cost < MAX_COST)
  }
  // The least width any later line could shrink to (tex-linebreak's look-ahead for overfull lines).
  const minAdjustedWidth = new Float64Array(n).fill(Infinity)
  if (!negativeGlue) {
    for (let i = 0; i < n; i++) {
      if (!breakable(i)) continue
      const item = items[i]!
      minAdjustedWidth[i] = boxWidth[i + 1]! + glueWidth[i]! - glueShrink[i]! + (item.type === 'penalty' ? item.width : 0)
    }
    let least = Infinity
    for (let i = n - 1; i >= 0; i--) {
      const value = minAdjustedWidth[i]!
      if (value !== Infinity) {
        minAdjustedWidth[i] = least
        least = Math.min(least, value)
      }
    }
  }
  const maxRatio = Math.min(options.initialMaxAdjustmentRatio, options.maxAdjustmentRatio !== null ? options.maxAdjustmentRatio : Infinity)
  const nextBoxOrForbidden = new Int32Array(n + 1)
  nextBoxOrForbidden[n] = n
  for (let i = n - 1; i >= 0; i--) nextBoxOrForbidden[i] = isBoxOrForbidden(items[i]!) ? i : nextBoxOrForbidden[i + 1]!

  // The active nodes, in tex-linebreak's Set order (insertion order, deletions skipped). Two arrays are
  // swapped rather than one made per breakpoint, and the loops are indexed: in code not yet compiled,
  // each step of a for…of makes an object.
  let active: Node[] = [{ index: PARAGRAPH_START, line: 0, fitness: 0, isFallback: false, totalDemerits: 0, prev: null }]
  let next: Node[] = []
  // This breakpoint's best new node for each line and fitness class, in order of first finding.
  const keys: number[] = []
  const demeritsOf: number[] = []
  const fromOf: Node[] = []
  const fitnessOf: number[] = []
  let leastExcess = Infinity

  for (let b = 0; b < n; b++) {
    if (!breakable(b)) continue
    const item = items[b]!
    const forced = isForcedBreak(item)
    let deactivated: Node | null = null
    keys.length = 0
    next.length = 0
    for (let a = 0; a < active.length; a++) {
      const node = active[a]!
      // The line from `node` to `b`: its natural length, stretch, shrink, and where its content starts.
      const contentStart = node.index === PARAGRAPH_START ? nextBoxOrForbidden[0]! : nextBoxOrForbidden[node.index + (items[node.index]!.type === 'penalty' ? 1 : 0)]!
      const start = Math.min(contentStart, b + 1)
      let length = 0
      let stretch = 0
      let shrink = 0
      let startOffset = 0
      if (start <= b) {
        const glueStart = Math.min(start + 1, b)
        length = boxWidth[b + 1]! - boxWidth[start]! + (glueWidth[b]! - glueWidth[glueStart]!) + (item.type === 'penalty' ? item.width : 0)
        stretch = glueStretch[b]! - glueStretch[glueStart]!
        shrink = glueShrink[b]! - glueShrink[glueStart]!
        startOffset = boxWidth[start]! + glueWidth[start]! - glueShrink[start]!
      }
      const ratio = length < lineWidth ? (lineWidth - length) / stretch : length > lineWidth ? (lineWidth - length) / shrink : 0
      if (ratio > maxRatio) leastExcess = Math.min(ratio, leastExcess)
      const canLookAhead = !((node.isFallback && negativeWidth) || negativeGlue)
      const kept = !(forced || (canLookAhead && ratio < -1 && minAdjustedWidth[b]! > lineWidth + startOffset))
      if (kept) next.push(node)
      else deactivated = node
      if (ratio >= -1 && ratio <= maxRatio) {
        const badness = 100 * Math.abs(ratio) ** 3
        const cost = item.type === 'penalty' ? item.cost : 0
        let demerits = cost >= 0 ? (1 + badness + cost) ** 2 : cost > MIN_COST ? (1 + badness) ** 2 - cost ** 2 : (1 + badness) ** 2
        const previous = node.index === PARAGRAPH_START ? null : items[node.index]!
        if (item.type === 'penalty' && previous?.type === 'penalty' && item.flagged && previous.flagged) demerits += options.doubleHyphenPenalty
        const fitness = ratio < -0.5 ? 0 : ratio < 0.5 ? 1 : ratio < 1 ? 2 : 3
        if (node.index !== PARAGRAPH_START && Math.abs(fitness - node.fitness) > 1) demerits += options.adjacentLooseTightPenalty
        const key = 4 * (node.line + 1) + fitness
        const total = node.totalDemerits + demerits
        const slot = keys.indexOf(key)
        if (slot === -1) {
          keys.push(key)
          demeritsOf[keys.length - 1] = total
          fromOf[keys.length - 1] = node
          fitnessOf[keys.length - 1] = fitness
        } else if (total < demeritsOf[slot]!) {
          demeritsOf[slot] = total
          fromOf[slot] = node
        }
      }
    }
    for (let k = 0; k < keys.length; k++) {
      const from = fromOf[k]!
      next.push({ index: b, line: from.line + 1, fitness: fitnessOf[k]!, isFallback: false, totalDemerits: demeritsOf[k]!, prev: from })
    }
    const previous = active
    active = next
    next = previous
    if (active.length === 0) {
      if (Number.isFinite(leastExcess)) {
        if (options.maxAdjustmentRatio === maxRatio) throw new MaxAdjustmentExceededError()
        return breakLines(items, lineWidth, { ...options, initialMaxAdjustmentRatio: 2 * leastExcess })
      }
      const last = deactivated!
      active.push({ index: b, line: last.line + 1, fitness: 1, isFallback: true, totalDemerits: last.totalDemerits + 1000, prev: last })
    }
  }
  let best: Node | null = null
  for (let a = 0; a < active.length; a++) if (!best || active[a]!.totalDemerits < best.totalDemerits) best = active[a]!
  const points: number[] = []
  for (let node = best; node; node = node.prev) points.push(node.index === PARAGRAPH_START ? 0 : node.index)
  return points.reverse()
}
