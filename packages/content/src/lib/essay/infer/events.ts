/**
 * Dates in the prose become timeline events when the author has marked none: one event per sentence,
 * for its most precise date, described by the sentence itself (or the clause holding the date when
 * the sentence is long). A date that opens the sentence ("In 1915, …") is taken out of the text, as the
 * timeline shows it beside the event anyway.
 */
import type { Block } from '../../schema.js'
import { sentences } from '../../text/sentences.js'
import { findDates, type DateMention } from '../../text/when.js'
import type { Knowledge } from '../knowledge.js'

const precision = { day: 3, month: 2, year: 1 } as const

export function inferEvents(parts: ReadonlyArray<{ id: string; body: readonly Block[] }>, knowledge: Knowledge): void {
  const seen = new Set<string>()
  for (const part of parts) {
    for (const block of part.body) {
      if (block.type !== 'paragraph') continue
      for (const sentence of sentences(block.text)) {
        const dates = findDates(sentence.text).filter((date) => !isCitation(sentence.text, date.index))
        const date = dates.reduce<DateMention | undefined>((best, d) => (!best || precision[d.when.precision] > precision[best.when.precision] ? d : best), undefined)
        if (!date) continue
        const event = name(describe(sentence.text, date), block.text.slice(0, sentence.start + date.index), knowledge)
        const key = `${date.when.iso}|${event}`
        if (event.split(/\s+/).length < 4 || seen.has(key)) continue
        seen.add(key)
        knowledge.events.push({
          id: `event-${knowledge.events.length + 1}`,
          label: date.label.replace(/^(on|in)\s+/i, ''),
          when: date.when,
          event,
          sectionId: part.id,
          position: block.position,
          inferred: true,
          completed: block.completed,
        })
      }
    }
  }
}

/** A year in brackets is a citation, "(Holmes, 1931)", not an event. */
function isCitation(text: string, index: number): boolean {
  const open = text.lastIndexOf('(', index)
  return open !== -1 && text.indexOf(')', open) > index
}

function describe(sentence: string, date: DateMention): string {
  let text = sentence
  const words = sentence.split(/\s+/).length
  if (words > 32) {
    // Long sentence: the clause around the date, cut at semicolons or at ", and/but/while".
    const cuts = [...sentence.matchAll(/;\s+|,\s+(?:and|but|while|whereas|which)\s+/gu)]
    const start = cuts.filter((cut) => cut.index + cut[0].length <= date.index).at(-1)
    const end = cuts.find((cut) => cut.index >= date.index + date.label.length)
    const clause = sentence.slice(start ? start.index + start[0].length : 0, end ? end.index : undefined)
    if (clause.split(/\s+/).length >= 6) text = clause
  }
  // "In 1915, Wegener published…" → "Wegener published…"
  const opening = new RegExp(`^(?:(?:in|on|by|during|from|since|until|at|around|early|late|mid|the)\\s+)*${escape(date.label)}\\s*,?\\s*`, 'iu')
  text = text.replace(opening, '').trim()
  const cut = text.split(/\s+/)
  if (cut.length > 30) text = `${cut.slice(0, 30).join(' ')}…`
  if (!/[.!?…]$/u.test(text)) text += '.'
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * A timeline entry stands alone, so "He set out his case…" names who: the person the paragraph last
 * mentioned before the date, by surname. Left as it is when the paragraph names no one before it.
 */
function name(event: string, before: string, knowledge: Knowledge): string {
  const pronoun = /^(He|She|His|Her)\b/u.exec(event)?.[1]
  if (!pronoun) return event
  let last: { at: number; surname: string } | undefined
  for (const person of knowledge.people) {
    const surname = person.name.split(/\s+/).at(-1)!
    const at = before.lastIndexOf(surname)
    if (at !== -1 && (!last || at > last.at)) last = { at, surname }
  }
  if (!last) return event
  const replacement = pronoun === 'His' || pronoun === 'Her' ? `${last.surname}’s` : last.surname
  return replacement + event.slice(pronoun.length)
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
