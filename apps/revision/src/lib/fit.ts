/**
 * Fitting is measured, not hoped for: measure the sheet at the floor size, and if it fits find the
 * largest size on the grid that does (guided by how full the page is); past the floor, leave off the
 * lowest-priority items (found by bisection over the priority order) until it fits. Tries only
 * measure; the page is laid out once. Each item left off is reported.
 */
import type { Diagnostic } from '@lectern/content'
import type { Item, Knowledge } from './condense/items.js'
import { layoutSheet, measureSheet, type Heights, type PageLayout } from './layout/sheet.js'
import { inShape, type SheetStyle } from './layout/style.js'
import { plan, type Sheet } from './sheet/plan.js'

export interface Fitted {
  readonly sheet: Sheet
  readonly layout: PageLayout
  readonly dropped: readonly Item[]
  readonly diagnostics: readonly Diagnostic[]
  /** How many layouts were measured to get there. */
  readonly attempts: number
}

/** At most this many left-off items are tried again once the sheet fits, to fill what space is left. */
const refill = 12

/**
 * A revision sheet condenses: it holds at most half the essay's words (never fewer than `minimum`), so a
 * short essay does not come back as a sheet as long as itself. Items past the budget stay in the
 * flashcards; only what the page itself cannot hold is reported as dropped.
 */
export const budget = { share: 0.5, minimum: 450 }

export function withinBudget(knowledge: Knowledge, essayWords: number): Item[] {
  let left = Math.max(budget.minimum, Math.round(essayWords * budget.share)) - wordsIn(knowledge.judgement.text) - wordsIn(knowledge.question)
  return knowledge.items.filter((item) => {
    const words = itemWords(item)
    // The argument's skeleton is never cut for length: the page decides.
    if (item.kind !== 'point' && item.kind !== 'thesis' && words > left) return false
    left -= words
    return true
  })
}

function wordsIn(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}

export function itemWords(item: Item): number {
  switch (item.kind) {
    case 'thesis':
      return wordsIn(item.text)
    case 'point':
      return wordsIn(item.heading) + wordsIn(item.text)
    case 'bullet':
      return wordsIn(item.text)
    case 'event':
      return wordsIn(item.label) + wordsIn(item.event)
    case 'person':
      return wordsIn(item.name) + wordsIn(item.role ?? '')
    case 'term':
      return wordsIn(item.term) + wordsIn(item.definition)
    case 'quote':
      return wordsIn(item.text) + wordsIn(item.by ?? '') + wordsIn(item.source ?? '')
    case 'slot':
      return 8
  }
}

