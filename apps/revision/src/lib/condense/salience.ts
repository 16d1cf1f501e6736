/**
 * How much of a headline an event is. A timeline keeps the dates the essay is built around: the ones
 * its section heading or point names ("The Brest-Litovsk negotiations" → the Treaty of Brest-Litovsk),
 * and the ones the essay keeps coming back to, before the aftermath and asides of the same section.
 * Words are weighed by how rare they are in the essay, so "Trotsky" in an essay about Trotsky says
 * little and "Brest-Litovsk" a lot; they are compared by stem, so "annuls" meets "annulled".
 */
import type { Essay, Event } from '@lectern/content'
import { parts, type EssaySentence } from './sentences.js'
import { contentWords, stem } from './words.js'

export interface Salience {
  /** Share of the event's weight that its section's heading or argument, or the keywords, name: 0–1. */
  readonly named: number
  /** How many sentences of the essay speak of it. */
  readonly mentions: number
}

export function eventSalience(essay: Essay, sentences: readonly EssaySentence[]): (event: Event) => Salience {
  const stemmed = sentences.map((sentence) => new Set(sentence.words.map(stem)))
  const counts = new Map<string, number>()
  for (const words of stemmed) for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1)
  const weight = (word: string) => Math.log((stemmed.length + 1) / ((counts.get(word) ?? 0) + 0.5))
  // What a part says it is about: its heading and its thesis, point or judgement, and the essay's
  // keywords (weighed like every word, so the essay's own subject counts for little).
  const keywords = essay.meta.keywords.join(' ')
  const framing = new Map(
    parts(essay).map((part) => {
      const statement = 'point' in part ? part.point : 'thesis' in part ? part.thesis : part.judgement
      return [part.id, new Set(stems(`${part.heading} ${statement.text} ${keywords}`))]
    }),
  )
  return (event) => {
    const words = stems(event.event)
    const total = words.reduce((sum, word) => sum + weight(word), 0)
    if (total === 0) return { named: 0, mentions: 0 }
    const frame = framing.get(event.sectionId) ?? new Set<string>()
    const named = words.filter((word) => frame.has(word)).reduce((sum, word) => sum + weight(word), 0) / total
    // A sentence speaks of the event when it holds at least half its weight: "the Brest-Litovsk
    // Treaty" speaks of "The Treaty of Brest-Litovsk is signed"; "Trotsky … war" does not speak of
    // "Trotsky removed as Commissar for War".
    let mentions = 0
    for (const sentence of stemmed) {
      let held = 0
      for (const word of words) if (sentence.has(word)) held += weight(word)
      if (held >= total / 2) mentions++
    }
    return { named, mentions }
  }
}

function stems(text: string): string[] {
  return [...new Set(contentWords(text).map(stem))]
}
