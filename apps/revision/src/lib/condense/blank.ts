/**
 * Which word a "Complete: …" self-test question hides in one of the essay's sentences: the one that
 * carries the most, which is the word the essay uses least (a term, a name, a number), the longer the
 * better; of two equals, a common word before a capitalised one ("bankrupt", not the "American" of
 * "American war"), then, English putting what is new at the end, the later. "The first cause was
 * money." hides "money"; "It happens in the chloroplasts of plant cells." hides "chloroplasts".
 */
import { contentWords, nameGoesOn } from '@lectern/content/text'
import type { Blank } from './items.js'
import type { EssaySentence } from './sentences.js'

/** In how many of the essay's sentences each (folded) content word stands. */
export function documentFrequency(sentences: readonly EssaySentence[]): Map<string, number> {
  const frequency = new Map<string, number>()
  for (const sentence of sentences) for (const word of new Set(sentence.words)) frequency.set(word, (frequency.get(word) ?? 0) + 1)
  return frequency
}

/** Too short a sentence leaves nothing to recall the word by. */
const fewestWords = 4

export function blankIn(text: string, frequency: ReadonlyMap<string, number>): Blank | undefined {
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)]
  if (tokens.length < fewestWords) return undefined
  const folded = tokens.map((token) => contentWords(token[0])[0])
  let best: { blank: Blank; score: readonly number[] } | undefined
  for (const [i, token] of tokens.entries()) {
    const word = folded[i]
    const hidden = token[0]
    // A stop word, a short word or a word the sentence repeats (which would give the answer away).
    if (!word || (hidden.length < 4 && !/^\d{3,}$/.test(hidden))) continue
    if (folded.filter((other) => other === word).length > 1) continue
    // A first name alone ("Martin" of "Martin Orne") leaves half a name to guess the other half from.
    if (/^\p{Lu}/u.test(hidden) && nameGoesOn(text, token.index + hidden.length)) continue
    const score = [-(frequency.get(word) ?? 0), Math.min(hidden.length, 12), /^\p{Lu}/u.test(hidden) ? 0 : 1, i]
    if (!best || isGreater(score, best.score)) best = { blank: { hidden, at: token.index, text }, score }
  }
  return best?.blank
}

function isGreater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!
  return false
}
