/**
 * The sheet on the page at one body size: a full-width header (title, subject, the question), then
 * the numbered entries flowing down the columns, then a footnote when a mark needs explaining.
 * Everything is measured here; the PDF renderer only draws what this returns, so what fits here
 * fits on the page. `fits` is false when the entries run past the last column.
 */
import type { Item } from '../condense/items.js'
import { stripQuotes } from '../sheet/questions.js'
import type { Entry, JudgementItem, Sheet } from '../sheet/plan.js'
import type { Span } from './lines.js'
import type { SheetStyle } from './style.js'
import type { Heights, LaidBlock, PageLayout, PlacedLine, Rect, Unit } from './types.js'
import { dagger, mark, unitMaker, type UnitMaker } from './units.js'
import { leftOffLine } from '../sheet/left-off.js'
import { truncate } from '@lectern/typeset'

export type { Heights, LaidBlock, PageLayout, PlacedLine, Rect, Role, Unit } from './types.js'
export { dagger }

export const completedNote = 'From passages the Lectern editors wrote to complete the author’s text.'

export const headings = {
  /** The thesis and the judgement, when the essay has both. */
  argument: 'Argument',
  judgement: 'Judgement',
  points: 'Key points',
  timeline: 'Timeline',
  people: 'Key people',
  terms: 'Key terms',
  quotes: 'Key quotations',
  selfTest: 'Test yourself',
} as const

/** What the argument's two entries say they are. */
export const labels = { thesis: 'Thesis', judgement: 'Judgement' } as const

export function layoutSheet(sheet: Sheet, style: SheetStyle, size: number): PageLayout {
  const blocks: LaidBlock[] = []
  const rects: Rect[] = []
  const { fits, pages } = flow(sheet, unitMaker(style, size), (unit, x, y, page) => put(unit, x, y, page, blocks, rects), rects, true)
  return { size, style, blocks, rects, fits, pages }
}

/** What a measurement tells the fitter besides whether the sheet fits. */
export interface Measure {
  readonly fits: boolean
  /** The height all the entries would take stacked in one column, had it no end. */
  readonly demand: number
  /** The height of all the columns together, on every side the sheet may use. */
  readonly capacity: number
  /** The sides of the sheet the entries take (the most it may use when they do not fit). */
  readonly pages: number
}

/**
 * Whether the sheet fits at `size`, by the very measurements `layoutSheet` makes, without placing a
 * line: the fitter asks this many times and lays the sheet out once. `heights` remembers the parts
 * measured before, across calls for the same knowledge, style and size.
 */
export function sheetFits(sheet: Sheet, style: SheetStyle, size: number, heights: Heights = new Map()): boolean {
  return measureSheet(sheet, style, size, heights).fits
}

/** As `sheetFits`, and how full the page is, so the fitter can tell how far the size is from one that fits. */
export function measureSheet(sheet: Sheet, style: SheetStyle, size: number, heights: Heights = new Map()): Measure {
  return flow(sheet, unitMaker(style, size, heights), () => {}, [])
}

/** What a side's columns run between: from `top`, `height` down. */
interface Side {
  readonly top: number
  readonly height: number
}

/**
 * Header, entries down the columns and the notes under them, each unit handed to `place`. The
 * entries take one side when it holds them; a sheet that may use both sides runs on to the back
 * (with "Turn over" at the foot of the front and the title at the head of the back) when it does not.
 * Whether the sheet fits is decided with the columns running to the foot of the page; with `balance`,
 * the last side's columns are then made the shortest that hold what is left, so they end level rather
 * than one full column beside empty ones.
 */
