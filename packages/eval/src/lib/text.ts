/**
 * The matching rules every figure uses. Text is compared as a sequence of words: case, accents,
 * whitespace, quotation marks, dashes, Markdown emphasis and punctuation between words do not
 * matter; a different, missing or extra word always does. So two renderings of one sentence
 * match, and two different sentences never do.
 */

/**
 * The words of a text: lower case, accents folded, a possessive or contracted 's dropped
 * ("Müller's" → "muller"), other apostrophes inside words dropped ("didn't" → "didnt").
 */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/(\p{L})['‘’ʼ]s(?!\p{L})/gu, '$1')
    .replace(/(\p{L})['‘’ʼ](?=\p{L})/gu, '$1')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
}

/** Same sentence: the same words in the same order. */
export function sameText(a: string, b: string): boolean {
  const x = words(a)
  const y = words(b)
  return x.length > 0 && x.length === y.length && x.every((w, i) => w === y[i])
}

/** Where `needle`'s words occur, in order and adjacent, inside `hay`'s words (-1 if not). */
export function indexOfWords(hay: readonly string[], needle: readonly string[]): number {
  if (needle.length === 0) return -1
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer
    return i
  }
  return -1
}

/** The phrase occurs in the text as whole words ("65" is not found in "1965"). */
export function containsPhrase(text: string, phrase: string): boolean {
  return indexOfWords(words(text), words(phrase)) >= 0
}

/**
 * A key word is present when its words occur in order, the last one as the start of a word, so
 * "annul" finds "annulled" and "Nazi" finds "Nazis". `a|b` is satisfied by either alternative.
 */
export function hasKeyword(text: string, keyword: string): boolean {
  const hay = words(text)
  return keyword.split('|').some((alternative) => {
    const needle = words(alternative)
    if (needle.length === 0) return false
    const head = needle.slice(0, -1)
    const last = needle[needle.length - 1]!
    for (let i = 0; i + needle.length <= hay.length; i++) {
      if (head.every((w, j) => hay[i + j] === w) && hay[i + head.length]!.startsWith(last)) return true
    }
    return false
  })
}

const articles = new Set(['the', 'a', 'an'])

/** A name or term without a leading article and with a plural -s folded: "the Calvin cycle" ≈ "Calvin cycles". */
export function nameKey(text: string): string {
  const w = words(text)
  while (w.length > 1 && articles.has(w[0]!)) w.shift()
  const last = w.length - 1
  if (last >= 0 && w[last]!.length > 3 && w[last]!.endsWith('s') && !w[last]!.endsWith('ss')) w[last] = w[last]!.slice(0, -1)
  return w.join(' ')
}

/** Words that carry no content of their own; a definition is compared on the rest. */
export const functionWords = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'so', 'yet', 'for', 'of', 'to', 'in', 'on', 'at', 'by',
  'with', 'from', 'into', 'onto', 'upon', 'about', 'as', 'than', 'that', 'which', 'who', 'whom', 'whose',
  'this', 'these', 'those', 'it', 'its', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have',
  'had', 'do', 'does', 'did', 'not', 'no', 'if', 'when', 'where', 'while', 'because', 'although', 'though',
  'their', 'they', 'them', 'he', 'she', 'his', 'her', 'him', 'we', 'our', 'you', 'your', 'i', 'my', 'me',
  'all', 'any', 'some', 'can', 'could', 'would', 'should', 'will', 'shall', 'may', 'might', 'must',
  'there', 'what', 'then', 'also', 'only', 'very', 'such', 'one', 'other', 'each', 'every', 'both',
])

/** The content words of a text, in order. */
export function contentWords(text: string): string[] {
  return words(text).filter((w) => !functionWords.has(w))
}

/** The share (0–1) of `reference`'s content words that occur in `text`. */
export function contentOverlap(reference: string, text: string): number {
  const wanted = [...new Set(contentWords(reference))]
  if (wanted.length === 0) return 0
  const have = new Set(words(text))
  return wanted.filter((w) => have.has(w)).length / wanted.length
}
