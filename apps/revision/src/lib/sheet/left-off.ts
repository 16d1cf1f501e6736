/**
 * The line a sheet that promises every item prints when it cannot keep that promise: what was left
 * off, by kind, in a few words each, so a teacher sees at a glance what to add by hand and a student
 * knows to look in the handout. Dates, people and terms are named (they are short); key sentences,
 * quotations and questions are counted (naming them would take the room they were left off for).
 */
import type { Item, ItemKind } from '../condense/items.js'

const order: readonly ItemKind[] = ['thesis', 'point', 'bullet', 'event', 'person', 'term', 'quote', 'slot']

export function leftOffLine(items: readonly Item[] = []): string {
  if (items.length === 0) return ''
  const parts: string[] = []
  for (const kind of order) {
    const of = items.filter((item) => item.kind === kind)
    if (of.length) parts.push(say(kind, of))
  }
  return `Left off for want of room on the two sides (the handout has the essay in full): ${parts.join('; ')}.`
}

function say(kind: ItemKind, items: readonly Item[]): string {
  const n = items.length
  const many = n > 1
  const names = (name: (item: Item) => string) => items.map(name).join(', ')
  switch (kind) {
    case 'thesis':
      return 'the thesis'
    case 'point':
      return `the point${many ? 's' : ''} of ${names((i) => `“${i.kind === 'point' ? i.heading : ''}”`)}`
    case 'bullet':
      return many ? `${n} key sentences` : 'a key sentence'
    case 'event':
      return `the date${many ? 's' : ''} ${names((i) => (i.kind === 'event' ? i.label : ''))}`
    case 'person':
      return names((i) => (i.kind === 'person' ? i.name : ''))
    case 'term':
      return `the term${many ? 's' : ''} ${names((i) => `‘${i.kind === 'term' ? i.term : ''}’`)}`
    case 'quote':
      return many ? `${n} quotations` : 'a quotation'
    case 'slot':
      return many ? `${n} self-test questions` : 'a self-test question'
  }
}
