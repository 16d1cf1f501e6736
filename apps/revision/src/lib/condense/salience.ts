/**
 * How much of a headline an event is. A timeline keeps the dates the essay is built around: the ones
 * its section heading or point names ("The Brest-Litovsk negotiations" → the Treaty of Brest-Litovsk),
 * and the ones the essay keeps coming back to, before the aftermath and asides of the same section.
 * Words are weighed by how rare they are in the essay, so "Trotsky" in an essay about Trotsky says
 * little and "Brest-Litovsk" a lot; they are compared by stem, so "annuls" meets "annulled".
 */
import type { Essay, Event } from '@lectern/content'
import { contentWords, stem } from '@lectern/content/text'
import { parts, type EssaySentence } from './sentences.js'

export interface Salience {
  /** Share of the event's weight that its section's heading or argument, or the keywords, name: 0–1. */
  readonly named: number
  /** How many sentences of the essay speak of it. */
  readonly mentions: number
}

export function eventSalience(essay: Essay, sentences: readonly EssaySentence[]): (event: Event) => Salience {
  // Which sentences hold each stem: an event's mentions are found from its words, not by reading
  // every sentence for every event.
  const holders = new Map<string, number[]>()
  sentences.forEach((sentence, index) => {
    for (const word of new Set(sentence.words.map(stem))) {
      const list = holders.get(word)
      if (list) list.push(index)
      else holders.set(word, [index])
    }
  })
  const weight = (word: string) => Math.log((sentences.length + 1) / ((holders.get(word)?.length ?? 0) + 0.5))
  // What a part says it is about: its heading and its thesis, point or judgement, and the essay's
  // keywords (weighed like every word, so the essay's own subject counts for little).
  const keywords = essay.meta.keywords.join(' ')
  const framing = new Map(
    parts(essay).map((part) => {
      const statement = 'point' in part ? part.point : 'thesis' in part ? part.thesis : part.judgement
      return [part.id, new Set(stems(`${part.heading} ${statement.text} ${keywords}`))]
    }),
  )
  const known = new Map<Event, Salience>()
  return (event) => {
    let salience = known.get(event)
    if (salience) return salience
    const words = stems(event.event)
    const total = words.reduce((sum, word) => sum + weight(word), 0)
    const frame = framing.get(event.sectionId) ?? new Set<string>()
    const named = total === 0 ? 0 : words.filter((word) => frame.has(word)).reduce((sum, word) => sum + weight(word), 0) / total
    // A sentence speaks of the event when it holds at least half its weight: "the Brest-Litovsk
    // Treaty" speaks of "The Treaty of Brest-Litovsk is signed"; "Trotsky … war" does not speak of
    // "Trotsky removed as Commissar for War".
    const held = new Map<number, number>()
    for (const word of words) {
      const w = weight(word)
      for (const index of holders.get(word) ?? []) held.set(index, (held.get(index) ?? 0) + w)
    }
    let mentions = 0
    if (total > 0) for (const weightHeld of held.values()) if (weightHeld >= total / 2) mentions++
    salience = { named, mentions }
    known.set(event, salience)
    return salience
  }
}

function stems(text: string): string[] {
  return [...new Set(contentWords(text).map(stem))]
}
