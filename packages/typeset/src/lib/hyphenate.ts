/**
 * British English hyphenation: hypher with the en-GB TeX patterns (hyphenation.en-gb), through
 * tex-linebreak's `createHyphenator`. Words are cached: an essay repeats its vocabulary, and a paragraph
 * is laid out more than once when it is measured at different widths.
 */
import { createRequire } from 'node:module'
import texLinebreak from 'tex-linebreak'

const require = createRequire(import.meta.url)

interface Patterns {
  id: string
  leftmin: number
  rightmin: number
  patterns: Record<string, string>
}

let enGb: ((word: string) => string[]) | undefined
const cache = new Map<string, readonly string[]>()

/** Whether we have patterns for this language (any English: en-GB's patterns suit en-US text well enough). */
export function canHyphenate(lang: string): boolean {
  return /^en\b/i.test(lang)
}

/**
 * The syllables of `word` between which a hyphen may go (`['sig', 'nif', 'i', 'cance']`). A word with
 * no break, a short word or anything with digits comes back whole. Only letters are hyphenated; callers
 * split off punctuation and explicit hyphens first.
 */
export function syllables(word: string): readonly string[] {
  let parts = cache.get(word)
  if (!parts) {
    if (word.length < 5 || !/^[\p{L}’']+$/u.test(word) || word === word.toUpperCase()) {
      parts = [word]
    } else {
      enGb ??= texLinebreak.createHyphenator(require('hyphenation.en-gb') as Patterns)
      parts = enGb(word)
      // The patterns keep 2 letters before and 3 after a break; an apostrophe ending counts as letters.
      if (parts.length > 1 && /^[’']/.test(parts.at(-1)!)) parts = [...parts.slice(0, -2), parts.at(-2)! + parts.at(-1)!]
    }
    cache.set(word, parts)
  }
  return parts
}
