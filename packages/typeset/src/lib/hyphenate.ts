/**
 * British English hyphenation: Liang's algorithm over the en-GB TeX patterns (hyphenation.en-gb), with
 * the rules of hypher, which reads the same files. The build splits the patterns into letters and
 * points (dist/hyphenation/en-gb.json), which go into one map on first use, not into hypher's object
 * trie, which took a fresh process longer to build than hyphenating a whole essay; a test holds the two
 * to the same answers. Words are cached:
 * an essay repeats its vocabulary, and a paragraph is laid out more than once when it is measured at
 * different widths.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

interface Patterns {
  readonly leftmin: number
  readonly rightmin: number
  /** By pattern length (letters and digits): the patterns of that length, run together. */
  readonly patterns: Readonly<Record<string, string>>
}

/** The patterns as the build writes them (`hyphenationFile`): letters and points, space-separated. */
export interface HyphenationTable {
  readonly format: typeof hyphenationFormat
  readonly leftmin: number
  readonly rightmin: number
  readonly letters: string
  readonly points: string
}

export const hyphenationFormat = 1

interface Table {
  /** A pattern's letters → its points, one digit before each letter and one after the last. */
  readonly points: ReadonlyMap<string, string>
  readonly longest: number
  readonly leftmin: number
  readonly rightmin: number
}

let table: Table | undefined
const cache = new Map<string, readonly string[]>()

/** The en-GB patterns split into letters and points (what the build writes, and the fallback reads). */
export function hyphenationTable(): HyphenationTable {
  const { patterns, leftmin, rightmin } = require('hyphenation.en-gb') as Patterns
  const letters: string[] = []
  const points: string[] = []
  for (const [size, run] of Object.entries(patterns)) {
    const length = Number(size)
    for (let start = 0; start < run.length; start += length) {
      // A point before each letter and one after the last; a missing digit is 0.
      let [word, digits, pending] = ['', '', '0']
      for (const char of run.slice(start, start + length)) {
        if (char >= '0' && char <= '9') pending = char
        else [word, digits, pending] = [word + char, digits + pending, '0']
      }
      letters.push(word)
      points.push(digits + pending)
    }
  }
  return { format: hyphenationFormat, leftmin, rightmin, letters: letters.join(' '), points: points.join(' ') }
}

/** Where the build writes the table: dist/hyphenation/en-gb.json. */
export function hyphenationFile(): URL {
  return new URL('../../dist/hyphenation/en-gb.json', import.meta.url)
}

function load(): Table {
  let source: HyphenationTable | undefined
  // Beside this module when it runs from dist/ or src/; through the package's exports when bundled elsewhere.
  for (const file of [() => hyphenationFile(), () => require.resolve('@lectern/typeset/hyphenation/en-gb.json')]) {
    try {
      const table = JSON.parse(readFileSync(file(), 'utf8')) as HyphenationTable
      if (table.format === hyphenationFormat) {
        source = table
        break
      }
    } catch {
      // Not built (a test run straight from src/), or not reachable from here: try the next one.
    }
  }
  // Not built at all: split the package's patterns here.
  source ??= hyphenationTable()
  const letters = source.letters.split(' ')
  const digits = source.points.split(' ')
  const points = new Map<string, string>()
  let longest = 0
  letters.forEach((key, index) => {
    points.set(key, digits[index]!)
    if (key.length > longest) longest = key.length
  })
  return { points, longest, leftmin: source.leftmin, rightmin: source.rightmin }
}

/** Liang's algorithm as hypher runs it: `_word_` lower-cased, the highest point wins, odd points break. */
export function hyphenate(word: string): string[] {
  table ??= load()
  // hypher leaves a word that already has soft hyphens alone.
  if (word.includes('\u00ad')) return [word]
  const original = `_${word}_`
  const lower = original.toLowerCase()
  const length = lower.length
  const points = new Uint8Array(length + 1)
  for (let i = 0; i < length; i++) {
    const end = Math.min(length, i + table.longest)
    for (let j = i + 1; j <= end; j++) {
      const found = table.points.get(lower.slice(i, j))
      if (found === undefined) continue
      for (let k = 0; k < found.length; k++) {
        const point = found.charCodeAt(k) - 48
        if (point > points[i + k]!) points[i + k] = point
      }
    }
  }
  const parts = ['']
  for (let i = 1; i < length - 1; i++) {
    const char = original[i] ?? ''
    if (i > table.leftmin && i < length - table.rightmin && points[i]! % 2) parts.push(char)
    else parts[parts.length - 1] += char
  }
  return parts
}

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
  // Words that are never hyphenated come back at once, and are not kept.
  if (word.length < 5 || !/^[\p{L}’']+$/u.test(word) || word === word.toUpperCase()) return [word]
  let parts = cache.get(word)
  if (!parts) {
    parts = hyphenate(word)
    // The patterns keep 2 letters before and 3 after a break; an apostrophe ending counts as letters.
    if (parts.length > 1 && /^[’']/.test(parts.at(-1)!)) parts = [...parts.slice(0, -2), parts.at(-2)! + parts.at(-1)!]
    cache.set(word, parts)
  }
  return parts
}
