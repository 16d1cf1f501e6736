/**
 * The back of the handout: key terms with their definitions, the timeline, and a lined area for notes.
 */
import type { Block } from '../flow.js'
import { completedBlock } from '../text.js'
import { root, type Context } from './context.js'

export function keyTerms(c: Context): Block[] {
  const { t, text, leading, accessible } = c
  const { terms } = c.essay
  if (!terms.length) return []
  const sect = [root, { key: 'sect-key-terms', tag: 'Sect' }]
  const sorted = [...terms].sort((a, b) => a.term.localeCompare(b.term, 'en-GB', { sensitivity: 'base' }))
  return [
    text(t.plain('Key terms', 'h2'), 'h2', sect, 'H2', { spaceBefore: leading * 1.7, spaceAfter: leading * 0.6, keepWithNext: true, outline: 'Key terms' }),
    c.rows('terms', sect, {
      columns: accessible ? [0.3, 0.7] : [0.27, 0.73],
      ragged: false,
      gap: 12,
      styles: ['term', 'small'],
      rows: sorted.map((term) => ({ cells: [t.plain(term.term, 'term', term.position), t.plain(term.definition, 'small', term.position)], completed: false })),
      spaceBefore: 0,
      spaceAfter: 0,
      rowSpace: leading * 0.45,
      tinted: true,
      inset: 10,
      keepWithPrevious: true,
    }),
  ]
}

export function timeline(c: Context): Block[] {
  const { t, text, leading, accessible, label } = c
  const { events } = c.essay
  if (!events.length) return []
  const sect = [root, { key: 'sect-timeline', tag: 'Sect' }]
  return [
    text(t.plain('Timeline', 'h2'), 'h2', sect, 'H2', { spaceBefore: leading * 1.7, spaceAfter: leading * 0.6, keepWithNext: true, outline: 'Timeline' }),
    c.rows('timeline', sect, {
      ragged: true,
      columns: accessible ? [0.3, 0.7] : [0.25, 0.75],
      gap: 12,
      styles: ['term', 'small'],
      header: [t.plain(label('Date'), 'label'), t.plain(label('Event'), 'label')],
      rows: events.map((event) => {
        const mark = event.completed ? completedBlock : undefined
        return { cells: [t.plain(keepDate(event.label), 'term', event.position, mark), t.plain(event.event, 'small', event.position, mark)], completed: event.completed }
      }),
      spaceBefore: 0,
      spaceAfter: 0,
      rowSpace: leading * 0.3,
      keepWithPrevious: true,
    }),
  ]
}

export function notesArea(c: Context): Block[] {
  const { t, text, leading, accessible } = c
  const notes = [root, { key: 'sect-notes', tag: 'Sect' }]
  return [
    text(t.plain('Notes', 'h2'), 'h2', notes, 'H2', { spaceBefore: leading * 1.7, spaceAfter: leading * 0.4, keepWithNext: true, outline: 'Notes' }),
    { kind: 'lines', minimum: 8, spacing: accessible ? 28 : 24, spaceBefore: 0 },
  ]
}

/** A day stays with its month in a narrow date column: "24 December / 1922", never "24 / December 1922". */
function keepDate(label: string): string {
  return label.replace(/^(\d{1,2}(?:st|nd|rd|th)?) (?=\p{L})/u, '$1\u00a0')
}
