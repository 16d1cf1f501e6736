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

/**
 * The person `pronoun` stands for, given the text before it; undefined when no one fits. Within its
 * own sentence the nearest fitting name wins; otherwise the first fitting name of the nearest sentence
 * that has one, as a sentence's subject usually comes first ("Brüning cut spending while Müller…. He…").
 */
export function resolvePronoun(pronoun: string, before: string, people: readonly Named[]): Named | undefined {
  const wanted = male.test(pronoun) ? 'male' : female.test(pronoun) ? 'female' : undefined
  if (!wanted) return undefined
  const fitting = people.filter((person) => {
    const gender = genderOf(person.name)
    return !gender || gender === wanted
  })
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '))
  // Close by, a name that says "she" ("Sheila") beats one that says nothing ("Inspector Goole").
  const near = before.slice(Math.max(before.lastIndexOf('. ', cut - 1), 0))
  const sure = mentions(near, fitting.filter((person) => genderOf(person.name) === wanted))
  const unsure = mentions(near, fitting.filter((person) => genderOf(person.name) === undefined))
  if (sure.length > 0 && unsure.length > 0) return sure.at(-1)!.person
  const own = mentions(before.slice(cut + 1), fitting)
  if (own.length > 0) return own.at(-1)!.person
  // A sentence may end inside its closing quotation mark ('…verification." David Hilbert…').
  const sentences = before.slice(0, cut + 1).split(/(?<=[.!?][’”"')]?)\s+/u)
  for (let i = sentences.length - 1; i >= 0; i--) {
    const found = mentions(sentences[i]!, fitting)
    if (found.length > 0) return found[0]!.person
  }
  return undefined
}

/** Where each person is named in `text`, in order. */
function mentions(text: string, people: readonly Named[]): Array<{ at: number; person: Named }> {
  const out: Array<{ at: number; person: Named }> = []
  for (const person of people) {
    for (const form of forms(person.name)) {
      const at = lastWordIndex(text, form)
      if (at !== -1) out.push({ at, person })
    }
  }
  return out.sort((a, b) => a.at - b.at)
}

/** "Heinrich Brüning" → "Brüning": how an entry that stands alone names someone already introduced. */
export function surname(name: string): string {
  const words = name.split(/\s+/)
  // "Henry VIII", "Catherine of Aragon": a regnal number or "of" keeps the whole name.
  if (words.length > 1 && (/^[IVX]+$/.test(words.at(-1)!) || words.includes('of'))) return name
  if (words.length === 2 && /^(?:mr|mrs|ms|miss|lady|lord|sir|dame|dr|inspector)\.?$/i.test(words[0]!)) return name
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
