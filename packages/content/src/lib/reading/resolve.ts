/**
 * Pronoun resolution for what must stand alone (a timeline entry, a speaker): "he" is the nearest
 * person named before it whose first name does not say otherwise ("Mary" is not "he"), by surname.
 */
import { genderOf } from './names.js'

export interface Named {
  readonly name: string
}

const male = /^(?:he|him|his|himself)$/i
const female = /^(?:she|her|hers|herself)$/i

/** The person `pronoun` stands for, given the text before it; undefined when no one fits. */
export function resolvePronoun(pronoun: string, before: string, people: readonly Named[]): Named | undefined {
  const wanted = male.test(pronoun) ? 'male' : female.test(pronoun) ? 'female' : undefined
  if (!wanted) return undefined
  let best: { at: number; person: Named } | undefined
  for (const person of people) {
    const gender = genderOf(person.name)
    if (gender && gender !== wanted) continue
    for (const form of forms(person.name)) {
      const at = lastWordIndex(before, form)
      if (at !== -1 && (!best || at > best.at)) best = { at, person }
    }
  }
  return best?.person
}

/** "Heinrich Brüning" → "Brüning": how an entry that stands alone names someone already introduced. */
export function surname(name: string): string {
  const words = name.split(/\s+/)
  // "Henry VIII", "Catherine of Aragon": a regnal number or "of" keeps the whole name.
  if (words.length > 1 && (/^[IVX]+$/.test(words.at(-1)!) || words.includes('of'))) return name
  // "Alexander du Toit" → "du Toit": a particle stays with the surname.
  const particle = words.findIndex((w, i) => i > 0 && /^(?:von|van|de|der|den|du|la|le|da|di|bin|ibn|al)$/.test(w))
  return particle > 0 ? words.slice(particle).join(' ') : words.at(-1)!
}

function forms(name: string): string[] {
  const words = name.split(/\s+/)
  return [...new Set([name, surname(name), words[0]!])]
}

function lastWordIndex(text: string, word: string): number {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  let last = -1
  for (const match of text.matchAll(new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'gu'))) last = match.index
  return last
}
