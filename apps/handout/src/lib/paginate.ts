/**
 * The vertical list → pages. Items between two permitted breaks travel together (a heading with the
 * first lines after it, the two lines a paragraph keeps at either side of a break); each group goes on
 * the current page if it fits with the footnotes its markers call for, otherwise on a new page, whose
 * top drops any leading space. A group taller than a page is split wherever it must. Pure: a plan of
 * positions that the renderer draws.
 */
import type { Design } from './design.js'
import type { ContentItem, MeasuredNote, VItem } from './measure.js'

export interface Placed {
  readonly item: ContentItem
  /** Top of the item, from the top of the page. */
  readonly y: number
}

export interface PlacedNote {
  readonly note: MeasuredNote
  readonly y: number
}

export interface Page {
  readonly placed: readonly Placed[]
  readonly notes: readonly PlacedNote[]
  /** Where the footnote area (rule and notes) begins, or the text block's foot when there are none. */
  readonly notesTop: number
}

/** Space above the footnote rule, the rule, and the gap below it; and between two notes. */
export const noteRule = { above: 10, below: 6 } as const
export const noteGap = 2.5

export function notesHeight(notes: readonly MeasuredNote[]): number {
  if (notes.length === 0) return 0
  return noteRule.above + noteRule.below + notes.reduce((sum, note) => sum + note.height, 0) + noteGap * (notes.length - 1)
}

export function paginate(items: readonly VItem[], notes: ReadonlyMap<number, MeasuredNote>, design: Design): Page[] {
  const pages: Page[] = []
  const foot = design.top + design.height
  let placed: Placed[] = []
  let pageNotes: MeasuredNote[] = []
  let y = design.top
  /** A note called for twice (a sentence the thesis box repeats) is printed once, with its first marker. */
  const noted = new Set<number>()

  const finish = () => {
    const height = notesHeight(pageNotes)
    let noteY = foot - height + noteRule.above + noteRule.below
    const placedNotes = pageNotes.map((note) => {
      const at = { note, y: noteY }
      noteY += note.height + noteGap
      return at
    })
    for (const note of pageNotes) noted.add(note.number)
    pages.push({ placed, notes: placedNotes, notesTop: foot - height })
    placed = []
    pageNotes = []
    y = design.top
  }
  /**
   * The notes `numbers` call for that this page and earlier ones do not carry yet, once each, and the
   * notes those cite in turn (a note citing a note is printed with it; a cycle ends where it started).
   */
  const fresh = (numbers: readonly number[], also: readonly MeasuredNote[] = []): MeasuredNote[] => {
    const out: MeasuredNote[] = []
    const seen = new Set<number>([...noted, ...pageNotes.map((note) => note.number), ...also.map((note) => note.number)])
    const queue = [...numbers]
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (seen.has(next)) continue
      seen.add(next)
      const note = notes.get(next)!
      out.push(note)
      queue.push(...note.notes)
    }
    return out
  }
  const notesOf = (group: readonly VItem[]): MeasuredNote[] => {
    const out: MeasuredNote[] = []
    for (const item of group) if (item.kind !== 'space') out.push(...fresh(item.notes, out))
    return out
  }
  /** Height of the group on this page: a space at the top of a page is dropped. */
  const heightOf = (group: readonly VItem[]): number => {
    let height = 0
    let started = placed.length > 0
    for (const item of group) {
      if (item.kind === 'space' && !started) continue
      started = true
      height += item.height
    }
    return height
  }
  const fits = (group: readonly VItem[]): boolean => y + heightOf(group) + notesHeight([...pageNotes, ...notesOf(group)]) <= foot + 0.01
  const place = (group: readonly VItem[]) => {
    for (const item of group) {
      if (item.kind === 'space') {
        if (placed.length > 0) y += item.height
        continue
      }
      placed.push({ item, y })
      y += item.height
      pageNotes.push(...fresh(item.notes))
    }
  }

  for (const group of groups(items)) {
    const last = group.at(-1)!
    if (last.kind === 'lines') {
      // The notes area fills the rest of the last page, given room for its minimum of lines.
      if (!fits(group) && placed.length > 0) finish()
      place(group)
      continue
    }
    if (fits(group)) {
      place(group)
      continue
    }
    if (placed.length > 0) finish()
    if (fits(group)) {
      place(group)
      continue
    }
    // Taller than a page: break it wherever it must, one item at a time.
    for (const item of group) {
      if (!fits([item]) && placed.length > 0) finish()
      place([item])
    }
  }
  if (placed.length > 0 || pages.length === 0) finish()
  return pages
}

/** Runs of items between permitted page breaks. */
export function groups(items: readonly VItem[]): VItem[][] {
  const out: VItem[][] = []
  for (const item of items) {
    if (item.breakBefore || out.length === 0) out.push([item])
    else out.at(-1)!.push(item)
  }
  return out
}
