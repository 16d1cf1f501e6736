/**
 * Saying an essay's sentence in fewer words for the sheet without cutting it: the author's sentence,
 * or a whole clause of it (`gists` of @lectern/content), never an opening marked with an ellipsis.
 * Also what a sheet line or a card needs to stand alone: who "He" is, and a role that is a phrase.
 */
import type { Essay, Event } from '@lectern/content'
import { endsOpen, gists, isNounPhrase, opensWithReference, standsAlone, withoutMarker } from '@lectern/content/text'
import type { EssaySentence } from './sentences.js'

/** The sentence in at most `maxWords` words, else its shortest whole clause (longer than asked). */
export function sayWithin(text: string, maxWords: number): string {
  const all = gists(text)
  return (all.find((gist) => gist.words <= maxWords) ?? all.at(-1)!).text
}

/**
 * An inferred event as a sheet line: the clause the date sits in, said in at most `maxWords` words.
 * Undefined when it opens with "It"/"This"/"They": a
 * timeline line must say what happened without the sentence before it.
 */
export function eventText(event: Event, maxWords: number): string | undefined {
  const text = event.event.trim()
  // "Yet these weaknesses…", "And in 2022, when…": the marker goes, and what is left must say something.
  const said = sayWithin(withoutMarker(text), maxWords)
  return standsAlone(said) ? said : undefined
}

/**
 * Who someone was, in the essay's own words: the descriptive phrase before their name ("the German
 * meteorologist Alfred Wegener"), or else what the clause that first names them says they did
 * ("Rollin T. Chamberlin complained that…" gives "complained that…"), as a whole clause: nothing
 * when the only clause naming them is too long to be a role.
 */
export function roleFromProse(
  name: string,
  sentences: readonly EssaySentence[],
  maxWords: number,
): { text: string; completed: boolean; from: 'appositive' | 'clause' } | undefined {
  const first = sentences.find((s) => s.text.includes(name))
  if (!first) return undefined
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const appositive = new RegExp(`\\b[Tt]he ((?:\\p{Lu}[\\p{L}-]* ){0,3}(?:\\p{Ll}[\\p{L}-]* ){0,2}\\p{Ll}[\\p{L}-]*) ${escaped}(?![\\p{L}])`, 'u').exec(
    first.text,
  )
  // "lost the job to Kurt von Schleicher", "the Cold War started was that Stalin": no appositive.
  if (appositive?.[1] && isNounPhrase(appositive[1])) return { text: appositive[1], completed: first.completed, from: 'appositive' }
  const nameWords = name.split(/\s+/).length
  const clause = gists(first.text).find((gist) => gist.words <= maxWords + nameWords && gist.text.includes(name))?.text
  // "It was invented by Fritz Haber": the role would ask about an "It" the question cannot name.
  if (!clause || opensWithReference(clause)) return undefined
  const own = clause.startsWith(name) ? clause.slice(name.length).replace(/^[\s,]+/, '') : clause
  const text = own.replace(/[.;:]$/, '')
  return text.split(/\s+/).length < 2 || endsOpen(text) ? undefined : { text, completed: first.completed, from: 'clause' }
}

/**
 * A sentence that opens with "He"/"She"/"His"/"Her", with the pronoun replaced by the surname of the
 * one person the sentence before it names; the sentence as it is when it opens with no reference;
 * undefined when nobody can be named ("It became…", "They…", two people before it).
 */
export function resolved(sentence: EssaySentence, all: readonly EssaySentence[], essay: Essay): string | undefined {
  if (!opensWithReference(sentence.text)) return sentence.text
  const pronoun = /^(He|She|His|Her)\b/u.exec(sentence.text)?.[1]
  const before = all[sentence.index - 1]
  if (!pronoun || !before || before.partId !== sentence.partId) return undefined
  const named = essay.people.filter((person) => before.text.includes(surname(person.name)))
  const surnames = new Set(named.map((person) => surname(person.name)))
  if (surnames.size !== 1) return undefined
  const [who] = surnames
  // "Her" opening a sentence is almost always "her line…", not an object.
  const possessive = pronoun === 'His' || pronoun === 'Her'
  return `${possessive ? `${who}’s` : who}${sentence.text.slice(pronoun.length)}`
}

export function surname(name: string): string {
  return name.split(/\s+/).at(-1) ?? name
}