export function fit(knowledge: Knowledge, style: SheetStyle, candidates: readonly Item[] = knowledge.items): Fitted {
  const items = candidates
  let attempts = 0
  // Each try only measures (an item's entry once per shape and size); the sheet is laid out once, at the end.
  const heights = new Map<string, Heights>()
  // A sheet that may use both sides promises every candidate (the standard sheet's items), and says
  // which it could not hold.
  const promised = style.sides === 2
  const attempt = (kept: readonly Item[], size: number, shape: SheetStyle = style) => {
    attempts++
    const sheet = plan(knowledge, kept, promised ? items.filter((item) => !kept.includes(item)) : [])
    const key = `${shape.columns}:${shape.gutter}:${size}`
    let known = heights.get(key)
    if (!known) heights.set(key, (known = new Map()))
    return { sheet, size, kept, shape, ...measureSheet(sheet, shape, size, known) }
  }
  type Try = ReturnType<typeof attempt>

  // The sizes on the step grid, largest (0) to the floor (`steps`). Fitting is monotone in the size:
  // the answer is the smallest index that fits, where the one before it does not. Every size tried
  // costs a layout of every entry, so the search guesses rather than bisects: entries grow with the
  // square of the size, so one measurement says roughly where the page will be full, and each try
  // narrows the gap between a size known to fit and one known not to until they are neighbours.
  // The floor goes first: when everything does not fit even there, no other size need be set at all.
  // `sides`: the most sides of the sheet a size may take to count as fitting.
  const largestFitting = (shape: SheetStyle, sides: number = shape.sides): Try | undefined => {
    const steps = Math.round((shape.largest - shape.floor) / shape.step)
    const sizeAt = (i: number) => Math.round((shape.largest - i * shape.step) * 1000) / 1000
    const within = (tried: Try) => tried.fits && tried.pages <= sides
    const smallest = attempt(items, sizeAt(steps), shape)
    if (!within(smallest)) return undefined
    let best = smallest
    let fits = steps // fits at this index
    let overflows = -1 // and not at this one (-1: past the largest)
    let last = smallest
    while (fits - overflows > 1) {
      const full = Math.sqrt(last.capacity / Math.max(last.demand, 1e-9)) * last.size
      const guess = Math.min(fits - 1, Math.max(overflows + 1, Math.round((shape.largest - full) / shape.step)))
      last = attempt(items, sizeAt(guess), shape)
      if (within(last)) [fits, best] = [guess, last]
      else overflows = guess
    }
    return best
  }

  const dense = largestFitting(style)
  if (dense) {
    // Everything fits at the largest size with room to spare: set it in the roomier shape if it fits there.
    // Never at the cost of a side: a sheet that fits on the front stays on the front.
    const roomy = style.roomy && dense.size === style.largest ? largestFitting(inShape(style, style.roomy), dense.pages) : undefined
    return done(roomy ?? dense, [])
  }

  // At the floor: the fewest lowest-priority items to leave off.
  let best = attempt([], style.floor)
  if (!best.fits) {
    throw new Error('the question and judgement alone do not fit on one page at the smallest size: shorten them')
  }
  let lo = 0 // leaving off this many never fits
  let hi = items.length // this many always does
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    const tried = attempt(items.slice(0, items.length - mid), style.floor)
    if (tried.fits) [hi, best] = [mid, tried]
    else lo = mid
  }
  // A long item left off may leave room for shorter ones below it in priority: try them again.
  let kept: readonly Item[] = items.slice(0, items.length - hi)
  for (const item of items.slice(items.length - hi, items.length - hi + refill)) {
    // A bullet shows only under its point.
    if (item.kind === 'bullet' && !kept.some((k) => k.kind === 'point' && k.sectionId === item.sectionId)) continue
    const tried = attempt(
      items.filter((i) => i === item || kept.includes(i)),
      style.floor,
    )
    if (tried.fits) {
      best = tried
      kept = tried.kept
    }
  }
  return done(best, items.filter((item) => !kept.includes(item)))

  function done(result: Try, dropped: Item[]): Fitted {
    const layout = layoutSheet(result.sheet, result.shape, result.size)
    return { sheet: result.sheet, layout, dropped, diagnostics: dropped.map(promised ? leftOffDiagnostic : droppedDiagnostic), attempts }
  }
}

function droppedDiagnostic(item: Item): Diagnostic {
  return { ruleId: 'dropped', reason: `Left off the one-page revision sheet to make room: ${describe(item)}`, place: item.place }
}

/** The accessible sheet promised the standard sheet's items: one it cannot hold is a warning, and the sheet says so too. */
function leftOffDiagnostic(item: Item): Diagnostic {
  return {
    ruleId: 'left-off',
    reason: `The accessible revision sheet cannot hold ${describe(item)}, which the standard sheet has: two sides at 12 pt are full. The sheet names what it left off; shorten the essay's longer entries to bring it back`,
    place: item.place,
  }
}

export function describe(item: Item): string {
  const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text)
  switch (item.kind) {
    case 'thesis':
      return `the thesis “${short(item.text)}”`
    case 'point':
      return `the point of “${short(item.heading)}”`
    case 'bullet':
      return `key bullet ${item.rank} of its section, “${short(item.text)}”`
    case 'event':
      return `the date ${item.label} (${short(item.event)})`
    case 'person':
      return `the person ${item.name}`
    case 'term':
      return `the term “${item.term}”`
    case 'quote':
      return `the quotation “${short(item.text)}”`
    case 'slot':
      return `self-test question ${item.slot}`
  }
}