function flow(sheet: Sheet, t: UnitMaker, place: (unit: Unit, x: number, y: number, page: number) => void, rects: Rect[], balance = false): Measure {
  const { style, size } = t
  const { page, margin, columns, gutter } = style
  const inner = page.width - 2 * margin
  const column = (inner - (columns - 1) * gutter) / columns

  // Header, full width, on the front.
  let y = margin
  for (const unit of headerUnits(sheet, t, inner)) {
    y += unit.before
    place(unit, margin, y, 0)
    y += unit.height
  }
  const top = y + size * 0.9

  // The notes run full width under the columns of the last side: their room is kept at its foot.
  const notes = noteUnits(sheet, t, inner)
  const noteRoom = notes.reduce((sum, unit) => sum + unit.height + size * 0.8, 0)
  const foot = page.height - margin

  const units = [...entryUnits(sheet, t, column)]
  const demand = units.reduce((sum, unit) => sum + unit.before + unit.height, 0)
  let sides: Side[] = [{ top, height: foot - noteRoom - top }]
  let fits = fitsIn(units, columns, sides)
  let turn: Unit | undefined
  let head: Unit | undefined
  if (style.sides === 2) {
    turn = t.once('furniture:turn', () => t.block('Artifact', 'furniture', [t.span(turnOver, style.faces.label, 1, 'muted')], inner, 0))
    head = t.once('furniture:head', () => t.block('Artifact', 'furniture', [t.span(backHead(sheet.title), style.faces.label, 1, 'muted')], inner, 0))
    const back = margin + head.height + size * 0.9
    const two = [
      { top, height: foot - turn.height - size * 0.8 - top },
      { top: back, height: foot - noteRoom - back },
    ]
    if (!fits) {
      sides = two
      fits = fitsIn(units, columns, sides)
    }
  }
  const capacity = columns * (style.sides === 2 ? 2 * (foot - top) - noteRoom : foot - noteRoom - top)
  if (!balance) return { fits, demand, capacity, pages: sides.length }

  // Placed: each side's columns in turn, the last one balanced.
  let next = 0
  let tallest = 0
  sides.forEach((side, index) => {
    const last = index === sides.length - 1
    // The furniture in reading order: the front's "Turn over" is read before the back's head.
    if (index === 1) {
      place(turn!, margin, foot - turn!.height, 0)
      place(head!, margin, margin, 1)
    }
    const height = last ? balanced(units.slice(next), columns, side.height) : side.height
    let col = 0
    let y = side.top
    tallest = 0
    for (; next < units.length; next++) {
      const unit = units[next]!
      const before = y === side.top ? 0 : unit.before
      if (y + before + unit.height > side.top + height + 1e-6) {
        if (++col >= columns || unit.height > height + 1e-6) break
        y = side.top
      } else {
        y += before
      }
      place(unit, margin + col * (column + gutter), y, index)
      y += unit.height
      tallest = Math.max(tallest, y - side.top)
    }
    for (let c = 1; c < Math.min(columns, col + 1); c++) {
      rects.push({ page: index, x: margin + c * (column + gutter) - gutter / 2, y: side.top, width: 0.4, height: tallest, colour: 'muted' })
    }
  })
  const last = sides.length - 1
  // Under the longest column, so a short sheet keeps them with its entries.
  let at = sides[last]!.top + tallest
  for (const note of notes) {
    at += size * 0.8
    place(note, margin, at, last)
    rects.push({ page: last, x: margin, y: at - size * 0.4, width: inner, height: 0.5, colour: 'muted' })
    at += note.height
  }
  return { fits, demand, capacity, pages: sides.length }
}

/** At the foot of the front when the sheet goes on to the back. */
export const turnOver = 'Turn over: the sheet continues on the back.'

/** At the head of the back: whose back it is. */
function backHead(title: string): string {
  return `${title.length > 80 ? `${title.slice(0, 79).trimEnd()}…` : title} · Revision sheet, side 2`
}

/** Whether `units`, flowed down the columns of each side in order (none split), all fit. */
function fitsIn(units: readonly Unit[], columns: number, sides: readonly Side[]): boolean {
  let next = 0
  for (const side of sides) {
    let col = 0
    let y = 0
    for (; next < units.length; next++) {
      const unit = units[next]!
      const before = y === 0 ? 0 : unit.before
      if (y + before + unit.height > side.height + 1e-6) {
        if (unit.height > side.height + 1e-6) return false
        if (++col >= columns) break
        y = unit.height
      } else {
        y += before + unit.height
      }
    }
    if (next >= units.length) return true
  }
  return false
}

