/**
 * The words a sentence is about, for comparing sentences: lower-cased, stop words removed, and
 * plural and possessive endings folded so "armies", "army's" and "army" meet.
 */
import { eng } from 'stopword'

const stop = new Set<string>(eng)

/** Remembered by text: a rebuild of an edited essay meets most of its sentences again. */
const known = new Map<string, readonly string[]>()
const knownLimit = 50_000

export function contentWords(text: string): readonly string[] {
  let words = known.get(text)
  if (!words) {
    const all = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []
    words = all.filter((word) => !stop.has(word) && !/^\d{1,2}$/.test(word)).map(fold)
    if (known.size >= knownLimit) known.clear()
    known.set(text, words)
  }
  return words
}

function fold(word: string): string {
  const bare = word.replace(/['’]s$/, '')
  if (bare.length > 4 && bare.endsWith('ies')) return `${bare.slice(0, -3)}y`
  if (bare.length > 3 && bare.endsWith('s') && !/(ss|us|is)$/.test(bare)) return bare.slice(0, -1)
  return bare
}

/**
 * A light stem, for matching one word across its forms ("annuls", "annulled" → "annul"; "signed",
 * "signing" → "sign"; "dies", "died" → "di"): verb endings off, a doubled final consonant single. Only ever compared with
 * other stems, so it need not be a word.
 */
export function stem(word: string): string {
  const bare = word.replace(/(?:ing|ed|e)$/, '')
  return (bare.length >= 2 ? bare : word).replace(/([b-df-hj-np-tv-z])\1$/, '$1')
}

const wordChar = /[\p{L}\p{N}]/u

/** Where `word` first stands in `text` as a whole word (no letter or digit touching it), or -1. */
export function wholeWordAt(text: string, word: string): number {
  if (word === '') return -1
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = at === 0 ? '' : String.fromCodePoint(codePointBefore(text, at))
    const after = at + word.length >= text.length ? '' : String.fromCodePoint(text.codePointAt(at + word.length)!)
    if (!wordChar.test(before) && !wordChar.test(after)) return at
  }
  return -1
}

function codePointBefore(text: string, at: number): number {
  const low = text.charCodeAt(at - 1)
  // The second half of a surrogate pair: the character is the pair.
  if (at >= 2 && low >= 0xdc00 && low <= 0xdfff) return text.codePointAt(at - 2)!
  return low
}