/**
 * The shortest column height at which `units`, flowed down the columns in order (none split, each
 * after the one before), fit in `columns` columns: found by bisection to a hundredth of a point
 * between an even share of the whole and `height`. `height` itself when they do not fit even there.
 */
export function balanced(units: readonly Unit[], columns: number, height: number): number {
  const fitsInHeight = (limit: number) => fitsIn(units, columns, [{ top: 0, height: limit }])
  if (!fitsInHeight(height)) return height
  const total = units.reduce((sum, unit) => sum + unit.height, 0)
  // Below this even share nothing can fit.
  let lo = Math.max(total / columns, ...units.map((unit) => unit.height)) - 0.01
  let hi = height
  while (hi - lo > 0.01) {
    const mid = (lo + hi) / 2
    if (fitsInHeight(mid)) hi = mid
    else lo = mid
  }
  return hi
}

function put(unit: Unit, x: number, y: number, page: number, blocks: LaidBlock[], rects: Rect[]): void {
  for (const block of unit.blocks) {
    const move = (line: PlacedLine): PlacedLine => ({ ...line, x: line.x + x, top: line.top + y, baseline: line.baseline + y })
    blocks.push({ page, role: block.role, group: block.group, label: block.label && move(block.label), lines: block.lines.map(move) })
  }
  for (const rect of unit.rects) rects.push({ ...rect, page, x: rect.x + x, y: rect.y + y })
}

/**
 * The title, subject line and question, full width. A title too long to be a title (a whole paragraph
 * made a heading) is cut at a word, with an ellipsis, to about three lines: the sheet is for its entries.
 */
function headerUnits(sheet: Sheet, t: UnitMaker, inner: number): Unit[] {
  const { style, size } = t
  const titleSize = size * 1.8
  const title = truncate(sheet.title, style.faces.heading, titleSize, inner * 2.5)
  return [
    t.once('title', () => t.block('H1', 'header', [t.span(title, style.faces.heading, 1.8, 'accent')], inner, 0)),
    ...(sheet.subtitle
      ? [t.once('subtitle', () => t.block('P', 'header', [t.span(`${sheet.subtitle} · Revision sheet`, style.faces.label, 1, 'muted')], inner, size * 0.1))]
      : []),
    ...(sheet.question
      ? [
          t.once('question', () =>
            t.banded(
              t.block('P', 'header', [t.span('Question  ', style.faces.label, 1.1, 'accent'), t.span(sheet.question, style.faces.strong, 1.1)], inner - size, size * 0.5),
              size * 0.5,
              inner,
            ),
          ),
        ]
      : []),
  ]
}

/** The notes under the columns: what the dagger means, and what the sheet could not hold. */
function noteUnits(sheet: Sheet, t: UnitMaker, inner: number): Unit[] {
  const { faces } = t.style
  const notes: Unit[] = []
  if (sheet.hasCompleted) {
    notes.push(t.once('note', () => t.block('Note', 'footer', [t.span(`${dagger} `, faces.text, 1, 'accent'), t.span(completedNote, faces.emphasis, 1, 'muted')], inner, 0)))
  }
  const line = leftOffLine(sheet.leftOff)
  if (line) {
    const [lead, rest] = line.split(/(?<=:) /)
    notes.push(t.once(`note:left-off\u0000${line}`, () => t.block('Note', 'footer', [t.span(`${lead} `, faces.strong, 1, 'text'), t.span(rest ?? '', faces.text, 1, 'text')], inner, 0)))
  }
  return notes
}

function* entryUnits(sheet: Sheet, t: UnitMaker, width: number): Generator<Unit> {
  const { faces } = t.style
  const s = t.size
  const section = function* (group: string, title: string, units: Unit[]): Generator<Unit> {
    if (units.length === 0) return
    const heading = t.once(`heading:${group}`, () => t.heading(title, group, width))
    yield t.join([heading, ...units.slice(0, 1)], s * 0.9)
    yield* units.slice(1)
  }
  // An entry's spans are made only when it has not been measured before.
  const entry = (group: string, e: Entry<Item | JudgementItem>, spans: () => Span[], before = s * 0.3) =>
    t.once(e.item.kind === 'judgement' ? 'judgement' : e.item, () => t.entry(group, String(e.number), [...spans(), ...mark(e.item.completed, t)], width, before))

  const { thesis, judgement } = sheet
  if (thesis) {
    // Labelled, the judgement is taller than alone: it is measured under its own name.
    const label = (text: string) => t.span(`${text}  `, faces.label, 1, 'accent')
    yield* section('argument', headings.argument, [
      entry('argument', thesis, () => [label(labels.thesis), t.span(thesis.item.text, faces.text)]),
      t.once('judgement:labelled', () =>
        t.entry('argument', String(judgement.number), [label(labels.judgement), t.span(judgement.item.text, faces.strong), ...mark(judgement.item.completed, t)], width, s * 0.3),
      ),
    ])
  } else {
    yield* section('judgement', headings.judgement, [entry('judgement', judgement, () => [t.span(judgement.item.text, faces.strong)])])
  }

  yield* section(
    'points',
    headings.points,
    sheet.themes.flatMap((theme) => [
      t.once(`theme:${theme.point.item.key}`, () =>
        t.join(
          [
            t.block('H3', 'points', [t.span(theme.point.item.heading, faces.label, 1, 'accent')], width, 0),
            entry('points', theme.point, () => [t.span(theme.point.item.text, faces.strong)], s * 0.1),
          ],
          s * 0.55,
        ),
      ),
      ...theme.bullets.map((b) => entry('points', b, () => [t.span(b.item.text, faces.text)])),
    ]).concat(sheet.standalone.map((b) => entry('points', b, () => [t.span(b.item.text, faces.text)]))),
  )

  yield* section(
    'timeline',
    headings.timeline,
    sheet.timeline.map((e) => entry('timeline', e, () => [t.span(`${e.item.label}  `, faces.label, 1, 'accent'), t.span(e.item.event, faces.text)])),
  )

  yield* section(
    'people',
    headings.people,
    sheet.people.map((e) =>
      entry('people', e, () => [
        t.span(e.item.name, faces.strong),
        ...(e.item.role ? [t.span(' — ', faces.text), t.span(e.item.role, e.item.roleFrom === 'clause' ? faces.emphasis : faces.text)] : []),
      ]),
    ),
  )

  yield* section(
    'terms',
    headings.terms,
    sheet.terms.map((e) => entry('terms', e, () => [t.span(e.item.term, faces.strong), t.span(': ', faces.text), t.span(e.item.definition, faces.text)])),
  )

  yield* section(
    'quotes',
    headings.quotes,
    sheet.quotes.map((e) =>
      entry('quotes', e, () => {
        const source = [e.item.by, e.item.source].filter(Boolean).join(', ')
        return [t.span(`‘${stripQuotes(e.item.text)}’`, faces.emphasis), ...(source ? [t.span(' — ', faces.text), t.span(source, faces.label, 1, 'muted')] : [])]
      }),
    ),
  )

  yield* section(
    'selfTest',
    headings.selfTest,
    // A question's answer is a number, which changes as items come and go: measured by its text.
    sheet.selfTest.map((q) =>
      t.once(`Q\u0000${q.question}\u0000${q.answer}`, () =>
        // No-break spaces keep the pointer on the line of the question's last word.
        t.entry('selfTest', `Q${q.number}`, [t.span(q.question, faces.text), t.span(`\u00a0\u00a0→\u00a0${q.answer}`, faces.label, 1, 'muted')], width, s * 0.3),
      ),
    ),
  )
}
